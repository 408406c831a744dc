/**
 * The typed comparison of two versions of an object (structured-merge-diff's Compare): which
 * field paths a write added, modified and removed. Leaves are scalars, atomic lists and maps,
 * and empty (or absent) lists and maps; a granular map or list that appears or disappears is
 * itself added or removed, besides its contents.
 */

import { insert, newSet, type PathNode } from './fieldset'
import { fieldType, listItemElement, resolve, type TypeRef } from './schema'

export interface Comparison {
  added: PathNode
  modified: PathNode
  removed: PathNode
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]))
  }
  const ka = Object.keys(a)
  const ob = b as Record<string, unknown>
  if (ka.length !== Object.keys(ob).length) return false
  return ka.every((k) => k in ob && deepEqual((a as Record<string, unknown>)[k], ob[k]))
}

const isEmptyValue = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v).length === 0)

export function compare(lhs: unknown, rhs: unknown, ref: TypeRef): Comparison {
  const c: Comparison = { added: newSet(), modified: newSet(), removed: newSet() }
  walk(lhs, rhs, ref, [], c)
  return c
}

/** Compares one node; returns whether it was treated as a leaf. */
function walk(lhs: unknown, rhs: unknown, ref: TypeRef, path: string[], c: Comparison): boolean {
  const r = resolve(ref, rhs ?? lhs)
  const leaf = () => {
    if (lhs === undefined) insert(c.added, path)
    else if (rhs === undefined) insert(c.removed, path)
    else if (!deepEqual(lhs, rhs)) insert(c.modified, path)
    return true
  }
  if (r.kind === 'scalar') return leaf()
  // A value whose shape does not fit the schema (a list where a map belongs...) is a leaf.
  const fits = (v: unknown) => v === undefined || v === null || (r.kind === 'list' ? Array.isArray(v) : typeof v === 'object' && !Array.isArray(v))
  if (!fits(lhs) || !fits(rhs)) return leaf()
  if (r.t.atomic || (isEmptyValue(lhs) && isEmptyValue(rhs))) return leaf()
  if (r.kind === 'map') {
    const l = (lhs ?? {}) as Record<string, unknown>
    const rr = (rhs ?? {}) as Record<string, unknown>
    const keys = new Set([...Object.keys(l), ...Object.keys(rr)])
    for (const k of keys) child(l[k], rr[k], fieldType(r.t, k), [...path, `f:${k}`], c)
  } else {
    const index = (v: unknown) => {
      const m = new Map<string, unknown>()
      ;((v ?? []) as unknown[]).forEach((item, i) => m.set(listItemElement(r.t, item, i), item))
      return m
    }
    const l = index(lhs)
    const rr = index(rhs)
    for (const [pe, item] of l) child(item, rr.get(pe), r.t.l, [...path, pe], c)
    for (const [pe, item] of rr) if (!l.has(pe)) child(undefined, item, r.t.l, [...path, pe], c)
  }
  return false
}

function child(lhs: unknown, rhs: unknown, ref: TypeRef, path: string[], c: Comparison): void {
  if (lhs === undefined && rhs === undefined) return
  const leaf = walk(lhs, rhs, ref, path, c)
  if (!leaf) {
    if (lhs === undefined) insert(c.added, path)
    else if (rhs === undefined) insert(c.removed, path)
  }
}
