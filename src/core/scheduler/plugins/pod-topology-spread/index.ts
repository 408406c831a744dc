/**
 * PodTopologySpread scoring with the system default constraints (hostname maxSkew 3,
 * zone maxSkew 5, ScheduleAnyway): pods of one Service/ReplicaSet/StatefulSet spread out.
 */
import type { KubeObject } from '../../../api/types'
import { controllerRef } from '../../../api/types'
import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/types'

export const NAME = 'PodTopologySpread'
const STATE_KEY = 'PreScorePodTopologySpread'

function sameOwner(a: KubeObject, b: KubeObject): boolean {
  const ra = controllerRef(a)
  const rb = controllerRef(b)
  return !!ra && !!rb && ra.uid === rb.uid && a.metadata.namespace === b.metadata.namespace
}

export const podTopologySpread: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(state, pod, nodes) {
    const counts = new Map<string, number>()
    if (controllerRef(pod)) {
      for (const n of nodes) counts.set(n.node.metadata.name!, n.pods.filter((p) => sameOwner(p, pod)).length)
    }
    state.set(STATE_KEY, counts)
  },
  score(state, _pod, node) {
    const counts = state.get(STATE_KEY) as Map<string, number> | undefined
    return counts?.get(node.node.metadata.name!) ?? 0
  },
  normalize(scores) {
    // Fewer matching pods is better: the emptiest node scores 100.
    let max = 0
    let min = Infinity
    for (let i = 0; i < scores.length; i++) {
      max = Math.max(max, scores[i]!)
      min = Math.min(min, scores[i]!)
    }
    for (let i = 0; i < scores.length; i++) scores[i] = max === min ? MAX_NODE_SCORE : Math.floor((MAX_NODE_SCORE * (max + min - scores[i]!)) / max)
  },
}
