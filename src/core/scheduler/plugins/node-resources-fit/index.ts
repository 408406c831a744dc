/**
 * NodeResourcesFit: requests must fit allocatable minus what the node's pods request
 * (including the pod count); scoring is LeastAllocated over cpu and memory, weight 1 each.
 */
import type { KubeObject } from '../../../api/types'
import { podRequests } from '../../framework/node-info'
import { MAX_NODE_SCORE, SUCCESS, unschedulable, type FilterPlugin, type NodeInfo, type Resources, type ScorePlugin } from '../../framework/types'

export const NAME = 'NodeResourcesFit'

const STATE_KEY = 'PreFilterNodeResourcesFit'

const NO_REASONS: string[] = []

/** Resource names beyond cpu, memory and pods that a pod requests (computed once per pod). */
export function extendedResources(req: Resources): string[] {
  return Object.keys(req).filter((k) => k !== 'milliCPU' && k !== 'memory' && k !== 'pods' && req[k])
}

export function insufficientResources(req: Resources, node: NodeInfo, extended: string[] = extendedResources(req)): string[] {
  const tooMany = node.pods.length + 1 > (node.allocatable.pods ?? 0)
  const cpu = req.milliCPU > 0 && req.milliCPU > node.allocatable.milliCPU - node.requested.milliCPU
  const mem = req.memory > 0 && req.memory > node.allocatable.memory - node.requested.memory
  // The common case allocates nothing: this runs for hundreds of nodes per pod.
  if (!tooMany && !cpu && !mem && extended.length === 0) return NO_REASONS
  const reasons: string[] = []
  if (tooMany) reasons.push('Too many pods')
  if (cpu) reasons.push('Insufficient cpu')
  if (mem) reasons.push('Insufficient memory')
  for (const k of extended) if (req[k]! > (node.allocatable[k] ?? 0) - (node.requested[k] ?? 0)) reasons.push(`Insufficient ${k}`)
  return reasons
}

export const nodeResourcesFitFilter: FilterPlugin = {
  name: NAME,
  preFilter(state, pod) {
    const r = podRequests(pod)
    state.set(STATE_KEY, { ...r, extended: extendedResources(r.req) })
  },
  filter(state, pod, node) {
    const r = (state.get(STATE_KEY) as (ReturnType<typeof podRequests> & { extended: string[] }) | undefined) ?? { ...podRequests(pod), extended: undefined }
    const reasons = insufficientResources(r.req, node, r.extended)
    return reasons.length ? unschedulable(...reasons) : SUCCESS
  },
}

function leastAllocated(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity)
}

export const nodeResourcesFitScore: ScorePlugin = {
  name: NAME,
  weight: 1,
  score(state, pod: KubeObject, node) {
    const r = (state.get(STATE_KEY) as ReturnType<typeof podRequests> | undefined) ?? podRequests(pod)
    const cpu = leastAllocated(node.nonZeroRequested.milliCPU + r.nonZero.milliCPU, node.allocatable.milliCPU)
    const mem = leastAllocated(node.nonZeroRequested.memory + r.nonZero.memory, node.allocatable.memory)
    return Math.floor((cpu + mem) / 2)
  },
}
