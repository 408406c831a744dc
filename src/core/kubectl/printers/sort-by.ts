/**
 * `kubectl get --sort-by=<jsonpath>`: order objects by one field, numbers by value, times by
 * time, other values as strings (kubectl's RuntimeSort). Only simple paths (`.a.b[0].c`,
 * with or without braces) are understood, which is what sorting needs in practice.
 */

import type { KubeObject } from '../../api/types'
import { goSort } from '../../machinery/go-sort'
import { KubectlError } from '../context'

function fieldAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj
  for (const part of path.split('.').filter(Boolean)) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part)
    if (!m) return undefined
    cur = (cur as Record<string, unknown> | undefined)?.[m[1]!]
    for (const idx of m[2]!.match(/\d+/g) ?? []) cur = (cur as unknown[] | undefined)?.[Number(idx)]
  }
  return cur
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/

export function sortObjects(objs: KubeObject[], sortBy: string): KubeObject[] {
  const path = sortBy.replace(/^\{(.*)\}$/, '$1')
  if (!path.startsWith('.')) throw new KubectlError(`error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'`)
  const values = objs.map((o) => fieldAt(o, path))
  if (objs.length > 0 && values.every((v) => v === undefined)) {
    throw new KubectlError(`error: couldn't find any field with path "{${path}}" in the list of objects`)
  }
  const key = (v: unknown): number | string => {
    if (typeof v === 'number') return v
    if (typeof v === 'string' && RFC3339.test(v)) return Date.parse(v)
    if (v === undefined || v === null) return ''
    return typeof v === 'string' ? v : JSON.stringify(v)
  }
  // Go's sort.Sort, unstable as kubectl's (TableSorter / RuntimeSort): ties keep its order.
  const less = (a: { k: number | string }, b: { k: number | string }) =>
    typeof a.k === 'number' && typeof b.k === 'number' ? a.k < b.k : String(a.k) < String(b.k)
  return goSort(
    objs.map((o, i) => ({ o, k: key(values[i]) })),
    less,
  ).map((e) => e.o)
}
