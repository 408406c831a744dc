/**
 * DaemonSet history (pkg/controller/daemon/update.go constructHistory, snapshot,
 * cleanupHistory): the current ControllerRevision `<ds>-<hash>` (hash of the pod template and
 * collisionCount, also the pods' controller-revision-hash label) gets the highest revision
 * number; old ones beyond revisionHistoryLimit go, oldest first, unless a pod still uses them.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import type { APIServer } from '../../apiserver/server'
import { computeHash } from '../../machinery/hash'
import { CONTROLLER_REVISION_HASH_LABEL, maxRevision, newControllerRevision, revisionMatches, revisionNumber, revisionPatch, sortByRevision } from '../controller-utils/history'

interface DaemonSetLike {
  template?: { metadata?: { labels?: Record<string, string> } }
  revisionHistoryLimit?: number
}

const dspec = (ds: KubeObject) => ds.spec as DaemonSetLike

export interface DaemonSetHistory {
  cur: KubeObject
  old: KubeObject[]
  /** The pods' controller-revision-hash for the current template. */
  hash: string
}

/** constructHistory: split into current and old, creating or renumbering the current one. */
export function constructHistory(api: APIServer, crType: ResourceType, ds: KubeObject, owned: KubeObject[]): DaemonSetHistory {
  const template = dspec(ds).template
  const current = owned.filter((r) => revisionMatches(r, template))
  const old = owned.filter((r) => !current.includes(r))
  const currRevision = maxRevision(old) + 1
  let cur: KubeObject
  if (!current.length) {
    cur = snapshot(api, crType, ds, currRevision)
  } else {
    // dedupCurHistories: the highest revision stays; duplicates are removed.
    const sorted = sortByRevision(current)
    cur = sorted[sorted.length - 1]!
    for (const dup of sorted.slice(0, -1)) deleteRevision(api, crType, dup)
    if (revisionNumber(cur) < currRevision) {
      const next = clone(cur)
      next.revision = currRevision
      cur = api.update(crType, next)
    }
  }
  const hash = cur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? cur.metadata.name!.slice(ds.metadata.name!.length + 1)
  return { cur, old, hash }
}

/** snapshot: a new revision carrying the DaemonSet's annotations (change-cause included). */
function snapshot(api: APIServer, crType: ResourceType, ds: KubeObject, revision: number): KubeObject {
  const template = dspec(ds).template
  const collisionCount = (ds.status as { collisionCount?: number } | undefined)?.collisionCount
  const hash = computeHash(template, collisionCount)
  const name = `${ds.metadata.name}-${hash}`
  const existing = api.peek(crType, ds.metadata.namespace, name)
  // Already created by an earlier sync whose cache had not caught up.
  if (existing && revisionMatches(existing, template)) return existing
  const labels = { ...(template?.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: hash }
  return api.create(crType, newControllerRevision({ owner: ds, name, labels, annotations: ds.metadata.annotations, data: revisionPatch(template), revision }))
}

/** cleanupHistory: at most revisionHistoryLimit old revisions, keeping those live pods use. */
export function cleanupHistory(api: APIServer, crType: ResourceType, ds: KubeObject, old: KubeObject[], pods: KubeObject[]): void {
  let toKill = old.length - (dspec(ds).revisionHistoryLimit ?? 10)
  if (toKill <= 0) return
  const liveHashes = new Set(pods.map((p) => p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL]).filter(Boolean))
  for (const r of sortByRevision(old)) {
    if (toKill <= 0) break
    if (liveHashes.has(r.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL])) continue
    deleteRevision(api, crType, r)
    toKill--
  }
}

function deleteRevision(api: APIServer, crType: ResourceType, r: KubeObject): void {
  try {
    api.delete(crType, r.metadata.namespace, r.metadata.name!)
  } catch {
    // Already gone.
  }
}
