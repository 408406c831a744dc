/**
 * Affinity terms as the framework compiles them (framework.AffinityTerm): a label selector
 * (nil matches nothing), the namespaces it covers (empty list and no namespaceSelector mean
 * the pod's own namespace) and a namespaceSelector ({} matches every namespace).
 */
import type { KubeObject } from '../../../api/types'
import { selectorFromLabelSelector, type LabelSelector, type Selector } from '../../../machinery/labels'
import type { SchedulerListers } from '../../framework/types'

interface PodAffinityTerm {
  labelSelector?: LabelSelector | null
  namespaces?: string[]
  namespaceSelector?: LabelSelector | null
  topologyKey: string
}
interface WeightedTerm {
  weight: number
  podAffinityTerm: PodAffinityTerm
}
interface AffinitySpec {
  podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: WeightedTerm[] }
  podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[]; preferredDuringSchedulingIgnoredDuringExecution?: WeightedTerm[] }
}

export interface AffinityTerm {
  selector: Selector | null
  namespaces: Set<string>
  namespaceSelector: Selector | null
  topologyKey: string
  weight: number
}

export interface PodTerms {
  requiredAffinity: AffinityTerm[]
  requiredAntiAffinity: AffinityTerm[]
  preferredAffinity: AffinityTerm[]
  preferredAntiAffinity: AffinityTerm[]
}

const EMPTY: PodTerms = { requiredAffinity: [], requiredAntiAffinity: [], preferredAffinity: [], preferredAntiAffinity: [] }

function compile(pod: KubeObject, t: PodAffinityTerm, weight: number): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? [])
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(pod.metadata.namespace ?? 'default')
  return { selector: selectorFromLabelSelector(t.labelSelector), namespaces, namespaceSelector: selectorFromLabelSelector(t.namespaceSelector), topologyKey: t.topologyKey, weight }
}

const cache = new WeakMap<KubeObject, PodTerms>()

/** A pod's compiled terms (stored objects never change, so once per object). */
export function podTerms(pod: KubeObject): PodTerms {
  const a = (pod.spec as { affinity?: AffinitySpec }).affinity
  if (!a || (!a.podAffinity && !a.podAntiAffinity)) return EMPTY
  let t = cache.get(pod)
  if (t) return t
  t = {
    requiredAffinity: (a.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((x) => compile(pod, x, 1)),
    requiredAntiAffinity: (a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((x) => compile(pod, x, 1)),
    preferredAffinity: (a.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((x) => compile(pod, x.podAffinityTerm, x.weight)),
    preferredAntiAffinity: (a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((x) => compile(pod, x.podAffinityTerm, x.weight)),
  }
  cache.set(pod, t)
  return t
}

/** AffinityTerm.Matches: the pod's namespace is covered and its labels match. */
export function termMatches(t: AffinityTerm, pod: KubeObject, listers: SchedulerListers | undefined): boolean {
  const ns = pod.metadata.namespace ?? 'default'
  if (!t.namespaces.has(ns) && !(t.namespaceSelector && (t.namespaceSelector.isEmpty() || t.namespaceSelector.matches(listers?.namespaceLabels(ns))))) return false
  return !!t.selector && t.selector.matches(pod.metadata.labels)
}
