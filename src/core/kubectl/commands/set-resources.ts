/**
 * kubectl set resources (pkg/cmd/set/set_resources.go): merge --requests / --limits into the
 * containers (-c, a glob, default every container) of a pod template. Quantities are parsed
 * once, before any object is touched, and written in their canonical form ("0.5" -> 500m).
 */

import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { parseQuantityExact, quantityString } from '../../machinery/quantity-string'
import { QUANTITY_REGEX_MESSAGE } from '../../machinery/quantity'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagValues } from '../flags'
import { toGoJSON, toGoYaml } from '../printers/go-yaml'
import { parseResourceArgs, refName } from '../resource-args'
import { aggregate, podSpecOf, WITH_POD_SPEC } from './set-common'

type ResourceList = Record<string, string>
interface Container {
  name: string
  resources?: { limits?: ResourceList; requests?: ResourceList }
}

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"

/** populateResourceListV1: `cpu=100m,memory=64Mi`. */
function resourceList(spec: string): ResourceList {
  const out: ResourceList = {}
  if (!spec) return out
  for (const statement of spec.split(',')) {
    const parts = statement.split('=')
    if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`)
    if (!parseQuantityExact(parts[1]!)) throw new KubectlError(`error: ${QUANTITY_REGEX_MESSAGE}`)
    out[parts[0]!] = quantityString(parts[1]!)
  }
  return out
}

/** filepath.Match for container names: `*` and `?` wildcards. */
function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`)
  return re.test(name)
}

export function runSetResources(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  if (!args.length && !(flags.filename as string[]).length) throw new KubectlError(NO_RESOURCES)
  // Complete: the builder fetches the objects first, so a missing one is reported before any flag check.
  const infos: { type: ReturnType<typeof parseResourceArgs>[number]['type']; obj: KubeObject }[] = []
  for (const sel of parseResourceArgs(ctx.api, args)) {
    const names = sel.names.length ? sel.names : ctx.api.list(sel.type, { namespace: ctx.namespace, labelSelector: String(flags.selector ?? '') || undefined }).items.map((o) => o.metadata.name!)
    for (const name of names) infos.push({ type: sel.type, obj: ctx.api.get(sel.type, ctx.namespace, name) })
  }
  // Validate.
  if (flags.all && flags.selector) throw new KubectlError('error: cannot set --all and --selector at the same time')
  const limitsSpec = String(flags.limits ?? '')
  const requestsSpec = String(flags.requests ?? '')
  if (!limitsSpec && !requestsSpec) throw new KubectlError('error: you must specify an update to requests or limits (in the form of --requests/--limits)')
  const limits = resourceList(limitsSpec)
  const requests = resourceList(requestsSpec)

  const selector = String(flags.containers || '*')
  const dryRun = String(flags['dry-run'])
  const output = String(flags.output ?? '')
  const errors: string[] = []
  for (const { type, obj } of infos) {
    if (!WITH_POD_SPEC.has(obj.kind)) {
      errors.push(`error: ${type.plural}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}\n`)
      continue
    }
    const next = clone(obj)
    const containers = ((podSpecOf(next)?.containers ?? []) as Container[]).filter((c) => globMatch(selector, c.name))
    if (!containers.length) errors.push(`error: unable to find container named ${selector}`)
    for (const c of containers) {
      c.resources ??= {}
      if (limitsSpec) c.resources.limits = { ...c.resources.limits, ...limits }
      if (requestsSpec) c.resources.requests = { ...c.resources.requests, ...requests }
    }
    // No change, no patch and nothing printed.
    if (JSON.stringify(next) === JSON.stringify(obj)) continue
    let result = next
    if (dryRun !== 'client') {
      try {
        result = ctx.api.update(type, next, { user: ctx.user, dryRun: dryRun === 'server', fieldManager: String(flags['field-manager'] ?? 'kubectl-set') })
      } catch (e) {
        errors.push(`failed to patch resources update to pod template ${isStatusError(e) ? e.message : formatError(e)}`)
        continue
      }
    }
    if (output === 'yaml') ctx.out(toGoYaml(result))
    else if (output === 'json') ctx.out(toGoJSON(result))
    else if (output === 'name') ctx.out(`${refName(type, obj.metadata.name!)}\n`)
    else ctx.out(`${refName(type, obj.metadata.name!)} resource requirements updated${dryRun === 'server' ? ' (server dry run)' : dryRun === 'client' ? ' (dry run)' : ''}\n`)
  }
  if (errors.length) {
    ctx.err(`${aggregate(errors)}\n`)
    return 1
  }
  return 0
}
