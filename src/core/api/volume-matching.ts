/**
 * Which PersistentVolume a claim may bind to (pkg/controller/volume/persistentvolume/util:
 * FindMatchingVolume): same class, every requested access mode, the claim's selector, enough
 * capacity, not bound to another claim; the smallest such volume wins so big ones stay free.
 * Shared by the PV controller and the scheduler's VolumeBinding plugin (which also asks that
 * the volume's node affinity fit the node it considers).
 */

import type { KubeObject } from './types'
import { selectorFromLabelSelector, type LabelSelector } from '../machinery/labels'
import { parseQuantity } from '../machinery/quantity'

/* eslint-disable @typescript-eslint/no-explicit-any -- PV/PVC specs are free-form objects */

export const pvSpec = (o: KubeObject): any => (o.spec ?? {}) as any
export const phaseOf = (o: KubeObject): string => ((o.status as any)?.phase as string) ?? 'Pending'

/** GetPersistentVolumeClaimClass: "" when the claim names no class. */
export function claimClass(pvc: KubeObject): string {
  return pvSpec(pvc).storageClassName ?? ''
}

export function requestedBytes(pvc: KubeObject): number {
  const q = pvSpec(pvc).resources?.requests?.storage
  return q === undefined ? 0 : parseQuantity(q)
}

export function capacityBytes(pv: KubeObject): number {
  const q = pvSpec(pv).capacity?.storage
  return q === undefined ? 0 : parseQuantity(q)
}

/** Whether the volume is pre-bound or bound to exactly this claim. */
export function claimRefMatches(pv: KubeObject, pvc: KubeObject): boolean {
  const ref = pvSpec(pv).claimRef
  if (!ref) return false
  if (ref.name !== pvc.metadata.name || (ref.namespace ?? '') !== pvc.metadata.namespace) return false
  return !ref.uid || ref.uid === pvc.metadata.uid
}

export function findMatchingVolume(pvc: KubeObject, volumes: KubeObject[], accept: (pv: KubeObject) => boolean = () => true): KubeObject | undefined {
  const spec = pvSpec(pvc)
  const want = requestedBytes(pvc)
  const modes: string[] = spec.accessModes ?? []
  const selector = selectorFromLabelSelector(spec.selector as LabelSelector | undefined)
  let best: KubeObject | undefined
  for (const pv of volumes) {
    if (pv.metadata.deletionTimestamp) continue
    const vs = pvSpec(pv)
    // A volume pre-bound to this claim by name wins outright (the administrator chose it).
    if (spec.volumeName && spec.volumeName !== pv.metadata.name) continue
    if (vs.claimRef && !claimRefMatches(pv, pvc)) continue
    if (!vs.claimRef && phaseOf(pv) !== 'Available' && phaseOf(pv) !== 'Pending') continue
    if ((vs.storageClassName ?? '') !== claimClass(pvc)) continue
    if ((vs.volumeMode ?? 'Filesystem') !== (spec.volumeMode ?? 'Filesystem')) continue
    const has: string[] = vs.accessModes ?? []
    if (!modes.every((m) => has.includes(m))) continue
    if (selector && !selector.matches(pv.metadata.labels)) continue
    if (!accept(pv)) continue
    const cap = capacityBytes(pv)
    if (cap < want) continue
    if (vs.claimRef) return pv
    if (!best || cap < capacityBytes(best)) best = pv
  }
  return best
}
