/**
 * PodTopologySpread Filter (filtering.go): DoNotSchedule constraints. PreFilter counts the
 * matching pods per topology domain over the eligible nodes; a node fails when placing the pod
 * there would make its domain exceed the global minimum by more than maxSkew.
 */
import type { KubeObject } from '../../../api/types'
import { SUCCESS, unresolvable, unschedulable, type FilterPlugin, type NodeInfo } from '../../framework/types'
import { countPodsMatchSelector, filterConstraints, matchNodeInclusionPolicies, nodeLabelsMatchSpreadConstraints, specConstraints, type Constraint } from './common'

export const NAME = 'PodTopologySpread'
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)'
const STATE_KEY = 'PreFilterPodTopologySpread'
const MAX_INT32 = 2 ** 31 - 1

interface PreFilterState {
  constraints: Constraint[]
  /** "key\0value" -> matching pods in that domain. */
  pairCounts: Map<string, number>
  /** Per constraint: the smallest domain count and the number of domains. */
  minMatch: number[]
  domains: number[]
}

const pairKey = (key: string, value: string) => `${key}\0${value}`

function preFilterState(pod: KubeObject, constraints: Constraint[], nodes: NodeInfo[]): PreFilterState {
  const pairCounts = new Map<string, number>()
  const ns = pod.metadata.namespace ?? 'default'
  for (const info of nodes) {
    const labels = info.node.metadata.labels ?? {}
    if (!nodeLabelsMatchSpreadConstraints(labels, constraints)) continue
    for (const c of constraints) {
      if (!matchNodeInclusionPolicies(c, pod, info.node)) continue
      const k = pairKey(c.topologyKey, labels[c.topologyKey]!)
      pairCounts.set(k, (pairCounts.get(k) ?? 0) + countPodsMatchSelector(info, c.selector, ns))
    }
  }
  const minMatch = constraints.map(() => MAX_INT32)
  const domains = constraints.map(() => 0)
  constraints.forEach((c, i) => {
    const prefix = c.topologyKey + '\0'
    for (const [k, n] of pairCounts) {
      if (!k.startsWith(prefix)) continue
      domains[i]!++
      if (n < minMatch[i]!) minMatch[i] = n
    }
  })
  return { constraints, pairCounts, minMatch, domains }
}

export const podTopologySpreadFilter: FilterPlugin = {
  name: NAME,
  preFilter(state, pod, ctx) {
    const spec = specConstraints(pod)
    // System default constraints are all ScheduleAnyway, so only the pod's own can filter.
    const constraints = spec ? filterConstraints(pod, spec, 'DoNotSchedule') : undefined
    state.set(STATE_KEY, constraints?.length ? preFilterState(pod, constraints, ctx.allNodes) : undefined)
  },
  filter(state, pod, node) {
    const s = state.get(STATE_KEY) as PreFilterState | undefined
    if (!s) return SUCCESS
    const labels = node.node.metadata.labels ?? {}
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!
      const value = labels[c.topologyKey]
      if (value === undefined) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH)
      // minDomains: with fewer domains than asked, the global minimum counts as 0.
      const min = s.domains[i]! < c.minDomains ? 0 : s.minMatch[i]!
      const self = c.selector?.matches(pod.metadata.labels) ? 1 : 0
      const skew = (s.pairCounts.get(pairKey(c.topologyKey, value)) ?? 0) + self - min
      if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH)
    }
    return SUCCESS
  },
}
