/**
 * kubectl patch (pkg/cmd/patch): a strategic (default), JSON merge or JSON patch given inline
 * (-p, JSON or YAML) or in a file, sent for each object named (or its status / scale
 * subresource) and answered `<kind>.<group>/<name> patched`, or `patched (no change)` when
 * the server's answer equals the object as it was. --dry-run=client patches locally.
 */

import { parseDocument } from 'yaml'
import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { applyPatch, patchObject, type PatchKind } from '../../apiserver/patch/patch'
import { toScale } from '../../apiserver/rest/scale'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { templateFlags } from '../printers/jsonpath/flags'
import { goYamlMessage } from '../yaml-errors'
import { warn } from './apply'
import { readText } from './get'
import { collectTargets } from './targets'
import { NO_RESOURCES } from './wait'
import { objectPrinterFor } from './wait-print'

export const patchFlags: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string', default: '' },
  { name: 'patch-file', type: 'string', default: '' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'kustomize', short: 'k', type: 'string', default: '' },
  { name: 'local', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
  { name: 'subresource', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'show-managed-fields', type: 'bool', default: false },
  { name: 'record', type: 'bool', default: false },
  ...templateFlags,
]

const PATCH_TYPES: Record<string, PatchKind> = { json: 'json', merge: 'merge', strategic: 'strategic' }
const SUBRESOURCES = ['status', 'scale']

/** The dry-run strategy, as cmdutil.GetDryRunStrategy reads the flag. */
function dryRunStrategy(raw: string): 'none' | 'client' | 'server' {
  if (raw === 'none' || raw === 'false' || raw === '') return 'none'
  if (raw === 'client' || raw === 'true' || raw === 'unchanged') return 'client'
  if (raw === 'server') return 'server'
  throw new KubectlError(`error: Invalid dry-run value (${raw}). Must be "none", "server", or "client".`)
}

/** yaml.ToJSON: a body starting with `{` is taken as JSON as it is; anything else is YAML. */
function toJSON(text: string, shown: string): string {
  if (/^\s*\{/.test(text)) return text
  const doc = parseDocument(text, { uniqueKeys: false, strict: false })
  const e = doc.errors[0]
  if (e) throw new KubectlError(`error: unable to parse "${shown}": yaml: ${yamlProblem(text, e)}`)
  return JSON.stringify(doc.toJS({ maxAliasCount: 100 }) ?? null)
}

/**
 * go-yaml's words for the first problem. A flow collection still open at the end is reported
 * at the stream's end, the line after the last one unless the text ends with a newline.
 */
function yamlProblem(text: string, e: { code: string; message: string; pos: [number, number]; linePos?: [{ line: number }, ...unknown[]] }): string {
  const flow = /^Flow (sequence|map)/.exec(e.message)
  if (e.code === 'BAD_INDENT' && flow && e.pos[0] >= text.trimEnd().length) {
    const open = flow[1] === 'sequence' ? '[' : '{'
    const inside = text.slice(text.lastIndexOf(open) + 1).trim()
    const endLine = text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
    const what = inside ? `did not find expected ',' or '${open === '[' ? ']' : '}'}'` : 'did not find expected node content'
    return `line ${endLine}: ${what}`
  }
  return goYamlMessage({ code: e.code, message: e.message, line: e.linePos?.[0]?.line ?? 1 }, text)
}

/** reflect.DeepEqual on decoded JSON: the same values, whatever the key order. */
function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => sameJSON((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

const SCALE_TYPE = { kind: 'Scale', group: 'autoscaling' } as ResourceType

export function runPatch(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const dryRun = dryRunStrategy(String(flags['dry-run']))
  const patch = String(flags.patch ?? '')
  const patchFile = String(flags['patch-file'] ?? '')
  const subresource = String(flags.subresource ?? '')
  const type = String(flags.type ?? '')
  if (patch && patchFile) throw new KubectlError('error: cannot specify --patch and --patch-file together')
  if (!patch && !patchFile) throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch')
  if (flags.local && args.length) throw new KubectlError('error: cannot specify --local and server resources')
  if (type && !PATCH_TYPES[type.toLowerCase()]) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${type}"`)
  if (subresource && !SUBRESOURCES.includes(subresource)) throw new KubectlError(`error: invalid subresource value: "${subresource}". Must be one of [status scale]`)
  const kind = PATCH_TYPES[type.toLowerCase() || 'strategic']!
  let text = patch
  if (patchFile) {
    const read = readText(ctx, patchFile)
    if (read === undefined) throw new KubectlError(`error: unable to read patch file: open ${patchFile}: no such file or directory`)
    text = read
  }
  const body = toJSON(text, patch)
  if (args.length === 0 && !((flags.filename as string[] | undefined) ?? []).length) throw new KubectlError(NO_RESOURCES)

  const errors: string[] = []
  let count = 0
  for (const target of collectTargets(ctx, args, { ...flags, all: false, selector: '', 'field-selector': '' })) {
    if (target.error) {
      errors.push(target.error)
      continue
    }
    count++
    const live = target.obj!
    const before = subresource === 'scale' ? toScale(live) : live
    const printedType = subresource === 'scale' ? SCALE_TYPE : target.type
    try {
      let after: KubeObject
      if (dryRun === 'client') {
        after = applyPatch(kind, before, JSON.parse(body)) as KubeObject
      } else {
        const ns = target.type.namespaced ? live.metadata.namespace : undefined
        const opts = { dryRun: dryRun === 'server', user: ctx.user, fieldManager: String(flags['field-manager']), fieldValidation: 'Warn' as const, warnings: warn(ctx) }
        after = patchObject(ctx.api, target.type, ns, live.metadata.name!, subresource || undefined, kind, body, opts)
      }
      objectPrinterFor(ctx, flags, sameJSON(before, after) ? 'patched (no change)' : 'patched').print(ctx, printedType, after)
    } catch (e) {
      if (isStatusError(e)) errors.push(formatError(e))
      else if (e instanceof KubectlError) errors.push(e.message)
      else throw e
    }
  }
  if (errors.length > 1) throw new KubectlError(errors.map((e) => e.replace(/^error: /, '')).join('\n'))
  if (errors.length) throw new KubectlError(errors[0]!)
  if (count === 0) throw new KubectlError('error: no objects passed to patch')
  return 0
}
