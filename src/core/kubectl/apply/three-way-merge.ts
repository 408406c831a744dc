/**
 * Client-side apply's merge (kubectl apply's strategic three-way patch, applied here on the
 * client): fields in the new manifest win; fields the last applied manifest had and the new
 * one dropped are removed; fields only the server or other writers set are kept. Lists of
 * objects merge by their upstream merge key (containers by name, ports by containerPort...).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- merging free-form objects */

import { patchMergeKey } from '../../api/merge-keys'

const isObj = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v)

export function threeWayMerge(original: any, modified: any, current: any, path: string[] = []): any {
  if (!isObj(modified) || !isObj(current)) return modified
  const out: Record<string, any> = { ...current }
  const orig = isObj(original) ? original : {}
  for (const k of Object.keys(orig)) if (!(k in modified)) delete out[k]
  for (const [k, v] of Object.entries(modified)) {
    if (v === null) {
      delete out[k]
      continue
    }
    const cur = current[k]
    if (isObj(v) && isObj(cur)) out[k] = threeWayMerge(orig[k], v, cur, [...path, k])
    else if (Array.isArray(v) && Array.isArray(cur)) {
      const key = patchMergeKey(k, path)
      out[k] = key && v.every(isObj) && cur.every(isObj) ? mergeList(orig[k], v, cur, key, [...path, k]) : v
    } else out[k] = v
  }
  return out
}

function mergeList(original: any, modified: any[], current: any[], key: string, path: string[]): any[] {
  const origKeys = new Set((Array.isArray(original) ? original : []).filter(isObj).map((x: any) => String(x[key])))
  const byKey = new Map(current.map((x) => [String(x[key]), x]))
  const origByKey = new Map((Array.isArray(original) ? original : []).filter(isObj).map((x: any) => [String(x[key]), x]))
  const out: any[] = []
  const used = new Set<string>()
  for (const m of modified) {
    const k = String(m[key])
    used.add(k)
    const c = byKey.get(k)
    out.push(c ? threeWayMerge(origByKey.get(k), m, c, path) : m)
  }
  for (const c of current) {
    const k = String(c[key])
    if (used.has(k) || origKeys.has(k)) continue
    out.push(c)
  }
  return out
}
