/** NodeAffinity: nodeSelector and required node affinity filter; preferred terms score. */
import type { KubeObject } from '../../../api/types'
import { defaultNormalize, SUCCESS, unresolvable, type FilterPlugin, type ScorePlugin } from '../../framework/types'

export const NAME = 'NodeAffinity'
export const ERR_REASON = "node(s) didn't match Pod's node affinity/selector"

interface Expr {
  key: string
  operator: string
  values?: string[]
}
interface Term {
  matchExpressions?: Expr[]
  matchFields?: Expr[]
}

function exprMatches(e: Expr, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, e.key)
  const v = labels[e.key]
  const vals = e.values ?? []
  switch (e.operator) {
    case 'In':
      return has && vals.includes(v!)
    case 'NotIn':
      return !has || !vals.includes(v!)
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'Gt':
      return has && parseInt(v!, 10) > parseInt(vals[0] ?? '', 10)
    case 'Lt':
      return has && parseInt(v!, 10) < parseInt(vals[0] ?? '', 10)
  }
  return false
}

export function termMatches(term: Term, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {}
  const fields = { 'metadata.name': node.metadata.name ?? '' }
  const exprs = term.matchExpressions ?? []
  const fexprs = term.matchFields ?? []
  if (!exprs.length && !fexprs.length) return false
  return exprs.every((e) => exprMatches(e, labels)) && fexprs.every((e) => exprMatches(e, fields))
}

export function podMatchesNodeSelectorAndAffinity(pod: KubeObject, node: KubeObject): boolean {
  const spec = pod.spec as { nodeSelector?: Record<string, string>; affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: Term[] } } } }
  const labels = node.metadata.labels ?? {}
  if (spec.nodeSelector) for (const k in spec.nodeSelector) if (labels[k] !== spec.nodeSelector[k]) return false
  const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms
  if (terms && !terms.some((t) => termMatches(t, node))) return false
  return true
}

export const nodeAffinityFilter: FilterPlugin = {
  name: NAME,
  filter(_s, pod, node) {
    return podMatchesNodeSelectorAndAffinity(pod, node.node) ? SUCCESS : unresolvable(ERR_REASON)
  },
}

export const nodeAffinityScore: ScorePlugin = {
  name: NAME,
  weight: 2,
  score(_s, pod, node) {
    const prefs = (pod.spec as { affinity?: { nodeAffinity?: { preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: Term }[] } } }).affinity?.nodeAffinity
      ?.preferredDuringSchedulingIgnoredDuringExecution
    let total = 0
    for (const p of prefs ?? []) if (termMatches(p.preference, node.node)) total += p.weight
    return total
  },
  normalize(scores) {
    defaultNormalize(scores, false)
  },
}
