/**
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed when some rule
 * of a role bound to the user allows it. ClusterRoleBindings are visited first, then the
 * RoleBindings of the request's namespace. Nothing is ever denied explicitly: no matching rule
 * means no opinion, which the API server turns into Forbidden.
 */

import { storageKey } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { parseSelector } from '../../machinery/labels'
import type { Store } from '../../store/store'
import type { User } from '../server'
import { serviceAccountUsername, type Attributes } from './attributes'

export const RBAC_GROUP = 'rbac.authorization.k8s.io'

export interface PolicyRule {
  verbs: string[]
  apiGroups?: string[]
  resources?: string[]
  resourceNames?: string[]
  nonResourceURLs?: string[]
}

interface Subject {
  kind: string
  name: string
  namespace?: string
  apiGroup?: string
}

interface RoleRef {
  kind: string
  name: string
}

interface Binding extends KubeObject {
  subjects?: Subject[]
  roleRef: RoleRef
}

interface Role extends KubeObject {
  rules?: PolicyRule[]
  aggregationRule?: { clusterRoleSelectors?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }[] }
}

const key = (plural: string) => storageKey({ group: RBAC_GROUP, plural })

const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v))

// rbac.RuleAllows, with ResourceMatches' star-slash-subresource form and prefix-star URLs.
export function ruleAllows(a: Attributes, rule: PolicyRule): boolean {
  if (!has(rule.verbs, a.verb)) return false
  if (!a.resourceRequest) {
    const path = a.path ?? ''
    return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))))
  }
  if (!has(rule.apiGroups, a.apiGroup ?? '')) return false
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : (a.resource ?? '')
  const resourceOK = (rule.resources ?? []).some((r) => r === '*' || r === combined || (!!a.subresource && r === `*/${a.subresource}`))
  if (!resourceOK) return false
  return !rule.resourceNames?.length || rule.resourceNames.includes(a.name ?? '')
}

/** appliesTo: does a binding subject name this user? */
function subjectMatches(s: Subject, user: User, bindingNamespace: string | undefined): boolean {
  if (s.kind === 'User') return s.name === user.name
  if (s.kind === 'Group') return user.groups.includes(s.name)
  if (s.kind === 'ServiceAccount') {
    const ns = s.namespace || bindingNamespace
    return !!ns && serviceAccountUsername(ns, s.name) === user.name
  }
  return false
}

export class RBACAuthorizer {
  constructor(private readonly store: Store) {}

  /** Rules of a role, with an aggregated ClusterRole's selected roles folded in. */
  private roleRules(ref: RoleRef, bindingNamespace: string | undefined): PolicyRule[] | string {
    const role =
      ref.kind === 'ClusterRole'
        ? (this.store.get(key('clusterroles'), ref.name) as Role | undefined)
        : (this.store.get(key('roles'), `${bindingNamespace}/${ref.name}`) as Role | undefined)
    if (!role) return ref.kind === 'ClusterRole' ? `clusterrole.rbac.authorization.k8s.io "${ref.name}" not found` : `role.rbac.authorization.k8s.io "${ref.name}" not found`
    const rules = [...(role.rules ?? [])]
    // The aggregation controller keeps these rules up to date upstream; reading the selected
    // roles here gives the same answer without waiting for it.
    const selectors = role.aggregationRule?.clusterRoleSelectors
    if (ref.kind === 'ClusterRole' && selectors?.length) {
      const sels = selectors.map((s) => parseSelector(Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')))
      for (const other of this.store.list(key('clusterroles')) as Role[]) {
        if (other.metadata.name === ref.name || !sels.some((sel) => sel.matches(other.metadata.labels))) continue
        for (const r of other.rules ?? []) if (!rules.some((x) => JSON.stringify(x) === JSON.stringify(r))) rules.push(r)
      }
    }
    return rules
  }

  /**
   * Visit the rules that apply to the user in a namespace (visitRulesFor); the visitor returns
   * true to stop. Missing roles are reported as errors, as upstream does.
   */
  visitRulesFor(user: User, namespace: string | undefined, visit: (rule: PolicyRule) => boolean): string[] {
    const errors: string[] = []
    const walk = (bindings: Binding[], bindingNamespace: string | undefined): boolean => {
      for (const b of bindings) {
        if (!(b.subjects ?? []).some((s) => subjectMatches(s, user, bindingNamespace))) continue
        const rules = this.roleRules(b.roleRef, bindingNamespace)
        if (typeof rules === 'string') {
          errors.push(rules)
          continue
        }
        for (const r of rules) if (visit(r)) return true
      }
      return false
    }
    if (walk(this.store.list(key('clusterrolebindings')) as Binding[], undefined)) return errors
    if (namespace) walk(this.store.list(key('rolebindings'), namespace) as Binding[], namespace)
    return errors
  }

  authorize(a: Attributes): { allowed: boolean; reason: string } {
    let allowed = false
    const errors = this.visitRulesFor(a.user, a.namespace, (rule) => (allowed = ruleAllows(a, rule)))
    if (allowed) return { allowed, reason: '' }
    return { allowed, reason: errors.length ? `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}` : '' }
  }

  /** RulesFor: every rule that applies in the namespace (SelfSubjectRulesReview). */
  rulesFor(user: User, namespace: string | undefined): { rules: PolicyRule[]; errors: string[] } {
    const rules: PolicyRule[] = []
    const errors = this.visitRulesFor(user, namespace, (r) => (rules.push(r), false))
    return { rules, errors }
  }
}
