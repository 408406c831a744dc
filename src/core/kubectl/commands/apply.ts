/**
 * kubectl apply -f (client-side): create with the last-applied annotation, or merge the new
 * manifest into the live object three ways and report created / configured / unchanged.
 */

import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import type { FieldValidation } from '../../apiserver/decode-request'
import { decodeMetadata } from '../../api/schema/decode'
import { isStatusError } from '../../machinery/errors'
import { threeWayMerge } from '../apply/three-way-merge'
import { applyServerSide, FIELD_MANAGER_SERVER_SIDE_APPLY } from '../apply/server-side'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { checkObjectShape, ManifestError, type ManifestDoc } from '../manifests'
import { refName } from '../resource-args'
import { readManifestStreams } from './filenames'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
/** kubectl's default field manager for client-side apply. */
export const FIELD_MANAGER_CLIENT_SIDE_APPLY = 'kubectl-client-side-apply'

export const applyFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'server-side', type: 'bool', default: false },
  { name: 'force-conflicts', type: 'bool', default: false },
  // Empty: kubectl picks kubectl-client-side-apply, or kubectl with --server-side (GetApplyFieldManagerFlag).
  { name: 'field-manager', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'prune', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
]

export interface ApplyOutcome {
  ref: string
  outcome: 'created' | 'configured' | 'unchanged' | 'error'
  message: string
}

function lastAppliedJSON(obj: KubeObject): string {
  const c = clone(obj)
  c.metadata = { ...c.metadata, annotations: { ...(c.metadata.annotations ?? {}) } }
  delete c.metadata.annotations![LAST_APPLIED]
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys)
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) o[k] = sortKeys((v as Record<string, unknown>)[k])
      return o
    }
    return v
  }
  return `${JSON.stringify(sortKeys(c))}\n`
}

export function resolveForDoc(ctx: KubectlContext, doc: ManifestDoc): ResourceType {
  checkObjectShape(doc)
  const o = doc.object
  const metaError = decodeMetadata(o)
  if (metaError) throw new KubectlError(`error: unable to decode "${doc.source}": ${metaError}`)
  const t = ctx.api.registry.forKind(String(o.apiVersion), String(o.kind))
  if (!t) {
    const ns = o.metadata?.namespace ?? ''
    throw new KubectlError(`error: resource mapping not found for name: "${o.metadata?.name ?? ''}" namespace: "${ns}" from "${doc.source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`)
  }
  return t
}

/** A warnings list that client-go's warning handler prints as it arrives (`Warning: ...`). */
export function warn(ctx: KubectlContext): string[] {
  const list: string[] = []
  list.push = (...items: string[]) => {
    for (const w of items) ctx.err(`Warning: ${w}\n`)
    return 0
  }
  return list
}

/** kubectl's --validate as the request's fieldValidation (true/strict, warn, false/ignore). */
export function fieldValidationFor(validate: unknown): FieldValidation {
  const v = String(validate ?? 'strict').toLowerCase()
  return v === 'false' || v === 'ignore' ? 'Ignore' : v === 'warn' ? 'Warn' : 'Strict'
}

/** How apply writes: client-side (the default) or server-side, and its dry-run mode. */
export interface ApplyMode {
  serverSide?: boolean
  force?: boolean
  fieldManager?: string
  dryRun?: 'none' | 'client' | 'server'
}

