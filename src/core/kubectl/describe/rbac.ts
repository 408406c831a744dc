/**
 * `kubectl describe` of Roles, ClusterRoles and their bindings. Rules are broken down to one
 * verb per resource, merged back per resource (rbac.CompactRules) and sorted by the Go
 * String() of each rule, which starts with the verbs, as kubectl does.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import { printAnnotationsMultiline, printLabelsMultiline } from './format'
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

interface Rule {
  verbs: string[]
  apiGroups: string[]
  resources: string[]
  resourceNames: string[]
  nonResourceURLs: string[]
}

const goList = (l: string[]) => `[${l.join(' ')}]`

/** BreakdownRule: one rule per group, resource, verb (and resource name); URLs per verb. */
function breakdown(r: any): Rule[] {
  const out: Rule[] = []
  const verbs: string[] = r.verbs ?? []
  for (const g of r.apiGroups ?? []) {
    for (const res of r.resources ?? []) {
      for (const v of verbs) {
        const names: string[] = r.resourceNames ?? []
        if (names.length) for (const n of names) out.push({ verbs: [v], apiGroups: [g], resources: [res], resourceNames: [n], nonResourceURLs: [] })
        else out.push({ verbs: [v], apiGroups: [g], resources: [res], resourceNames: [], nonResourceURLs: [] })
      }
    }
  }
  for (const url of r.nonResourceURLs ?? []) for (const v of verbs) out.push({ verbs: [v], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] })
  return out
}

/** CompactRules: rules on the same group, resource and resource name share one verb list. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = []
  const simple = new Map<string, Rule>()
  for (const r of rules) {
    const isSimple = r.nonResourceURLs.length === 0 && r.resourceNames.length <= 1 && r.apiGroups.length === 1 && r.resources.length === 1
    if (!isSimple) {
      out.push(r)
      continue
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null])
    const existing = simple.get(key)
    if (!existing) simple.set(key, { ...r, verbs: [...r.verbs] })
    else for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v)
  }
  return [...out, ...simple.values()]
}

/** The generated PolicyRule.String(), the sort key. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`
}

function combineResourceGroup(resources: string[], groups: string[]): string {
  if (!resources.length) return ''
  const [head, sub] = resources[0]!.split(/\/(.*)/s)
  let out = head ?? ''
  if (groups.length && groups[0]) out += `.${groups[0]}`
  if (sub !== undefined) out += `/${sub}`
  return out
}

export function describeRole(_ctx: DescribeContext, role: any): string {
  const rules = compact((role.rules ?? []).flatMap(breakdown)).sort((a, b) => (ruleString(a) < ruleString(b) ? -1 : ruleString(a) > ruleString(b) ? 1 : 0))
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${role.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', role.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations)
  w.write(LEVEL_0, 'PolicyRule:\n')
  w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n')
  w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n')
  for (const r of rules) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`)
  return w.toString()
}

export function describeRoleBinding(_ctx: DescribeContext, b: any): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${b.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', b.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', b.metadata.annotations)
  w.write(LEVEL_0, 'Role:\n')
  w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`)
  w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`)
  w.write(LEVEL_0, 'Subjects:\n')
  w.write(LEVEL_1, 'Kind\tName\tNamespace\n')
  w.write(LEVEL_1, '----\t----\t---------\n')
  for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`)
  return w.toString()
}

