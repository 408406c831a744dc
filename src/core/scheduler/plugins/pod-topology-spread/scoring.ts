/**
 * PodTopologySpread Score (scoring.go): ScheduleAnyway constraints, or the system defaults.
 * Each node scores sum(count in its domain * log(domains + 2) + maxSkew - 1), rounded; then
 * normalized so the emptiest node gets 100, and nodes missing a required key get 0.
 */
import type { KubeObject } from '../../../api/types'
import { MAX_NODE_SCORE, SKIP, type NodeInfo, type ScorePlugin } from '../../framework/types'
import {
  countPodsMatchSelector,
  filterConstraints,
  LABEL_HOSTNAME,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
  specConstraints,
  systemDefaultConstraints,
  type Constraint,
} from './common'
import { NAME } from './filtering'

const STATE_KEY = 'PreScorePodTopologySpread'

interface PreScoreState {
  constraints: Constraint[]
  ignored: Set<string>
  pairCounts: Map<string, number>
  weights: number[]
  namespace: string
}

const pairKey = (key: string, value: string) => `${key}\0${value}`

function preScoreState(pod: KubeObject, constraints: Constraint[], requireAll: boolean, filtered: NodeInfo[], all: NodeInfo[]): PreScoreState {
  const ignored = new Set<string>()
  const pairCounts = new Map<string, number>()
  const sizes = constraints.map(() => 0)
  for (const info of filtered) {
    const labels = info.node.metadata.labels ?? {}
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) {
      ignored.add(info.node.metadata.name!)
      continue
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME) return
      const k = pairKey(c.topologyKey, labels[c.topologyKey] ?? '')
      if (pairCounts.has(k)) return
      pairCounts.set(k, 0)
      sizes[i]!++
    })
  }
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? filtered.length - ignored.size : sizes[i]!) + 2))
  const namespace = pod.metadata.namespace ?? 'default'
  for (const info of all) {
    const labels = info.node.metadata.labels ?? {}
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) continue
    for (const c of constraints) {
      if (!matchNodeInclusionPolicies(c, pod, info.node)) continue
      const k = pairKey(c.topologyKey, labels[c.topologyKey] ?? '')
      const n = pairCounts.get(k)
      // Only domains of candidate nodes matter.
      if (n === undefined) continue
      pairCounts.set(k, n + countPodsMatchSelector(info, c.selector, namespace))
    }
  }
  return { constraints, ignored, pairCounts, weights, namespace }
}

export const podTopologySpreadScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(state, pod, nodes, ctx) {
    const spec = specConstraints(pod)
    const constraints = spec ? filterConstraints(pod, spec, 'ScheduleAnyway') : systemDefaultConstraints(pod, ctx.listers)
    // The system defaults do not require every node to carry the zone label.
    if (!constraints.length) return SKIP
    state.set(STATE_KEY, preScoreState(pod, constraints, !!spec, nodes, ctx.allNodes))
  },
  score(state, _pod, node) {
    const s = state.get(STATE_KEY) as PreScoreState | undefined
    if (!s || s.ignored.has(node.node.metadata.name!)) return 0
    const labels = node.node.metadata.labels ?? {}
    let score = 0
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!
      const value = labels[c.topologyKey]
      if (value === undefined) continue
      const count = c.topologyKey === LABEL_HOSTNAME ? countPodsMatchSelector(node, c.selector, s.namespace) : (s.pairCounts.get(pairKey(c.topologyKey, value)) ?? 0)
      score += count * s.weights[i]! + (c.maxSkew - 1)
    }
    return Math.round(score)
  },
  normalize(scores, state, nodes) {
    const s = state.get(STATE_KEY) as PreScoreState | undefined
    if (!s) return
    let min = Infinity
    let max = -Infinity
    for (let i = 0; i < scores.length; i++) {
      if (s.ignored.has(nodes[i]!.node.metadata.name!)) continue
      min = Math.min(min, scores[i]!)
      max = Math.max(max, scores[i]!)
    }
    for (let i = 0; i < scores.length; i++) {
      if (s.ignored.has(nodes[i]!.node.metadata.name!)) scores[i] = 0
      else if (max === 0) scores[i] = MAX_NODE_SCORE
      else scores[i] = Math.floor((MAX_NODE_SCORE * (max + min - scores[i]!)) / max)
    }
  },
}
