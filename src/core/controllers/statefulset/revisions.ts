/**
 * StatefulSet revision bookkeeping (stateful_set_control.go getStatefulSetRevisions,
 * truncateHistory): the update revision is the ControllerRevision whose data equals the
 * current template, created or re-numbered as needed; unused old ones are trimmed to
 * revisionHistoryLimit.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import type { APIServer } from '../../apiserver/server'
import { controlledRevisions, maxRevision, revisionMatches } from '../controller-utils/history'
import { newRevision, revisionOfPod, sspec } from './stateful-pods'

export interface Revisions {
  current: KubeObject
  update: KubeObject
  all: KubeObject[]
}

export const ownedRevisions = controlledRevisions

export function getStatefulSetRevisions(api: APIServer, crType: ResourceType, set: KubeObject, owned: KubeObject[]): Revisions {
  const all = [...owned]
  const next = maxRevision(all) + 1
  const equal = all.filter((r) => revisionMatches(r, sspec(set).template))
  let update: KubeObject
  const last = all[all.length - 1]
  if (equal.length && last && equal.includes(last)) {
    update = last
  } else if (equal.length) {
    // An old template came back (a rollback): its revision moves to the front.
    const r = clone(equal[equal.length - 1]!)
    r.revision = next
    update = api.update(crType, r)
    const i = all.findIndex((x) => x.metadata.uid === update.metadata.uid)
    all.splice(i, 1)
    all.push(update)
  } else {
    const collisionCount = (set.status as { collisionCount?: number } | undefined)?.collisionCount ?? 0
    update = api.create(crType, newRevision(set, next, collisionCount))
    all.push(update)
  }
  const currentName = (set.status as { currentRevision?: string } | undefined)?.currentRevision
  const current = all.find((r) => r.metadata.name === currentName) ?? update
  return { current, update, all }
}

/** truncateHistory: keep revisions in use (current, update, any live pod's) and the newest others. */
export function truncateHistory(api: APIServer, crType: ResourceType, set: KubeObject, revs: Revisions, pods: KubeObject[]): void {
  const live = new Set<string>([revs.current.metadata.name!, revs.update.metadata.name!])
  for (const p of pods) {
    const r = revisionOfPod(p)
    if (r) live.add(r)
  }
  const history = revs.all.filter((r) => !live.has(r.metadata.name!))
  const limit = sspec(set).revisionHistoryLimit ?? 10
  for (const r of history.slice(0, Math.max(0, history.length - limit))) {
    try {
      api.delete(crType, r.metadata.namespace, r.metadata.name!)
    } catch {
      // Already gone.
    }
  }
}
