/**
 * kubectl auth can-i and auth whoami (pkg/cmd/auth): can-i asks the API server a
 * SelfSubjectAccessReview (or, with --list, a SelfSubjectRulesReview) as the current user,
 * whoami a SelfSubjectReview. Here the questions go straight to the RBAC authorizer.
 */

import type { Attributes } from '../../apiserver/authorization/attributes'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { renderColumns } from '../printers/table-writer'
import { printRulesList } from './auth-list'

export const authFlags: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'quiet', short: 'q', type: 'bool', default: false },
  { name: 'subresource', type: 'string', default: '' },
  { name: 'list', type: 'bool', default: false },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
]

/** Names can-i accepts without the server knowing them (nonStandardResourceNames). */
const NON_STANDARD_RESOURCE_NAMES = ['users', 'groups']
const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']
const NON_RESOURCE_VERBS = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']

export function runAuth(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const [sub, ...rest] = args
  if (sub === 'can-i') return runCanI(ctx, rest, flags)
  if (sub === 'whoami') return runWhoAmI(ctx)
  if (!sub) {
    ctx.out('Inspect authorization.\n\nAvailable Commands:\n  can-i         Check whether an action is allowed\n  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects\n  whoami        Experimental: Check self subject attributes\n\nUsage:\n  kubectl auth [flags] [options]\n')
    return 0
  }
  throw new KubectlError(`error: unknown command "${sub}" for "kubectl auth"\nRun 'kubectl auth --help' for usage.`)
}

function warn(ctx: KubectlContext, message: string): void {
  ctx.err(`Warning: ${message}\n`)
}

function runCanI(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const all = flags['all-namespaces'] === true
  const quiet = flags.quiet === true
  const subresource = String(flags.subresource ?? '')
  if (flags.list === true) {
    if (args.length !== 0) throw new KubectlError('error: list option must be specified with no arguments')
    if (quiet || all || subresource) throw new KubectlError("error: list option can't be specified with neither quiet, all-namespaces nor subresource options")
    printRulesList(ctx, ctx.api.authorizer.rulesFor(ctx.user, ctx.namespace), flags['no-headers'] === true)
    return 0
  }
  if (args.length !== 2) {
    throw new KubectlError("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.")
  }
  const [verb, target] = args as [string, string]
  const namespace = all ? '' : ctx.namespace
  let a: Attributes
  if (target.startsWith('/')) {
    if (subresource) throw new KubectlError('error: --subresource can not be used with NonResourceURL')
    if (!NON_RESOURCE_VERBS.includes(verb)) warn(ctx, `verb '${verb}' is not a known verb\n`)
    a = { user: ctx.user, verb, resourceRequest: false, path: target }
  } else {
    const slash = target.indexOf('/')
    const typeArg = slash < 0 ? target : target.slice(0, slash)
    const name = slash < 0 ? '' : target.slice(slash + 1)
    let group = ''
    let resource = typeArg
    let namespaced = true
    if (typeArg !== '*') {
      const t = ctx.api.registry.lookup(typeArg)
      if (t) {
        group = t.group
        resource = t.plural
        namespaced = t.namespaced
      } else {
        const lower = typeArg.toLowerCase()
        const dot = lower.indexOf('.')
        const [res, grp] = dot < 0 ? [lower, ''] : [lower.slice(0, dot), lower.slice(dot + 1)]
        if (!NON_STANDARD_RESOURCE_NAMES.includes(lower)) {
          warn(ctx, grp ? `the server doesn't have a resource type '${res}' in group '${grp}'\n` : `the server doesn't have a resource type '${res}'\n`)
        }
      }
    }
    if (!namespaced && !all) {
      warn(ctx, group ? `resource '${resource}' is not namespace scoped in group '${group}'\n` : `resource '${resource}' is not namespace scoped\n`)
    }
    if (!RESOURCE_VERBS.includes(verb)) warn(ctx, `verb '${verb}' is not a known verb\n`)
    a = { user: ctx.user, verb, resourceRequest: true, apiGroup: group, resource, subresource, namespace, name }
  }
  const { allowed, reason } = ctx.api.authorizer.authorize(a)
  // RBAC gives a denial a reason only when a binding names a role that does not exist.
  if (!quiet) ctx.out(allowed ? 'yes\n' : reason ? `no - ${reason}\n` : 'no\n')
  return allowed ? 0 : 1
}

function runWhoAmI(ctx: KubectlContext): number {
  const rows = [['ATTRIBUTE', 'VALUE'], ['Username', ctx.user.name]]
  if (ctx.user.groups.length) rows.push(['Groups', `[${ctx.user.groups.join(' ')}]`])
  ctx.out(renderColumns(rows))
  return 0
}
