/**
 * The objects a metadata-editing verb (label, annotate) visits, as kubectl's builder finds
 * them with ResourceTypeOrNameArgs + ContinueOnError: named objects are fetched one by one
 * (a missing one becomes an error reported after the others), `--all` and `-l` list a type.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagValues } from '../flags'
import { parseResourceArgs } from '../resource-args'
import { resolveForDoc } from './apply'
import { readManifestSources } from './filenames'

export interface Target {
  type: ResourceType
  obj?: KubeObject
  /** Why the builder could not fetch it (already in kubectl's words). */
  error?: string
}

/** `latest`: read -f objects back from the server (label, annotate) or use them as written (expose). */
export function collectTargets(ctx: KubectlContext, resources: string[], flags: FlagValues, latest = true): Target[] {
  const selector = String(flags.selector ?? '')
  const fieldSelector = String(flags['field-selector'] ?? '')
  const allNs = !!flags['all-namespaces']
  const out: Target[] = []
  // -f: each document names an object, read back from the server (the builder's Latest()).
  for (const doc of readManifestSources(ctx, (flags.filename as string[] | undefined) ?? [])) {
    const type = resolveForDoc(ctx, doc)
    const ns = type.namespaced ? doc.object.metadata?.namespace || ctx.namespace : undefined
    if (!latest) {
      out.push({ type, obj: doc.object as KubeObject })
      continue
    }
    try {
      out.push({ type, obj: ctx.api.get(type, ns, doc.object.metadata?.name ?? '') })
    } catch (e) {
      if (!isStatusError(e)) throw e
      out.push({ type, error: formatError(e) })
    }
  }
  for (const sel of parseResourceArgs(ctx.api, resources)) {
    const ns = sel.type.namespaced ? ctx.namespace : undefined
    if (sel.names.length) {
      for (const name of sel.names) {
        try {
          out.push({ type: sel.type, obj: ctx.api.get(sel.type, ns, name) })
        } catch (e) {
          if (!isStatusError(e)) throw e
          out.push({ type: sel.type, error: formatError(e) })
        }
      }
    } else if (flags.all || selector || fieldSelector) {
      const items = ctx.api.list(sel.type, { namespace: allNs ? undefined : ns, labelSelector: selector, fieldSelector }).items
      for (const obj of items) out.push({ type: sel.type, obj })
    } else throw new KubectlError('error: resource(s) were provided, but no name was specified')
  }
  return out
}

/** Splits `TYPE NAME... KEY=VALUE... KEY-...` (cmdutil.GetResourcesAndPairs). */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = []
  const pairs: string[] = []
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-')
    if (isPair) pairs.push(s)
    else if (pairs.length) throw new KubectlError(`error: all resources must be specified before ${pairType} changes: ${s}`)
    else resources.push(s)
  }
  return { resources, pairs }
}

/** The " (dry run)" suffix kubectl's printers add to an operation. */
export function dryRunSuffix(dryRun: string): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
}

/**
 * The builder's IntoSingleItemImplied: one object named as `type name` or `type/name` (not
 * found by a selector or --all).
 */
export function singleItemImplied(resources: string[], count: number): boolean {
  if (count !== 1) return false
  if (resources.length === 1) return resources[0]!.includes('/')
  return resources.length === 2 && !resources[0]!.includes(',') && !resources[1]!.includes('/')
}

/** `--list`: the pairs alone for one object, under a heading per object otherwise. */
export function listPairs(ctx: KubectlContext, what: 'labels' | 'annotations', target: Target, pairs: Record<string, string> | undefined, single: boolean): void {
  const indent = single ? '' : ' '
  if (!single) ctx.out(`Listing ${what} for ${target.type.kind}.${target.type.group}/${target.obj!.metadata.name}:\n`)
  for (const [k, v] of Object.entries(pairs ?? {})) ctx.out(`${indent}${k}=${v}\n`)
}
