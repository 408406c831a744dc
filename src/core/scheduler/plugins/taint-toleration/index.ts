/** TaintToleration: NoSchedule/NoExecute taints filter, PreferNoSchedule taints lower the score. */
import type { KubeObject } from '../../../api/types'
import { defaultNormalize, SUCCESS, unresolvable, type FilterPlugin, type ScorePlugin } from '../../framework/types'
import { formatTaint, nodeTaints, tolerates, type Toleration } from './tolerations'

export const NAME = 'TaintToleration'

function tolerationsOf(pod: KubeObject): Toleration[] {
  return (pod.spec as { tolerations?: Toleration[] }).tolerations ?? []
}

export const taintTolerationFilter: FilterPlugin = {
  name: NAME,
  filter(_s, pod, node) {
    const tols = tolerationsOf(pod)
    for (const taint of nodeTaints(node.node)) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
      if (!tols.some((t) => tolerates(t, taint))) return unresolvable(`node(s) had untolerated taint ${formatTaint(taint)}`)
    }
    return SUCCESS
  },
}

export const taintTolerationScore: ScorePlugin = {
  name: NAME,
  weight: 3,
  score(_s, pod, node) {
    const tols = tolerationsOf(pod).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
    return nodeTaints(node.node).filter((taint) => taint.effect === 'PreferNoSchedule' && !tols.some((t) => tolerates(t, taint))).length
  },
  normalize(scores) {
    defaultNormalize(scores, true)
  },
}
