/** NodeName: a pod that names its node fits only there. */
import { SUCCESS, unresolvable, type FilterPlugin } from '../../framework/types'

export const NAME = 'NodeName'
export const ERR_REASON = "node(s) didn't match the requested node name"

export const nodeName: FilterPlugin = {
  name: NAME,
  filter(_s, pod, node) {
    const want = (pod.spec as { nodeName?: string }).nodeName
    return !want || want === node.node.metadata.name ? SUCCESS : unresolvable(ERR_REASON)
  },
}
