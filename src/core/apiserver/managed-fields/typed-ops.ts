/**
 * The typed operations server-side apply needs (structured-merge-diff's ToFieldSet, Merge and
 * RemoveItems), driven by the schema: list-maps merge item by item on their keys, sets by
 * value, atomic lists and maps are replaced whole.
 */

import { insert, newSet, type PathNode } from './fieldset'
import { fieldType, listItemElement, resolve, type TypeRef } from './schema'

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

/** The fields an applied configuration sets: its leaves, its list items, its empty maps. */
export function toFieldSet(config: unknown, ref: TypeRef): PathNode {
  const set = newSet()
  collect(config, ref, [], set)
  return set
}

function collect(v: unknown, ref: TypeRef, path: string[], set: PathNode): void {
  const r = resolve(ref, v)
  if (r.kind === 'scalar') return void insert(set, path)
  if (r.t.atomic) return void insert(set, path)
  if (r.kind === 'list') {
    if (!Array.isArray(v)) return
    v.forEach((item, i) => {
      const p = [...path, listItemElement(r.t, item, i)]
      collect(item, r.t.l, p, set)
      insert(set, p)
    })
    return
  }
  if (!isObj(v)) return
  for (const [k, val] of Object.entries(v)) {
    const p = [...path, `f:${k}`]
    collect(val, fieldType(r.t, k), p, set)
    if (val === null || (isObj(val) && !Object.keys(val).length) || !(r.t.f && k in r.t.f)) insert(set, p)
  }
}

/** The live object with the configuration merged in (config wins, granular parts merge). */
export function merge(live: unknown, config: unknown, ref: TypeRef): unknown {
  if (config === undefined) return live
  if (live === undefined || live === null || config === null) return structuredCloneJSON(config)
  const r = resolve(ref, config)
  if (r.kind === 'scalar' || r.t.atomic) return structuredCloneJSON(config)
  if (r.kind === 'map') {
    if (!isObj(live) || !isObj(config)) return structuredCloneJSON(config)
    const out: Record<string, unknown> = { ...live }
    for (const [k, v] of Object.entries(config)) out[k] = merge(live[k], v, fieldType(r.t, k))
    return out
  }
  if (!Array.isArray(live) || !Array.isArray(config)) return structuredCloneJSON(config)
  const liveByPE = new Map(live.map((item, i) => [listItemElement(r.t, item, i), item]))
  const cfgPEs = config.map((item, i) => listItemElement(r.t, item, i))
  const cfgSet = new Set(cfgPEs)
  // Live order first, each configured item merged in place; new items go before the next
  // live item the configuration lists after them (merge.go's sharedOrder), else at the end.
  const out: unknown[] = []
  let ci = 0
  for (const [pe, item] of liveByPE) {
    if (cfgSet.has(pe)) {
      const at = cfgPEs.indexOf(pe)
      for (; ci < at; ci++) if (!liveByPE.has(cfgPEs[ci]!)) out.push(structuredCloneJSON(config[ci]))
      ci = Math.max(ci, at + 1)
      out.push(merge(item, config[at], r.t.l))
    } else out.push(item)
  }
  for (; ci < config.length; ci++) if (!liveByPE.has(cfgPEs[ci]!)) out.push(structuredCloneJSON(config[ci]))
  return out
}

/** Removes the members of `remove` from a value, keeping any node `keep` still has fields under. */
export function removeItems(v: unknown, remove: PathNode, keep: PathNode | undefined, ref: TypeRef): unknown {
  const r = resolve(ref, v)
  if (r.kind === 'scalar') return v
  if (r.kind === 'list') {
    if (!Array.isArray(v)) return v
    const out: unknown[] = []
    v.forEach((item, i) => {
      const pe = listItemElement(r.t, item, i)
      const rm = remove.children.get(pe)
      const kp = keep?.children.get(pe)
      if (!rm) return void out.push(item)
      if (rm.member && !(kp && (kp.member || kp.children.size))) return
      out.push(removeItems(item, rm, kp, r.t.l))
    })
    return out
  }
  if (!isObj(v)) return v
  const out: Record<string, unknown> = { ...v }
  for (const [k, val] of Object.entries(v)) {
    const rm = remove.children.get(`f:${k}`)
    if (!rm) continue
    const kp = keep?.children.get(`f:${k}`)
    if (rm.member && !(kp && (kp.member || kp.children.size))) delete out[k]
    else out[k] = removeItems(val, rm, kp, fieldType(r.t, k))
  }
  return out
}

function structuredCloneJSON<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T)
}
