/**
 * ControllerRefManager: a controller owns the objects that point at it as controller;
 * it adopts orphans its selector matches and releases owned ones it no longer matches.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone, controllerRef } from '../../api/types'
import type { APIServer } from '../../apiserver/server'
import type { Selector } from '../../machinery/labels'
import { ownerRefFor } from './pods'

export function claimObjects(api: APIServer, t: ResourceType, owner: KubeObject, selector: Selector, candidates: KubeObject[]): KubeObject[] {
  const claimed: KubeObject[] = []
  for (const o of candidates) {
    const ref = controllerRef(o)
    const matches = selector.matches(o.metadata.labels)
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue
      if (matches) claimed.push(o)
      else if (!owner.metadata.deletionTimestamp) release(api, t, owner, o)
      continue
    }
    // Orphan: adopt it, unless it or the owner is going away.
    if (!matches || owner.metadata.deletionTimestamp || o.metadata.deletionTimestamp) continue
    const next = clone(o)
    next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), ownerRefFor(owner)]
    try {
      claimed.push(api.update(t, next))
    } catch {
      // Someone else changed it first; the next sync sees the new state.
    }
  }
  return claimed
}

function release(api: APIServer, t: ResourceType, owner: KubeObject, o: KubeObject): void {
  const next = clone(o)
  next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid)
  if (!next.metadata.ownerReferences.length) delete next.metadata.ownerReferences
  try {
    api.update(t, next)
  } catch {
    // Gone or changed: nothing to release.
  }
}
