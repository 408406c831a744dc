/**
 * InterPodAffinity (filtering.go, scoring.go): required pod affinity / anti-affinity of the
 * incoming pod and required anti-affinity of existing pods filter; preferred terms (and
 * existing pods' required affinity, hardPodAffinityWeight 1) score per topology domain.
 */
import type { KubeObject } from '../../../api/types'
import { SKIP, SUCCESS, unresolvable, unschedulable, type FilterPlugin, type NodeInfo, type SchedulerListers, type ScorePlugin } from '../../framework/types'
import { podTerms, termMatches, type AffinityTerm } from './terms'

export const NAME = 'InterPodAffinity'
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules"
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules"
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules"
const HARD_POD_AFFINITY_WEIGHT = 1
const FILTER_KEY = 'PreFilterInterPodAffinity'
const SCORE_KEY = 'PreScoreInterPodAffinity'

type Counts = Map<string, number>
const pairKey = (key: string, value: string) => `${key}\0${value}`

function bump(m: Counts, node: KubeObject, key: string, by: number): void {
  const v = node.metadata.labels?.[key]
  if (v === undefined) return
  const k = pairKey(key, v)
  m.set(k, (m.get(k) ?? 0) + by)
}

interface FilterState {
  pod: KubeObject
  nsLabels: SchedulerListers | undefined
  affinity: AffinityTerm[]
  antiAffinity: AffinityTerm[]
  affinityCounts: Counts
  antiAffinityCounts: Counts
  existingAntiAffinityCounts: Counts
}

export const interPodAffinityFilter: FilterPlugin = {
  name: NAME,
  preFilter(state, pod, ctx) {
    const terms = podTerms(pod)
    const nsLabels = ctx.listers
    // Allocated only when some node hosts a pod with required anti-affinity (the hot path has none).
    let existingAntiAffinityCounts: Counts | undefined
    for (const info of ctx.allNodes) {
      if (info.podsWithRequiredAntiAffinity === 0) continue
      for (const p of info.pods) for (const t of podTerms(p).requiredAntiAffinity) if (termMatches(t, pod, nsLabels)) bump((existingAntiAffinityCounts ??= new Map()), info.node, t.topologyKey, 1)
    }
    const { requiredAffinity: affinity, requiredAntiAffinity: antiAffinity } = terms
    if (!existingAntiAffinityCounts && affinity.length === 0 && antiAffinity.length === 0) {
      state.set(FILTER_KEY, undefined)
      return
    }
    const affinityCounts: Counts = new Map()
    const antiAffinityCounts: Counts = new Map()
    if (affinity.length || antiAffinity.length) {
      for (const info of ctx.allNodes) {
        for (const p of info.pods) {
          // The incoming pod's namespaceSelector is resolved against the namespace lister here too.
          if (affinity.length && affinity.every((t) => termMatches(t, p, nsLabels))) for (const t of affinity) bump(affinityCounts, info.node, t.topologyKey, 1)
          for (const t of antiAffinity) if (termMatches(t, p, nsLabels)) bump(antiAffinityCounts, info.node, t.topologyKey, 1)
        }
      }
    }
    const s: FilterState = { pod, nsLabels, affinity, antiAffinity, affinityCounts, antiAffinityCounts, existingAntiAffinityCounts: existingAntiAffinityCounts ?? new Map() }
    state.set(FILTER_KEY, s)
  },
  filter(state, _pod, node) {
    const s = state.get(FILTER_KEY) as FilterState | undefined
    if (!s) return SUCCESS
    const labels = node.node.metadata.labels ?? {}
    if (!satisfyPodAffinity(s, labels)) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH)
    for (const t of s.antiAffinity) {
      const v = labels[t.topologyKey]
      if (v !== undefined && (s.antiAffinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0) return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH)
    }
    if (s.existingAntiAffinityCounts.size) {
      for (const k in labels) if ((s.existingAntiAffinityCounts.get(pairKey(k, labels[k]!)) ?? 0) > 0) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH)
    }
    return SUCCESS
  },
}

function satisfyPodAffinity(s: FilterState, labels: Record<string, string>): boolean {
  let podsExist = true
  for (const t of s.affinity) {
    const v = labels[t.topologyKey]
    // Every topology key must be on the node.
    if (v === undefined) return false
    if ((s.affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false
  }
  if (podsExist) return true
  // The first pod of a group with affinity to itself may go anywhere its keys exist.
  return s.affinityCounts.size === 0 && s.affinity.every((t) => termMatches(t, s.pod, s.nsLabels))
}

/** topologyScore: topology key -> value -> summed weight. */
type ScoreMap = Map<string, number>

function processTerms(m: ScoreMap, terms: AffinityTerm[], target: KubeObject, nsLabels: SchedulerListers | undefined, node: KubeObject, sign: number, weight?: number): void {
  for (const t of terms) if (termMatches(t, target, nsLabels)) bump(m, node, t.topologyKey, (weight ?? t.weight) * sign)
}

export const interPodAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  preScore(state, pod, _nodes, ctx) {
    const terms = podTerms(pod)
    const has = terms.preferredAffinity.length > 0 || terms.preferredAntiAffinity.length > 0
    const nsLabels = ctx.listers
    let scores: ScoreMap | undefined
    for (const info of ctx.allNodes) {
      // Without preferred terms of its own, only nodes hosting pods with affinity matter.
      if (!has && info.podsWithAffinity === 0) continue
      const node = info.node
      if (!node.metadata.labels || !Object.keys(node.metadata.labels).length) continue
      for (const p of info.pods) {
        const other = podTerms(p)
        if (!has && other.requiredAffinity.length + other.preferredAffinity.length + other.preferredAntiAffinity.length === 0) continue
        scores ??= new Map()
        processTerms(scores, terms.preferredAffinity, p, nsLabels, node, 1)
        processTerms(scores, terms.preferredAntiAffinity, p, nsLabels, node, -1)
        processTerms(scores, other.requiredAffinity, pod, nsLabels, node, 1, HARD_POD_AFFINITY_WEIGHT)
        processTerms(scores, other.preferredAffinity, pod, nsLabels, node, 1)
        processTerms(scores, other.preferredAntiAffinity, pod, nsLabels, node, -1)
      }
    }
    if (!scores) return SKIP
    state.set(SCORE_KEY, scores)
  },
  score(state, _pod, node: NodeInfo) {
    const m = state.get(SCORE_KEY) as ScoreMap | undefined
    if (!m) return 0
    let total = 0
    const labels = node.node.metadata.labels ?? {}
    for (const k in labels) total += m.get(pairKey(k, labels[k]!)) ?? 0
    return total
  },
  normalize(scores) {
    let min = Infinity
    let max = -Infinity
    for (let i = 0; i < scores.length; i++) {
      min = Math.min(min, scores[i]!)
      max = Math.max(max, scores[i]!)
    }
    const diff = max - min
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.floor((100 * (scores[i]! - min)) / diff) : 0
  },
}
