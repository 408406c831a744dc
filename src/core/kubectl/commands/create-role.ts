/**
 * kubectl create role / clusterrole (pkg/cmd/create/create_role.go, create_clusterrole.go):
 * one rule per API group from --verb and --resource, resource names and non-resource URLs
 * as given, or an aggregation rule instead of rules.
 */

import type { KubeObject } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { csv, generatedMeta, nameRequired } from './create-common'

const RBAC_GROUP = 'rbac.authorization.k8s.io'

export const createRoleFlags: FlagSpec[] = [
  // pflag StringSlice flags: repeatable, and each value is itself comma-separated.
  { name: 'verb', type: 'stringArray', default: [] },
  { name: 'resource', type: 'stringArray', default: [] },
  { name: 'non-resource-url', type: 'stringArray', default: [] },
  { name: 'resource-name', type: 'stringArray', default: [] },
  { name: 'aggregation-rule', type: 'stringArray', default: [] },
]

const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate']
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options']

/** Verbs that only make sense on certain resources (group/resource). */
const SPECIAL_VERBS: Record<string, string[]> = {
  use: ['policy/podsecuritypolicies', 'extensions/podsecuritypolicies'],
  bind: [`${RBAC_GROUP}/roles`, `${RBAC_GROUP}/clusterroles`],
  escalate: [`${RBAC_GROUP}/roles`, `${RBAC_GROUP}/clusterroles`],
  impersonate: ['/users', '/serviceaccounts', '/groups', 'authentication.k8s.io/userextras'],
}

interface ResourceOption {
  group: string
  resource: string
  subresource: string
}

const unique = (xs: string[]): string[] => xs.filter((x, i) => xs.indexOf(x) === i)

function parseResources(values: string[]): ResourceOption[] {
  const out: ResourceOption[] = []
  for (const r of values) {
    const slash = r.indexOf('/')
    const head = slash < 0 ? r : r.slice(0, slash)
    const dot = head.indexOf('.')
    const opt = { resource: dot < 0 ? head : head.slice(0, dot), group: dot < 0 ? '' : head.slice(dot + 1), subresource: slash < 0 ? '' : r.slice(slash + 1) }
    // A bare "*" stands for every resource: it replaces whatever came before and ends the list.
    if (opt.resource === '*' && dot < 0 && slash < 0) return [opt]
    out.push(opt)
  }
  return out
}

/** The mapper's answer for a partial resource, or the error kubectl's CheckErr would print. */
function resolve(ctx: KubectlContext, r: ResourceOption): { group: string; resource: string; error?: string } {
  const t = ctx.api.registry.lookup(r.group ? `${r.resource}.${r.group}` : r.resource)
  if (t) return { group: t.group, resource: t.plural }
  const error = r.group ? `the server doesn't have a resource type "${r.resource}" in group "${r.group}"` : `the server doesn't have a resource type "${r.resource}"`
  return { group: r.group, resource: r.resource, error }
}

function validateResources(ctx: KubectlContext, verbs: string[], resources: ResourceOption[]): void {
  for (const r of resources) {
    if (!r.resource) throw new KubectlError('error: resource must be specified if apiGroup/subresource specified')
    // Upstream stops checking at the first wildcard resource.
    if (r.resource === '*') return
    const found = resolve(ctx, r)
    let error = found.error
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v]
      if (!allowed) continue
      if (!allowed.includes(`${found.group}/${found.resource}`)) throw new KubectlError(`error: can not perform '${v}' on '${found.resource}' in group '${found.group}'`)
      error = undefined
    }
    if (error) throw new KubectlError(error)
  }
}

