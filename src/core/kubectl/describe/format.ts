/**
 * The small printing helpers every describer shares (describe.go's printLabelsMultiline,
 * printAnnotationsMultiline, taints, tolerations, printController, times): same layout, so
 * a label list lines up under its title the way kubectl's does.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- describers read free-form objects */
import type { KubeObject } from '../../api/types'
import { humanDuration } from '../../machinery/duration'
import { parseTime, rfc1123z } from '../../machinery/time'
import { LEVEL_0, type PrefixWriter } from './tabwriter'

type Writer = Pick<PrefixWriter, 'write' | 'writeLine'>

/** kubectl never shows the client-side apply bookkeeping annotation. */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration'])
const MAX_ANNOTATION_LEN = 140

function sortedKeys(m: Record<string, unknown> | undefined): string[] {
  return Object.keys(m ?? {}).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

export function printLabelsMultiline(w: Writer, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  const keys = sortedKeys(labels)
  if (!keys.length) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`)
    w.write(LEVEL_0, `${k}=${labels![k]}\n`)
  })
}

export function printAnnotationsMultiline(w: Writer, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  const keys = sortedKeys(annotations).filter((k) => !SKIP_ANNOTATIONS.has(k))
  if (!keys.length) {
    w.writeLine('<none>')
    return
  }
  const indent = '\t'
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, indent)
    const value = annotations![k]!.replace(/\n$/, '')
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`)
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`)
    } else w.write(LEVEL_0, `${k}: ${value}\n`)
  })
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s
}

/** Taint.ToString(): key=value:effect, key:effect, key=value: */
export function taintString(t: any): string {
  if (!t.value) return `${t.key}:${t.effect ?? ''}`
  return `${t.key}=${t.value}:${t.effect ?? ''}`
}

export function printTaintsMultiline(w: Writer, title: string, taints: any[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  if (!taints?.length) {
    w.writeLine('<none>')
    return
  }
  const key = (t: any) => `${t.effect ?? ''},${t.key ?? ''}`
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`)
    w.write(LEVEL_0, `${taintString(t)}\n`)
  })
}

export function printTolerationsMultiline(w: Writer, title: string, tolerations: any[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`)
  if (!tolerations?.length) {
    w.writeLine('<none>')
    return
  }
  // sort.Slice by key; a stable sort gives the same order for the short lists pods carry
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`)
    let s = t.key ?? ''
    if (t.value) s += `=${t.value}`
    if (t.effect) s += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`
    w.write(LEVEL_0, `${s}\n`)
  })
}

/** "ReplicaSet/web-5d4f..." from the controller owner reference, or "". */
export function printController(o: KubeObject): string {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/** A timestamp as describe prints it (time.RFC1123Z); Go's zero time when unset. */
export function describeTime(ts: string | undefined | null): string {
  const t = parseTime(ts ?? undefined)
  return t === undefined ? 'Mon, 01 Jan 0001 00:00:00 +0000' : rfc1123z(t)
}

export function since(ts: string | undefined | null, now: number): string {
  const t = parseTime(ts ?? undefined)
  return t === undefined ? '<unknown>' : humanDuration(now - t)
}

/** Go's %v of a bool. */
export function goBool(v: unknown): string {
  return v ? 'true' : 'false'
}

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>'
}

/** printBool: True / False. */
export function printBool(v: unknown): string {
  return v ? 'True' : 'False'
}

/** Go's %v of a *bool: <nil> when unset. */
export function goBoolPtr(v: unknown): string {
  return v === undefined || v === null ? '<nil>' : goBool(v)
}

/** IntOrString.String(). */
export function intOrString(v: unknown): string {
  return v === undefined || v === null ? '' : String(v)
}
