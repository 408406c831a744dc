/** NodeUnschedulable: cordoned nodes take no new pods, unless the pod tolerates the unschedulable taint. */
import { SUCCESS, unresolvable, type FilterPlugin } from '../../framework/types'
import { tolerates, type Toleration } from '../taint-toleration/tolerations'

export const NAME = 'NodeUnschedulable'
export const ERR_REASON = 'node(s) were unschedulable'

export const nodeUnschedulable: FilterPlugin = {
  name: NAME,
  filter(_s, pod, node) {
    if (!(node.node.spec as { unschedulable?: boolean } | undefined)?.unschedulable) return SUCCESS
    const tols = (pod.spec as { tolerations?: Toleration[] }).tolerations ?? []
    const ok = tols.some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))
    return ok ? SUCCESS : unresolvable(ERR_REASON)
  },
}
