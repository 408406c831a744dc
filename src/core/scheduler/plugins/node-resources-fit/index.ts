/**
 * NodeResourcesFit: requests must fit allocatable minus what the node's pods request
 * (including the pod count); scoring is LeastAllocated over cpu and memory, weight 1 each.
 */
import type { KubeObject } from '../../../api/types'
import { podRequests } from '../../framework/node-info'
import { MAX_NODE_SCORE, SUCCESS, unschedulable, type FilterPlugin, type NodeInfo, type Resources, type ScorePlugin } from '../../framework/types'

export const NAME = 'NodeResourcesFit'

const STATE_KEY = 'PreFilterNodeResourcesFit'

export function insufficientResources(req: Resources, node: NodeInfo): string[] {
  const reasons: string[] = []
  if (node.pods.length + 1 > (node.allocatable.pods ?? 0)) reasons.push('Too many pods')
  if (req.milliCPU > 0 && req.milliCPU > node.allocatable.milliCPU - node.requested.milliCPU) reasons.push('Insufficient cpu')
  if (req.memory > 0 && req.memory > node.allocatable.memory - node.requested.memory) reasons.push('Insufficient memory')
  for (const [k, v] of Object.entries(req)) {
    if (k === 'milliCPU' || k === 'memory' || k === 'pods' || !v) continue
    if (v > (node.allocatable[k] ?? 0) - (node.requested[k] ?? 0)) reasons.push(`Insufficient ${k}`)
  }
  return reasons
}

export const nodeResourcesFitFilter: FilterPlugin = {
  name: NAME,
  preFilter(state, pod) {
    state.set(STATE_KEY, podRequests(pod))
  },
  filter(state, pod, node) {
    const r = (state.get(STATE_KEY) as ReturnType<typeof podRequests> | undefined) ?? podRequests(pod)
    const reasons = insufficientResources(r.req, node)
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
