/**
 * The structured-merge-diff schema of the built-in kinds (smd-schema.json, generated from
 * client-go by scripts/gen-smd-schema.mjs): how each field merges and is tracked. Kinds it
 * does not know (custom resources) are "deduced": maps are granular, lists atomic.
 */

import schema from './smd-schema.json'

/** 'S' scalar, 'A' atomic untyped value, 'D' deduced, or a named type. */
export type TypeRef = string | ListType | MapType

export interface ListType {
  l: TypeRef
  k?: string[]
  set?: number
  atomic?: number
}

export interface MapType {
  f?: Record<string, TypeRef>
  e?: TypeRef
  d?: string[]
  atomic?: number
}

export type Resolved = { kind: 'scalar' } | { kind: 'list'; t: ListType } | { kind: 'map'; t: MapType }

const TYPES = schema.types as Record<string, TypeRef>
const SCALAR: Resolved = { kind: 'scalar' }
const ATOMIC_MAP: MapType = { e: 'A', atomic: 1 }
const ATOMIC_LIST: ListType = { l: 'A', atomic: 1 }
const DEDUCED_MAP: MapType = { e: 'D' }

function isObj(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v)
}

/** What a type is, looking at the value for untyped ones (as SMD's deduceAtom does). */
export function resolve(ref: TypeRef, value: unknown): Resolved {
  if (typeof ref === 'string') {
    if (ref === 'S') return SCALAR
    if (ref === 'A' || ref === 'D') {
      if (Array.isArray(value)) return { kind: 'list', t: ATOMIC_LIST }
      if (isObj(value)) return { kind: 'map', t: ref === 'A' ? ATOMIC_MAP : DEDUCED_MAP }
      return SCALAR
    }
    const named = TYPES[ref]
    return named === undefined ? resolve('D', value) : resolve(named, value)
  }
  if ('l' in ref) return { kind: 'list', t: ref }
  return { kind: 'map', t: ref }
}

/** The type of a map's entry or a struct's field. */
export function fieldType(t: MapType, name: string): TypeRef {
  return t.f?.[name] ?? t.e ?? 'D'
}

/** The schema type of a kind: io.k8s.api.<group>.<version>.<Kind>. */
export function kindType(apiVersion: string, kind: string): TypeRef {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion]
  const short = group === 'core' ? 'core' : group!.split('.')[0]!
  const name = `io.k8s.api.${short}.${version}.${kind}`
  return name in TYPES ? name : 'D'
}

/** The path element of a list item: `k:{...}` by its keys, `v:...` in a set, else `i:<index>`. */
export function listItemElement(t: ListType, item: unknown, index: number): string {
  if (t.k && isObj(item)) {
    const key: Record<string, unknown> = {}
    for (const k of [...t.k].sort()) if (item[k] !== undefined) key[k] = item[k]
    return `k:${JSON.stringify(key)}`
  }
  if (t.set) return `v:${JSON.stringify(item)}`
  return `i:${index}`
}

/**
 * A kind's zero value as upstream's converter writes it: non-pointer structs are present
 * (empty) and PodSpec.containers is null. The fields a create adds on top of those count as
 * added nodes, which is what gives `.: {}` to labels but not to spec.
 */
export function emptyObject(ref: TypeRef): Record<string, unknown> {
  const r = resolve(ref, {})
  const out: Record<string, unknown> = {}
  if (r.kind !== 'map') return out
  for (const name of r.t.d ?? []) out[name] = emptyObject(fieldType(r.t, name))
  // Fields Go writes even when empty: PodSpec.containers and ObjectMeta.creationTimestamp.
  if (r.t.f && 'containers' in r.t.f && 'restartPolicy' in r.t.f) out.containers = null
  if (r.t.f && 'creationTimestamp' in r.t.f && 'generateName' in r.t.f) out.creationTimestamp = null
  return out
}

/**
 * The object as upstream's typed converter sees it: the non-pointer structs it lacks are there,
 * empty (a Deployment without status still has `status: {}`), so their arrival is no change.
 */
export function withZeroValues(obj: unknown, ref: TypeRef): unknown {
  if (!isObj(obj)) return obj
  const r = resolve(ref, obj)
  if (r.kind !== 'map' || !r.t.d) return obj
  const out: Record<string, unknown> = { ...obj }
  for (const name of r.t.d) {
    const v = obj[name]
    out[name] = v === undefined ? emptyObject(fieldType(r.t, name)) : withZeroValues(v, fieldType(r.t, name))
  }
  return out
}
