/** NodePorts: a hostPort can be taken by one pod per node. */
import { hostPorts } from '../../framework/node-info'
import { SUCCESS, unschedulable, type FilterPlugin } from '../../framework/types'

export const NAME = 'NodePorts'
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports"

export const nodePorts: FilterPlugin = {
  name: NAME,
  filter(_s, pod, node) {
    for (const p of hostPorts(pod)) {
      const [proto, , port] = p.split('/')
      for (const used of node.usedPorts) {
        const [uproto, , uport] = used.split('/')
        if (uproto === proto && uport === port) return unschedulable(ERR_REASON)
      }
    }
    return SUCCESS
  },
}
