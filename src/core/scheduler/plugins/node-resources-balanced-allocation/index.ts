/** NodeResourcesBalancedAllocation: favour nodes whose cpu and memory use stay in proportion. */
import { podRequests } from '../../framework/node-info'
import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/types'

export const NAME = 'NodeResourcesBalancedAllocation'

export const balancedAllocation: ScorePlugin = {
  name: NAME,
  weight: 1,
  score(_s, pod, node) {
    const { req } = podRequests(pod)
    const cpu = Math.min(1, (node.requested.milliCPU + req.milliCPU) / (node.allocatable.milliCPU || 1))
    const mem = Math.min(1, (node.requested.memory + req.memory) / (node.allocatable.memory || 1))
    // With two resources the standard deviation is half their difference.
    const std = Math.abs(cpu - mem) / 2
    return Math.floor((1 - std) * MAX_NODE_SCORE)
  },
}