export function applyOne(ctx: KubectlContext, doc: ManifestDoc, dryRun: boolean, fieldValidation: FieldValidation = 'Strict', mode: ApplyMode = {}): ApplyOutcome {
  const t = resolveForDoc(ctx, doc)
  const input = clone(doc.object)
  input.metadata = input.metadata ?? {}
  const name = input.metadata.name ?? ''
  if (t.namespaced) input.metadata.namespace = input.metadata.namespace || ctx.namespace
  const ref = refName(t, name)
  const suffix = !dryRun ? '' : mode.dryRun === 'server' ? ' (server dry run)' : ' (dry run)'
  const fieldManager = mode.fieldManager || (mode.serverSide ? FIELD_MANAGER_SERVER_SIDE_APPLY : FIELD_MANAGER_CLIENT_SIDE_APPLY)
  if (mode.serverSide) {
    applyServerSide(ctx, t, input, { fieldManager, force: !!mode.force, dryRun })
    return { ref, outcome: 'configured', message: `${ref} serverside-applied${suffix}` }
  }
  input.metadata.annotations = { ...(input.metadata.annotations ?? {}) }
  const annotated = clone(input)
  annotated.metadata.annotations![LAST_APPLIED] = lastAppliedJSON(input)
  if (!name) {
    throw new KubectlError(
      `error: error when retrieving current configuration of:\nResource: "${t.group}/${t.version}, Resource=${t.plural}", GroupVersionKind: "${t.group}/${t.version}, Kind=${t.kind}"\nName: "", Namespace: "${t.namespaced ? input.metadata.namespace : ''}"\nfrom server for: "${doc.source}": resource name may not be empty`,
    )
  }
  let live: KubeObject | undefined
  try {
    live = ctx.api.get(t, input.metadata.namespace, name)
  } catch (e) {
    if (!isStatusError(e)) throw e
    // Any answer but NotFound (e.g. Forbidden) stops apply before it writes, naming the object.
    if (e.code !== 404) {
      throw new KubectlError(formatError(e, `error when retrieving current configuration of:\nResource: "${t.group}/${t.version}, Resource=${t.plural}", GroupVersionKind: "${t.group}/${t.version}, Kind=${t.kind}"\nName: "${name}", Namespace: "${t.namespaced ? input.metadata.namespace : ''}"\nfrom server for: "${doc.source}": `))
    }
  }
  if (!live) {
    try {
      ctx.api.create(t, annotated, { namespace: input.metadata.namespace, dryRun, user: ctx.user, fieldValidation, warnings: warn(ctx), fieldManager })
    } catch (e) {
      throw new KubectlError(formatError(e, `error when creating "${doc.source}": `))
    }
    return { ref, outcome: 'created', message: `${ref} created${suffix}` }
  }
  const originalText = live.metadata.annotations?.[LAST_APPLIED]
  let original: unknown
  try {
    original = originalText ? JSON.parse(originalText) : undefined
  } catch {
    original = undefined
  }
  const merged = threeWayMerge(original, annotated, live) as KubeObject
  merged.metadata.resourceVersion = live.metadata.resourceVersion
  let result: KubeObject
  try {
    result = ctx.api.update(t, merged, { dryRun, user: ctx.user, fieldValidation, patch: true, warnings: warn(ctx), fieldManager })
  } catch (e) {
    throw new KubectlError(formatError(e, `error when applying patch:\nto:\nResource: "${t.group}/${t.version}, Resource=${t.plural}", GroupVersionKind: "${t.group}/${t.version}, Kind=${t.kind}"\nName: "${name}", Namespace: "${t.namespaced ? input.metadata.namespace : ''}"\nfor: "${doc.source}": error when patching "${doc.source}": `))
  }
  const changed = dryRun ? JSON.stringify(result) !== JSON.stringify(live) : result.metadata.resourceVersion !== live.metadata.resourceVersion
  return changed ? { ref, outcome: 'configured', message: `${ref} configured${suffix}` } : { ref, outcome: 'unchanged', message: `${ref} unchanged${suffix}` }
}

export function runApply(ctx: KubectlContext, _args: string[], flags: FlagValues, results?: ApplyOutcome[]): number {
  const files = flags.filename as string[]
  if (!files.length) throw new KubectlError("error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples")
  const dryRunMode = String(flags['dry-run'])
  const dryRun = dryRunMode === 'client' || dryRunMode === 'server'
  const serverSide = !!flags['server-side']
  if (flags['force-conflicts'] && !serverSide) throw new KubectlError('error: --force-conflicts only works with --server-side')
  if (serverSide && dryRunMode === 'client') throw new KubectlError('error: --dry-run=client doesn\'t work with --server-side (did you mean --dry-run=server instead?)')
  const mode: ApplyMode = { serverSide, force: !!flags['force-conflicts'], fieldManager: String(flags['field-manager'] ?? ''), dryRun: dryRunMode as ApplyMode['dryRun'] }
  // As kubectl's builder: read every stream (a bad document ends its stream), check each
  // object (a shape error ends its stream too; decode and mapping errors skip one object),
  // apply what was read, and print all the errors at the end.
  const { docs, errors: streamErrors } = readManifestStreams(ctx, files)
  const errors: string[] = []
  const ready: ManifestDoc[] = []
  const stopped = new Set<string>()
  for (const doc of docs) {
    if (stopped.has(doc.source)) continue
    try {
      resolveForDoc(ctx, doc)
      ready.push(doc)
    } catch (e) {
      if (e instanceof ManifestError) stopped.add(doc.source)
      errors.push(e instanceof KubectlError || e instanceof ManifestError ? e.message : formatError(e))
    }
  }
  errors.push(...streamErrors.map((e) => e.message))
  for (const message of errors) results?.push({ ref: '', outcome: 'error', message })
  if (!ready.length && !errors.length) {
    ctx.err('error: no objects passed to apply\n')
    return 1
  }
  for (const doc of ready) {
    try {
      const r = applyOne(ctx, doc, dryRun, fieldValidationFor(flags.validate), mode)
      ctx.out(`${r.message}\n`)
      results?.push(r)
    } catch (e) {
      const msg = e instanceof KubectlError || e instanceof ManifestError ? e.message : formatError(e)
      errors.push(msg)
      results?.push({ ref: doc.object?.kind ? `${String(doc.object.kind).toLowerCase()}/${doc.object.metadata?.name ?? ''}` : '', outcome: 'error', message: msg })
    }
  }
  for (const msg of errors) ctx.err(`${msg}\n`)
  const exit = errors.length ? 1 : 0
  return exit
}
