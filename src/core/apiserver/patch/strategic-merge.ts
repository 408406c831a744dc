/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), the patch kubectl apply
 * and kubectl edit send: a JSON merge patch, except that lists whose API field declares a
 * patchMergeKey merge element by element, and the `$patch`, `$setElementOrder/...`,
 * `$deleteFromPrimitiveList/...` and `$retainKeys` directives steer the merge.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- patches are free-form JSON */

import { patchMergeKey } from '../../api/merge-keys'
import { isObject } from './merge-patch'

/** Lists of scalars with patchStrategy "merge": elements are added, not replaced. */
const MERGED_PRIMITIVE_LISTS = ['finalizers']

const SET_ORDER = '$setElementOrder/'
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/'

export function strategicMergePatch(original: unknown, patch: unknown, path: string[] = []): unknown {
  if (!isObject(patch)) return patch
  if (patch.$patch === 'delete') return undefined
  const { $patch: directive, $retainKeys: retain, ...rest } = patch
  const base: Record<string, any> = directive === 'replace' || !isObject(original) ? {} : { ...original }
  for (const [k, v] of Object.entries(rest)) {
    if (k.startsWith(SET_ORDER) || k.startsWith(DELETE_PRIMITIVE)) continue
    const next = mergeField(base[k], v, k, path)
    if (next === undefined) delete base[k]
    else base[k] = next
  }
  for (const [k, v] of Object.entries(rest)) {
    if (k.startsWith(DELETE_PRIMITIVE) && Array.isArray(base[k.slice(DELETE_PRIMITIVE.length)]) && Array.isArray(v)) {
      const field = k.slice(DELETE_PRIMITIVE.length)
      base[field] = (base[field] as unknown[]).filter((x) => !v.includes(x))
    }
    if (k.startsWith(SET_ORDER) && Array.isArray(v)) {
      const field = k.slice(SET_ORDER.length)
      if (Array.isArray(base[field])) base[field] = reorder(base[field], v, patchMergeKey(field, path))
    }
  }
  if (Array.isArray(retain)) for (const k of Object.keys(base)) if (!retain.includes(k)) delete base[k]
  return base
}

function mergeField(current: unknown, value: unknown, field: string, path: string[]): unknown {
  if (value === null) return undefined
  if (isObject(value)) return strategicMergePatch(current, value, [...path, field])
  if (!Array.isArray(value)) return value
  const key = patchMergeKey(field, path)
  if (key && value.every(isObject)) return mergeList(Array.isArray(current) ? current : [], value, key, [...path, field])
  if (MERGED_PRIMITIVE_LISTS.includes(field) && Array.isArray(current)) return [...current, ...value.filter((x) => !current.includes(x))]
  return value
}

function mergeList(current: any[], patch: Record<string, any>[], key: string, path: string[]): any[] {
  if (patch.some((p) => p.$patch === 'replace')) return patch.filter((p) => p.$patch !== 'replace')
  const out = [...current]
  for (const p of patch) {
    const i = out.findIndex((c) => isObject(c) && c[key] === p[key])
    if (p.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1)
    } else if (i >= 0) out[i] = strategicMergePatch(out[i], p, path)
    else out.push(strategicMergePatch(undefined, p, path))
  }
  return out
}

/** `$setElementOrder`: the listed elements first, in that order; the rest keep their place after. */
function reorder(list: any[], order: unknown[], key: string | undefined): any[] {
  const idOf = (x: any) => JSON.stringify(key && isObject(x) ? x[key] : x)
  const wanted = order.map((o) => JSON.stringify(key && isObject(o) ? o[key] : o))
  const rank = (x: any) => {
    const i = wanted.indexOf(idOf(x))
    return i < 0 ? wanted.length : i
  }
  return list.map((x, i) => ({ x, i })).sort((a, b) => rank(a.x) - rank(b.x) || a.i - b.i).map((e) => e.x)
}
