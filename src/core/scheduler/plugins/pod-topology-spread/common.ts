/**
 * PodTopologySpread's constraints (common.go): the pod's own topologySpreadConstraints of one
 * whenUnsatisfiable kind, or, when it has none, the system defaults (hostname maxSkew 3, zone
 * maxSkew 5, ScheduleAnyway) over the selectors of the Services/RCs/RSs/StatefulSets owning it.
 */
import type { KubeObject } from '../../../api/types'
import { controllerRef } from '../../../api/types'
import { selectorFromLabelSelector, selectorFromMap, Selector, type LabelSelector, type Requirement } from '../../../machinery/labels'
import type { NodeInfo, SchedulerListers } from '../../framework/types'
import { podMatchesNodeSelectorAndAffinity } from '../node-affinity'
import { nodeTaints, tolerates, type Toleration } from '../taint-toleration/tolerations'

export const LABEL_HOSTNAME = 'kubernetes.io/hostname'
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone'

export interface Constraint {
  maxSkew: number
  topologyKey: string
  /** null: a nil labelSelector, which matches no pod. */
  selector: Selector | null
  minDomains: number
  nodeAffinityPolicy: 'Honor' | 'Ignore'
  nodeTaintsPolicy: 'Honor' | 'Ignore'
}

interface TopologySpreadConstraint {
  maxSkew: number
  topologyKey: string
  whenUnsatisfiable: string
  labelSelector?: LabelSelector | null
  minDomains?: number
  nodeAffinityPolicy?: 'Honor' | 'Ignore'
  nodeTaintsPolicy?: 'Honor' | 'Ignore'
  matchLabelKeys?: string[]
}

const NO_CONSTRAINTS: Constraint[] = []

export function specConstraints(pod: KubeObject): TopologySpreadConstraint[] | undefined {
  const c = (pod.spec as { topologySpreadConstraints?: TopologySpreadConstraint[] }).topologySpreadConstraints
  return c && c.length ? c : undefined
}

/** filterTopologySpreadConstraints: matchLabelKeys add `key in (pod's value)` to the selector. */
export function filterConstraints(pod: KubeObject, list: TopologySpreadConstraint[], action: string): Constraint[] {
  const out: Constraint[] = []
  const labels = pod.metadata.labels ?? {}
  for (const c of list) {
    if (c.whenUnsatisfiable !== action) continue
    let selector = selectorFromLabelSelector(c.labelSelector)
    if (selector && c.matchLabelKeys?.length) {
      const extra: Requirement[] = []
      for (const k of c.matchLabelKeys) if (k in labels) extra.push({ key: k, operator: 'In', values: [labels[k]!] })
      selector = new Selector([...selector.requirements, ...extra])
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    })
  }
  return out
}

/** helper.DefaultSelector: merged selectors of the Services, RCs, RSs and StatefulSets of the pod. */
export function defaultSelector(pod: KubeObject, listers: SchedulerListers): Selector {
  const ns = pod.metadata.namespace ?? 'default'
  const labels = pod.metadata.labels ?? {}
  const merged: Record<string, string> = {}
  for (const svc of listers.list('services', ns)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector
    if (!sel || !Object.keys(sel).length) continue
    if (selectorFromMap(sel).matches(labels)) Object.assign(merged, sel)
  }
  let reqs = selectorFromMap(merged).requirements
  const ref = controllerRef(pod)
  if (ref) {
    const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : ''
    const owner = (kind: 'replicasets' | 'statefulsets' | 'replicationcontrollers') => listers.list(kind, ns).find((o) => o.metadata.name === ref.name)
    if (ref.kind === 'ReplicationController' && group === '') {
      const sel = (owner('replicationcontrollers')?.spec as { selector?: Record<string, string> } | undefined)?.selector
      if (sel) reqs = selectorFromMap({ ...merged, ...sel }).requirements
    } else if ((ref.kind === 'ReplicaSet' || ref.kind === 'StatefulSet') && group === 'apps') {
      const o = owner(ref.kind === 'ReplicaSet' ? 'replicasets' : 'statefulsets')
      const sel = selectorFromLabelSelector((o?.spec as { selector?: LabelSelector } | undefined)?.selector)
      if (sel) reqs = [...reqs, ...sel.requirements]
    }
  }
  return new Selector(reqs)
}

/** buildDefaultConstraints with the scheduler's default args (defaultingType System). */
export function systemDefaultConstraints(pod: KubeObject, listers: SchedulerListers | undefined): Constraint[] {
  // A pod without labels matches no Service, and without a controller has no owner selector.
  if (!listers || (!pod.metadata.labels && !controllerRef(pod))) return NO_CONSTRAINTS
  const selector = defaultSelector(pod, listers)
  if (selector.isEmpty()) return NO_CONSTRAINTS
  const base = { selector, minDomains: 1, nodeAffinityPolicy: 'Honor' as const, nodeTaintsPolicy: 'Ignore' as const }
  return [
    { ...base, maxSkew: 3, topologyKey: LABEL_HOSTNAME },
    { ...base, maxSkew: 5, topologyKey: LABEL_TOPOLOGY_ZONE },
  ]
}

export function nodeLabelsMatchSpreadConstraints(labels: Record<string, string>, constraints: Constraint[]): boolean {
  for (const c of constraints) if (!(c.topologyKey in labels)) return false
  return true
}

/** matchNodeInclusionPolicies: nodeAffinityPolicy Honor (default) and nodeTaintsPolicy Honor. */
export function matchNodeInclusionPolicies(c: Constraint, pod: KubeObject, node: KubeObject): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !podMatchesNodeSelectorAndAffinity(pod, node)) return false
  if (c.nodeTaintsPolicy === 'Honor') {
    const tols = (pod.spec as { tolerations?: Toleration[] }).tolerations ?? []
    for (const t of nodeTaints(node)) {
      if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue
      if (!tols.some((x) => tolerates(x, t))) return false
    }
  }
  return true
}

/** countPodsMatchSelector: same namespace, not terminating, labels match. */
export function countPodsMatchSelector(info: NodeInfo, selector: Selector | null, namespace: string): number {
  if (!selector) return 0
  let n = 0
  for (const p of info.pods) {
    if (p.metadata.deletionTimestamp || p.metadata.namespace !== namespace) continue
    if (selector.matches(p.metadata.labels)) n++
  }
  return n
}
