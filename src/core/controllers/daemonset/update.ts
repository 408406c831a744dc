/**
 * DaemonSet RollingUpdate (pkg/controller/daemon/update.go rollingUpdate). Without surge it
 * deletes old pods while the unavailable count stays within maxUnavailable and lets the manage
 * loop create their replacements once they are gone; with maxSurge it first starts a new pod
 * beside an old one (at most maxSurge at a time) and the old one goes when the new one is
 * available. OnDelete replaces nothing.
 */

import type { KubeObject } from '../../api/types'
import { isPodAvailable } from '../controller-utils/pods'
import { isPodUpdated } from './daemon-pods'

interface RollingUpdate {
  maxUnavailable?: number | string
  maxSurge?: number | string
}

export function rollingUpdateOf(ds: KubeObject): RollingUpdate | undefined {
  const s = (ds.spec as { updateStrategy?: { type?: string; rollingUpdate?: RollingUpdate } }).updateStrategy
  return s?.type === 'RollingUpdate' ? (s.rollingUpdate ?? {}) : undefined
}

/** GetScaledValueFromIntOrPercent with roundUp (both counts round up for DaemonSets). */
function scaled(v: number | string | undefined, total: number): number {
  if (v === undefined) return 0
  if (typeof v === 'number') return v
  const m = /^(\d+)%$/.exec(v)
  return m ? Math.ceil((parseInt(m[1]!, 10) * total) / 100) : parseInt(v, 10) || 0
}

/** updatedDesiredNodeCounts: maxSurge and maxUnavailable for this many nodes; never both 0. */
export function desiredCounts(ds: KubeObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = rollingUpdateOf(ds)
  const maxSurge = ru ? scaled(ru.maxSurge, desired) : 0
  let maxUnavailable = ru ? scaled(ru.maxUnavailable, desired) : 0
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1
  return { maxSurge, maxUnavailable }
}

/** findUpdatedPodsOnNode: at most one new and one old live pod, else not ok. */
function findUpdatedPodsOnNode(pods: KubeObject[], hash: string, generation: number | undefined): { newPod?: KubeObject; oldPod?: KubeObject; ok: boolean } {
  let newPod: KubeObject | undefined
  let oldPod: KubeObject | undefined
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue
    if (isPodUpdated(p, hash, generation)) {
      if (newPod) return { ok: false }
      newPod = p
    } else {
      if (oldPod) return { ok: false }
      oldPod = p
    }
  }
  return { newPod, oldPod, ok: true }
}

export interface RollingInput {
  ds: KubeObject
  hash: string
  /** Each node's daemon pods (terminating ones included). */
  nodeToDaemonPods: Map<string, KubeObject[]>
  shouldRun: (node: string) => boolean
  desired: number
  now: number
}

/** The old pods to delete and the nodes to start a new pod on. */
export function rollingUpdate(r: RollingInput): { deletePods: KubeObject[]; createOn: string[] } {
  const { maxSurge, maxUnavailable } = desiredCounts(r.ds, r.desired)
  const min = (r.ds.spec as { minReadySeconds?: number }).minReadySeconds ?? 0
  const generation = r.ds.metadata.generation
  const available = (p: KubeObject) => isPodAvailable(p, min, r.now)
  if (maxSurge === 0) {
    let numUnavailable = 0
    const allowed: KubeObject[] = []
    const candidates: KubeObject[] = []
    for (const pods of r.nodeToDaemonPods.values()) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, r.hash, generation)
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++
      else if (newPod) {
        if (!available(newPod)) numUnavailable++
      } else if (!available(oldPod!)) {
        allowed.push(oldPod!)
        numUnavailable++
      } else if (numUnavailable < maxUnavailable) candidates.push(oldPod!)
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length)
    return { deletePods: [...allowed, ...candidates.slice(0, remaining)], createOn: [] }
  }
  const deletePods: KubeObject[] = []
  const allowedNodes: string[] = []
  const candidateNodes: string[] = []
  let numSurge = 0
  for (const [node, pods] of r.nodeToDaemonPods) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, r.hash, generation)
    if (!ok) {
      numSurge++
      continue
    }
    if (!oldPod) continue
    if (!newPod) {
      if (!available(oldPod)) {
        if (!r.shouldRun(node)) deletePods.push(oldPod)
        else allowedNodes.push(node)
      } else candidateNodes.push(node)
    } else if (!available(newPod)) numSurge++
    else deletePods.push(oldPod)
  }
  const remaining = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length)
  return { deletePods, createOn: [...allowedNodes, ...candidateNodes.slice(0, remaining)] }
}
