/**
 * `kubectl auth can-i --list`: the rules of a SelfSubjectRulesReview broken down to one verb,
 * group, resource and name each, merged back per resource (rbac util BreakdownRule and
 * CompactRules), and sorted by the text of Go's PolicyRule.String(), which starts with the verbs.
 */

import type { PolicyRule } from '../../apiserver/authorization/rbac'
import type { KubectlContext } from '../context'
import { renderColumns } from '../printers/table-writer'

function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = []
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs) {
        if (rule.resourceNames?.length) {
          for (const n of rule.resourceNames) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [n] })
        } else out.push({ verbs: [verb], apiGroups: [group], resources: [resource] })
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ verbs: [verb], nonResourceURLs: [url] })
  return out
}

/** Resource rules for one group/resource/name gather their verbs; URL rules stay as they are. */
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = []
  const simple = new Map<string, PolicyRule>()
  for (const r of rules) {
    if (r.nonResourceURLs?.length) {
      compacted.push(r)
      continue
    }
    const k = JSON.stringify([r.apiGroups![0], r.resources![0], r.resourceNames?.[0] ?? null])
    const existing = simple.get(k)
    if (!existing) simple.set(k, { ...r, verbs: [...r.verbs] })
    else for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v)
  }
  return [...compacted, ...simple.values()]
}

const goList = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`

/** The generated String() of rbacv1.PolicyRule, the sort key upstream uses. */
function goString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`
}

/** describe.CombineResourceGroup: `deployments.apps`, `pods/log`, `deployments.apps/scale`. */
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources?.length) return ''
  const [base, sub] = resources[0]!.split(/\/(.*)/s)
  let out = base!
  if (groups?.length && groups[0]) out += `.${groups[0]}`
  if (sub !== undefined) out += `/${sub}`
  return out
}

export function printRulesList(ctx: KubectlContext, result: { rules: PolicyRule[]; errors: string[] }, noHeaders: boolean): void {
  if (result.errors.length) {
    ctx.err(`Warning: the list may be incomplete: ${result.errors.length === 1 ? result.errors[0] : `[${result.errors.join(', ')}]`}\n`)
  }
  const rules = compactRules(result.rules.flatMap(breakdownRule))
  const keyed = rules.map((r) => ({ r, k: goString(r) }))
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
  const rows = noHeaders ? [] : [['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']]
  for (const { r } of keyed) rows.push([combineResourceGroup(r.resources, r.apiGroups), goList(r.nonResourceURLs), goList(r.resourceNames), goList(r.verbs)])
  ctx.out(renderColumns(rows))
}
