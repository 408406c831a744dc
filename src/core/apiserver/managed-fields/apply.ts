/**
 * Server-side apply (PATCH with application/apply-patch+yaml): the applied configuration is
 * merged into the live object, its fields become the applier's (an Apply entry), fields the
 * applier applied before and dropped are removed unless another manager owns them, and a
 * change to a field another manager owns is a 409 Conflict unless forced, in which case the
 * field changes hands. Equal values are shared: nothing changes, so nothing conflicts.
 */

import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import { newBadRequest, StatusError, type StatusCause } from '../../machinery/errors'
import { rfc3339 } from '../../machinery/time'
import type { APIServer, WriteOptions } from '../server'
import { compare, deepEqual } from './compare'
import { difference, intersection, isEmpty, pathString, paths, union, type PathNode } from './fieldset'
import { decodeManagers, encodeManagers, managerKey, ownable, releaseChanged, withoutManagedFields, type Manager } from './managers'
import { kindType, withZeroValues } from './schema'
import { merge, removeItems, toFieldSet } from './typed-ops'

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration'

/** kubectl's own server-side apply manager, whose applies keep the last-applied annotation in step. */
const KUBECTL_APPLY_MANAGER = 'kubectl'

export interface ApplyOptions extends WriteOptions {
  force?: boolean
}

/** printManager: `"kubectl"`, `"kube-controller-manager" using apps/v1`, with its subresource. */
function describeManager(m: Manager): string {
  let s = JSON.stringify(m.manager)
  if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`
  return m.operation === 'Update' ? `${s} using ${m.apiVersion}` : s
}

/** The 409 an apply gets when it would change fields other managers own (NewConflictError). */
export function newApplyConflict(conflicts: { manager: Manager; path: string[] }[]): StatusError {
  const causes: StatusCause[] = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${describeManager(c.manager)}`, field: pathString(c.path) }))
  let message: string
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${describeManager(conflicts[0]!.manager)}: ${pathString(conflicts[0]!.path)}`
  } else {
    const lines: string[] = []
    const byManager = new Map<string, { m: Manager; paths: string[][] }>()
    for (const c of conflicts) {
      const k = managerKey(c.manager)
      if (!byManager.has(k)) byManager.set(k, { m: c.manager, paths: [] })
      byManager.get(k)!.paths.push(c.path)
    }
    for (const { m, paths: ps } of [...byManager.values()].sort((a, b) => (a.m.manager < b.m.manager ? -1 : a.m.manager > b.m.manager ? 1 : 0))) {
      lines.push(`conflicts with ${describeManager(m)}:`)
      for (const p of ps) lines.push(`- ${pathString(p)}`)
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`
  }
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Conflict', details: { causes }, code: 409 })
}

/** buildLastApplied: the applied configuration, annotation left out, as JSON with sorted keys. */
function lastAppliedText(config: KubeObject): string {
  const c = clone(config)
  if (c.metadata?.annotations) delete c.metadata.annotations[LAST_APPLIED_ANNOTATION]
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys)
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
    return v
  }
  return `${JSON.stringify(sortKeys(c))}\n`
}

export function serverSideApply(api: APIServer, t: ResourceType, namespace: string | undefined, name: string, config: KubeObject, opts: ApplyOptions): { object: KubeObject; created: boolean } {
  const apiVersion = t.group ? `${t.group}/${t.version}` : t.version
  const ref = kindType(apiVersion, t.kind)
  const resetStatus = !!api.strategy(t).statusSubresource
  const now = rfc3339(api.clock.now())
  const manager = opts.fieldManager ?? ''
  if (config.apiVersion !== apiVersion) {
    throw newBadRequest(`Incorrect version specified in apply patch. Specified patch version: ${config.apiVersion}, expected: ${apiVersion}`)
  }
  if (config.metadata?.managedFields != null) throw newBadRequest('metadata.managedFields must be nil')
  const me: Manager = { manager, operation: 'Apply', apiVersion, set: ownable(toFieldSet(config, ref), resetStatus) }
  const key = managerKey(me)
  const live = api.peek(t, namespace, name)
  if (!live) {
    const obj = clone(config)
    obj.metadata = { ...(obj.metadata ?? {}), name }
    if (namespace) obj.metadata.namespace = namespace
    obj.metadata.managedFields = encodeManagers(new Map([[key, { ...me, time: now }]]))
    return { object: api.create(t, obj, { ...opts, namespace, managedFieldsApplied: true }), created: true }
  }
  const managers = decodeManagers(live.metadata.managedFields)
  const liveBare = withoutManagedFields(live)
  let merged = merge(liveBare, config, ref) as KubeObject
  const previous = managers.get(key)
  managers.set(key, { ...me, time: previous?.time })
  if (previous) {
    // Fields this manager applied before and dropped now go, unless someone else holds them.
    const others = [...managers].filter(([k]) => k !== key).reduce<PathNode>((acc, [, m]) => union(acc, m.set), me.set)
    merged = removeItems(merged, difference(previous.set, me.set), others, ref) as KubeObject
  }
  const cmp = compare(withZeroValues(liveBare, ref), withZeroValues(merged, ref), ref)
  const changed = ownable(union(cmp.modified, cmp.added), resetStatus)
  const conflicts: { manager: Manager; path: string[] }[] = []
  for (const [k, m] of [...managers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (k === key) continue
    const clash = intersection(m.set, changed)
    if (!isEmpty(clash)) for (const p of paths(clash)) conflicts.push({ manager: m, path: p })
  }
  if (conflicts.length && !opts.force) throw newApplyConflict(conflicts)
  releaseChanged(managers, { ...cmp, modified: changed, added: changed }, key)
  const applier = managers.get(key)!
  if (!deepEqual(liveBare, merged)) applier.time = now
  if (manager === KUBECTL_APPLY_MANAGER && live.metadata.annotations?.[LAST_APPLIED_ANNOTATION] !== undefined) {
    merged.metadata = { ...merged.metadata, annotations: { ...(merged.metadata.annotations ?? {}), [LAST_APPLIED_ANNOTATION]: lastAppliedText(config) } }
  }
  merged.metadata = { ...merged.metadata, resourceVersion: live.metadata.resourceVersion, managedFields: encodeManagers(managers) }
  return { object: api.update(t, merged, { ...opts, patch: true, managedFieldsApplied: true }), created: false }
}
