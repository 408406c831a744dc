/** NodeResourcesBalancedAllocation: favour nodes whose cpu and memory use stay in proportion. */
import { podRequests } from '../../framework/node-info'
import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/types'

export const NAME = 'NodeResourcesBalancedAllocation'

export const balancedAllocation: ScorePlugin = {
  name: NAME,
  weight: 1,
  score(_s, pod, node) {
    const { req } = podRequests(pod)
    const fr = [
      Math.min(1, (node.requested.milliCPU + req.milliCPU) / (node.allocatable.milliCPU || 1)),
      Math.min(1, (node.requested.memory + req.memory) / (node.allocatable.memory || 1)),
    ]
    const mean = (fr[0]! + fr[1]!) / 2
    const std = Math.sqrt(((fr[0]! - mean) ** 2 + (fr[1]! - mean) ** 2) / 2)
    return Math.floor((1 - std) * MAX_NODE_SCORE)
  },
}
