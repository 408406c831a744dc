/**
 * metadata.managedFields: who set which field (k8s.io/apiserver's fieldmanager over
 * structured-merge-diff). Every write names a manager; an Update takes the fields it added or
 * changed from everyone else and adds them to its own entry (merged per manager, operation,
 * apiVersion and subresource), and fields it removed leave every entry. The entry's time moves
 * only when the write took fields.
 */

import { compare, type Comparison } from './compare'
import { difference, fromFieldsV1, insert, isEmpty, newSet, toFieldsV1, union, withoutPrefix, type PathNode } from './fieldset'
import { emptyObject, withZeroValues, type TypeRef } from './schema'
import type { KubeObject } from '../../api/types'

export interface ManagedFieldsEntry {
  manager?: string
  operation?: 'Apply' | 'Update'
  apiVersion?: string
  time?: string
  fieldsType?: 'FieldsV1'
  fieldsV1?: Record<string, unknown>
  subresource?: string
}

export interface Manager {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  subresource?: string
  time?: string
  set: PathNode
}

/** Who is writing: the request's fieldManager, its operation, apiVersion and subresource. */
export interface WriteIdentity {
  manager: string
  apiVersion: string
  subresource?: string
}

/** BuildManagerIdentifier: appliers are one manager whatever apiVersion they applied with. */
export function managerKey(m: Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  return JSON.stringify([m.manager, m.operation, m.operation === 'Apply' ? '' : m.apiVersion, m.subresource ?? ''])
}

/** Fields no manager owns (the strip-meta manager's set): identity and server-set metadata. */
const STRIPPED = newSet()
for (const p of [['f:apiVersion'], ['f:kind'], ['f:metadata'], ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => ['f:metadata', `f:${f}`])]) insert(STRIPPED, p)

/** The fields a write may own: what the strategy resets (status on the main resource) is left out. */
export function ownable(set: PathNode, resetStatus: boolean): PathNode {
  const s = difference(set, STRIPPED)
  return resetStatus ? withoutPrefix(s, ['f:status']) : s
}

export function decodeManagers(entries: unknown): Map<string, Manager> {
  const out = new Map<string, Manager>()
  if (!Array.isArray(entries)) return out
  for (const e of entries as ManagedFieldsEntry[]) {
    if (!e || typeof e !== 'object') continue
    const m: Manager = {
      manager: e.manager ?? '',
      operation: e.operation === 'Apply' ? 'Apply' : 'Update',
      apiVersion: e.apiVersion ?? '',
      subresource: e.subresource || undefined,
      time: e.time,
      set: fromFieldsV1(e.fieldsV1),
    }
    out.set(managerKey(m), m)
  }
  return out
}

/** Seconds of an RFC 3339 time, for sortEncodedManagedFields. */
const seconds = (t?: string) => (t ? Math.floor(Date.parse(t) / 1000) : 0)

export function encodeManagers(managers: Map<string, Manager>): ManagedFieldsEntry[] {
  const list = [...managers.values()].filter((m) => !isEmpty(m.set))
  list.sort((p, q) => {
    if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1
    if (seconds(p.time) !== seconds(q.time)) return seconds(p.time) - seconds(q.time)
    if (p.manager !== q.manager) return p.manager < q.manager ? -1 : 1
    if (p.apiVersion !== q.apiVersion) return p.apiVersion < q.apiVersion ? -1 : 1
    return (p.subresource ?? '') < (q.subresource ?? '') ? -1 : (p.subresource ?? '') > (q.subresource ?? '') ? 1 : 0
  })
  return list.map((m) => {
    const e: ManagedFieldsEntry = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion }
    if (m.time) e.time = m.time
    e.fieldsType = 'FieldsV1'
    e.fieldsV1 = toFieldsV1(m.set)
    if (m.subresource) e.subresource = m.subresource
    return e
  })
}

/** The object as the field manager compares it: without its managedFields. */
export function withoutManagedFields(o: KubeObject | Record<string, unknown>): Record<string, unknown> {
  const obj = o as KubeObject
  if (!obj.metadata?.managedFields) return obj as unknown as Record<string, unknown>
  const { managedFields: _m, ...metadata } = obj.metadata
  void _m
  return { ...obj, metadata } as unknown as Record<string, unknown>
}

/** Takes changed fields from every manager and drops removed ones (merge.Updater.update, forced). */
export function releaseChanged(managers: Map<string, Manager>, cmp: Comparison, except?: string): void {
  const changed = union(cmp.modified, cmp.added)
  for (const [key, m] of managers) {
    if (key === except) continue
    m.set = difference(difference(m.set, changed), cmp.removed)
    if (isEmpty(m.set)) managers.delete(key)
  }
}

export interface UpdateInput {
  type: TypeRef
  /** The stored object, or undefined on create (compared against the kind's zero value). */
  live: KubeObject | undefined
  next: KubeObject
  who: WriteIdentity
  now: string
  resetStatus: boolean
}

/**
 * Records an Update on `next.metadata.managedFields`. The base is the entries the request
 * carried (a client may edit them) or else the live object's; subresource writes always use
 * the live ones.
 */
export function trackUpdate(u: UpdateInput): void {
  const sent = u.next.metadata.managedFields
  const base = !u.who.subresource && Array.isArray(sent) && sent.length ? sent : u.live?.metadata.managedFields
  const managers = decodeManagers(base)
  const lhs = u.live ? withZeroValues(withoutManagedFields(u.live), u.type) : emptyObject(u.type)
  const cmp = compare(lhs, withZeroValues(withoutManagedFields(u.next), u.type), u.type)
  releaseChanged(managers, cmp)
  const took = ownable(union(cmp.modified, cmp.added), u.resetStatus)
  if (!isEmpty(took)) {
    const me: Manager = { manager: u.who.manager, operation: 'Update', apiVersion: u.who.apiVersion, subresource: u.who.subresource, set: took }
    const key = managerKey(me)
    const previous = managers.get(key)
    managers.set(key, { ...me, set: previous ? union(previous.set, took) : took, time: u.now })
  }
  for (const [key, m] of managers) {
    m.set = ownable(m.set, false)
    if (isEmpty(m.set)) managers.delete(key)
  }
  const entries = encodeManagers(managers)
  if (entries.length) u.next.metadata.managedFields = entries
  else delete u.next.metadata.managedFields
}

