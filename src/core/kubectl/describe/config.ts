/**
 * `kubectl describe configmap` and `secret`: data keys with their values (ConfigMap) or only
 * their sizes (Secret). Upstream v1.31 walks Go maps here, so its key order varies from run
 * to run; later kubectl sorts the keys, which is what we do.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import type { KubeObject } from '../../api/types'
import { describeEvents } from './events'
import { printAnnotationsMultiline, printLabelsMultiline } from './format'
import { LEVEL_0, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

/** Byte length of base64 data once decoded. */
function decodedLength(b64: string): number {
  const clean = String(b64).replace(/\s/g, '')
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
  return Math.floor((clean.length * 3) / 4) - pad
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 to text (core has no atob/TextDecoder: ES2022 lib only). */
function utf8Decode(b64: string): string {
  const clean = String(b64).replace(/[\s=]/g, '')
  const bytes: number[] = []
  let acc = 0
  let bits = 0
  for (const ch of clean) {
    acc = (acc << 6) | Math.max(0, B64.indexOf(ch))
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes.push((acc >> bits) & 0xff)
    }
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))
  } catch {
    return String.fromCharCode(...bytes)
  }
}

export function describeConfigMap(ctx: DescribeContext, cm: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', cm.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations)
  w.write(LEVEL_0, '\nData\n====\n')
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`)
    w.write(LEVEL_0, `${cm.data[k]}\n`)
    w.write(LEVEL_0, '\n')
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n')
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${decodedLength(cm.binaryData[k])} bytes\n`)
  w.write(LEVEL_0, '\n')
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

export function describeSecret(_ctx: DescribeContext, s: any): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', s.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations)
  w.write(LEVEL_0, `\nType:\t${s.type ?? ''}\n`)
  w.write(LEVEL_0, '\nData\n====\n')
  for (const k of Object.keys(s.data ?? {}).sort()) {
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${utf8Decode(s.data[k])}\n`)
    else w.write(LEVEL_0, `${k}:\t${decodedLength(s.data[k])} bytes\n`)
  }
  return w.toString()
}

/** describeServiceAccount: the three secret lists, in the sorted order of their padded headers. */
export function describeServiceAccount(ctx: DescribeContext, sa: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${sa.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', sa.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations)
  const t = ctx.api.registry.forGroupResource('', 'secrets')
  const secrets: any[] = t ? ctx.api.list(t, { namespace: sa.metadata.namespace }).items : []
  const existing = new Set(secrets.map((s) => s.metadata.name))
  const tokens = secrets.filter(
    (s) =>
      s.type === 'kubernetes.io/service-account-token' &&
      s.metadata.annotations?.['kubernetes.io/service-account.name'] === sa.metadata.name &&
      s.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid,
  )
  const groups: [string, string[]][] = [
    ['Image pull secrets:', (sa.imagePullSecrets ?? []).map((s: any) => s.name)],
    ['Mountable secrets: ', (sa.secrets ?? []).map((s: any) => s.name)],
    ['Tokens:            ', tokens.map((s) => s.metadata.name)],
  ]
  for (const [header, names] of groups) {
    if (!names.length) {
      w.write(LEVEL_0, `${header}\t<none>\n`)
      continue
    }
    names.forEach((n, i) => w.write(LEVEL_0, `${i === 0 ? header : '                   '}\t${n}${existing.has(n) ? '' : ' (not found)'}\n`))
  }
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
