/**
 * kubectl describe (pkg/cmd/describe): TYPE [NAME_PREFIX | -l label] | TYPE/NAME | -f FILE.
 * Each object's description is separated from the next by a blank line; with exactly one
 * TYPE and one NAME that does not exist, every object whose name starts with NAME is shown.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { readManifestSources } from '../commands/filenames'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { ManifestError } from '../manifests'
import { parseResourceArgs } from '../resource-args'
import { describeObject, type DescribeContext } from './index'

export const describeFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
]

interface Info {
  type: ResourceType
  obj: KubeObject
}

const NO_TYPE = 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n'

/** The objects the builder visits, in order, and the errors met on the way. */
function collect(ctx: KubectlContext, args: string[], flags: FlagValues): { infos: Info[]; errors: unknown[] } {
  const allNs = !!flags['all-namespaces']
  const infos: Info[] = []
  const errors: unknown[] = []
  const files = flags.filename as string[]
  if (files.length) {
    let docs
    try {
      docs = readManifestSources(ctx, files)
    } catch (e) {
      if (e instanceof ManifestError) throw new KubectlError(e.message)
      throw e
    }
    for (const d of docs) {
      try {
        const t = ctx.api.resourceForKind(d.object.apiVersion, d.object.kind)
        infos.push({ type: t, obj: ctx.api.get(t, d.object.metadata?.namespace || ctx.namespace, d.object.metadata?.name ?? '') })
      } catch (e) {
        errors.push(e)
      }
    }
    return { infos, errors }
  }
  for (const sel of parseResourceArgs(ctx.api, args, (t) => ctx.err(t))) {
    if (sel.names.length) {
      if (allNs && sel.type.namespaced) throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces')
      for (const name of sel.names) {
        try {
          infos.push({ type: sel.type, obj: ctx.api.get(sel.type, ctx.namespace, name) })
        } catch (e) {
          errors.push(e)
        }
      }
      continue
    }
    const ns = sel.type.namespaced && !allNs ? ctx.namespace : undefined
    for (const obj of ctx.api.list(sel.type, { namespace: ns, labelSelector: String(flags.selector ?? '') }).items) infos.push({ type: sel.type, obj })
  }
  return { infos, errors }
}

/** DescribeMatchingResources: every object of the type whose name starts with the prefix. */
function describeMatching(ctx: KubectlContext, dctx: DescribeContext, original: unknown, resource: string, prefix: string): number {
  const [sel] = parseResourceArgs(ctx.api, [resource])
  if (!sel) throw original
  const ns = sel.type.namespaced ? ctx.namespace : undefined
  const objs = sel.names.length ? sel.names.map((n) => ctx.api.get(sel.type, ns, n)) : ctx.api.list(sel.type, { namespace: ns }).items
  let found = false
  for (const obj of objs) {
    if (!(obj.metadata.name ?? '').startsWith(prefix)) continue
    found = true
    ctx.out(`${describeObject(dctx, sel.type, obj)}\n`)
  }
  if (!found) throw original
  return 0
}

export function runDescribe(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const files = flags.filename as string[]
  if (args.length === 0 && !files.length) throw new KubectlError(NO_TYPE.trimEnd())
  const dctx: DescribeContext = { api: ctx.api, now: ctx.clock.now(), showEvents: flags['show-events'] !== false }
  const { infos, errors } = collect(ctx, args, flags)
  if (errors.length === 1 && args.length === 2 && isStatusError(errors[0]) && errors[0].code === 404) {
    return describeMatching(ctx, dctx, errors[0], args[0]!, args[1]!)
  }
  const seen = new Set<string>()
  const messages: string[] = []
  const report = (e: unknown) => {
    const text = formatError(e)
    if (seen.has(text)) return
    seen.add(text)
    messages.push(text)
  }
  errors.forEach(report)
  let first = true
  for (const info of infos) {
    const text = describeObject(dctx, info.type, info.obj)
    ctx.out(first ? text : `\n\n${text}`)
    first = false
  }
  if (!infos.length && !errors.length) {
    ctx.err(flags['all-namespaces'] ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`)
  }
  for (const m of messages) ctx.err(`${m}\n`)
  return messages.length ? 1 : 0
}