function policyRules(ctx: KubectlContext, verbs: string[], resources: ResourceOption[], resourceNames: string[], urls: string[]): Record<string, unknown>[] {
  const byGroup = new Map<string, string[]>()
  for (const r of resources) {
    const found = resolve(ctx, r)
    const name = r.subresource ? `${found.resource}/${r.subresource}` : found.resource
    const list = byGroup.get(found.group) ?? []
    if (!list.includes(name)) list.push(name)
    byGroup.set(found.group, list)
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((g) => {
    // PolicyRule's field order, which -o json keeps.
    const rule: Record<string, unknown> = { verbs, apiGroups: [g], resources: byGroup.get(g) }
    if (resourceNames.length) rule.resourceNames = resourceNames
    return rule
  })
  if (urls.length) rules.push({ verbs, nonResourceURLs: urls })
  return rules
}

function readVerbs(flags: FlagValues): string[] {
  const verbs = unique(csv(flags.verb))
  return verbs.includes('*') ? ['*'] : verbs
}

function warnVerbs(ctx: KubectlContext, verbs: string[]): void {
  for (const v of verbs) if (!VALID_RESOURCE_VERBS.includes(v)) ctx.err(`Warning: '${v}' is not a standard resource verb\n`)
}

/** The Role `kubectl create role NAME` would send. */
export function roleFor(ctx: KubectlContext, name: string | undefined, flags: FlagValues): KubeObject {
  if (!name) throw nameRequired('role')
  const verbs = readVerbs(flags)
  const resources = parseResources(csv(flags.resource))
  if (!verbs.length) throw new KubectlError('error: at least one verb must be specified')
  warnVerbs(ctx, verbs)
  if (!resources.length) throw new KubectlError('error: at least one resource must be specified')
  validateResources(ctx, verbs, resources)
  return { kind: 'Role', apiVersion: `${RBAC_GROUP}/v1`, metadata: generatedMeta(ctx, name), rules: policyRules(ctx, verbs, resources, unique(flags['resource-name'] as string[]), []) }
}

/** The ClusterRole `kubectl create clusterrole NAME` would send. */
export function clusterRoleFor(ctx: KubectlContext, name: string | undefined, flags: FlagValues): KubeObject {
  if (!name) throw nameRequired('clusterrole')
  const verbs = readVerbs(flags)
  const resources = parseResources(csv(flags.resource))
  const urls = unique(csv(flags['non-resource-url']))
  const resourceNames = unique(flags['resource-name'] as string[])
  const aggregation = aggregationLabels(flags['aggregation-rule'] as string[])
  const obj: KubeObject = { kind: 'ClusterRole', apiVersion: `${RBAC_GROUP}/v1`, metadata: generatedMeta(ctx, name, false) }
  if (aggregation) {
    if (urls.length || verbs.length || resources.length || resourceNames.length)
      throw new KubectlError('error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames')
    obj.rules = null
    obj.aggregationRule = { clusterRoleSelectors: [{ matchLabels: aggregation }] }
    return obj
  }
  if (!verbs.length) throw new KubectlError('error: at least one verb must be specified')
  if (!resources.length && !urls.length) throw new KubectlError('error: one of resource or nonResourceURL must be specified')
  if (resources.length) {
    warnVerbs(ctx, verbs)
    validateResources(ctx, verbs, resources)
  }
  if (urls.length) {
    for (const v of verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw new KubectlError(`error: invalid verb: '${v}' for nonResourceURL`)
    for (const u of urls) {
      if (u === '*') continue
      if (!u.startsWith('/')) throw new KubectlError('error: nonResourceURL should start with /')
      if (u.slice(0, -1).includes('*')) throw new KubectlError("error: nonResourceURL only supports wildcard matches when '*' is at the end")
    }
  }
  obj.rules = policyRules(ctx, verbs, resources, resourceNames, urls)
  return obj
}

/** --aggregation-rule key=value[,key=value] (a pflag map flag; later keys win). */
function aggregationLabels(values: string[]): Record<string, string> | undefined {
  if (!values.length) return undefined
  const labels: Record<string, string> = {}
  for (const pair of values.flatMap((v) => v.split(','))) {
    const eq = pair.indexOf('=')
    if (eq < 0) throw new KubectlError(`error: invalid argument "${values.join(',')}" for "--aggregation-rule" flag: malformed pair, expect string=string\nSee 'kubectl create clusterrole --help' for usage.`)
    labels[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return Object.keys(labels).length ? labels : undefined
}
