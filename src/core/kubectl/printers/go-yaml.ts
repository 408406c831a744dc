/**
 * YAML as kubectl prints it (sigs.k8s.io/yaml over go-yaml v2): keys sorted, sequences not
 * indented under their key, strings quoted only when they would read back as something else,
 * multi-line strings as literal blocks, long plain strings folded at 80 columns.
 */

import { inGoFieldOrder } from '../../api/schema/go-field-order'

const RESERVED = /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/
const NUMBERISH = /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^0x[0-9a-fA-F_]+$|^0o?[0-7_]+$|^0b[01_]+$/
const TIMESTAMP = /^\d{4}-\d\d?-\d\d?([Tt ]|\s+)\d\d?:\d\d:\d\d(\.\d*)?(\s*(Z|[-+]\d\d?(:\d\d)?))?$|^\d{4}-\d\d-\d\d$/
const BEST_WIDTH = 80

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true
  }
  return false
}

function needsDoubleQuotes(s: string): boolean {
  return s === '' || RESERVED.test(s) || NUMBERISH.test(s) || TIMESTAMP.test(s) || hasControlChar(s)
}

function plainAllowed(s: string): boolean {
  if (/^[\s]|[\s]$/.test(s)) return false
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !/^[-?:][^\s]/.test(s)) return false
  if (/^[-?:](\s|$)/.test(s)) return false
  if (/: |:$| #|\t/.test(s)) return false
  if (/^---|^\.\.\./.test(s)) return false
  return true
}

function doubleQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`
    else out += ch
  }
  return `${out}"`
}

/**
 * Folds a plain or single-quoted scalar as libyaml's emitter does: at a space, once the line
 * already runs past the best width (so the word that crosses column 80 stays on its line).
 */
function fold(text: string, column: number, indent: string): string {
  if (column + text.length <= BEST_WIDTH || !text.includes(' ')) return text
  const words = text.split(' ')
  let out = ''
  let col = column
  let first = true
  for (const w of words) {
    if (first) {
      out += w
      col += w.length
      first = false
    } else if (col > BEST_WIDTH && w.length > 0 && col > indent.length) {
      out += `\n${indent}${w}`
      col = indent.length + w.length
    } else {
      out += ` ${w}`
      col += 1 + w.length
    }
  }
  return out
}

function scalar(s: string, column: number, indent: string): string {
  if (s.includes('\n')) {
    const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-'
    const body = s.replace(/\n$/, '').split('\n')
    const lead = /^\s/.test(s) ? '2' : ''
    return `|${lead}${chomp}\n${body.map((l) => (l === '' ? '' : indent + l)).join('\n')}`
  }
  if (needsDoubleQuotes(s)) return doubleQuote(s)
  if (plainAllowed(s)) return fold(s, column, indent)
  return `'${fold(s.replace(/'/g, "''"), column + 1, indent)}'`
}

function isScalar(v: unknown): boolean {
  return v === null || v === undefined || typeof v !== 'object' || (Array.isArray(v) && v.length === 0) || (!Array.isArray(v) && Object.keys(v as object).length === 0)
}

function scalarText(v: unknown, column: number, indent: string): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return scalar(v, column, indent)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return '[]'
  return '{}'
}

function emit(v: unknown, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isScalar(item)) out.push(`${indent}- ${scalarText(item, indent.length + 2, indent + '  ')}`)
      else {
        const inner: string[] = []
        emit(item, indent + '  ', inner)
        inner[0] = `${indent}- ${inner[0]!.slice(indent.length + 2)}`
        out.push(...inner)
      }
    }
    return
  }
  const obj = v as Record<string, unknown>
  for (const key of Object.keys(obj).sort()) {
    const val = obj[key]
    if (val === undefined) continue
    const k = scalar(key, indent.length, indent)
    if (isScalar(val)) out.push(`${indent}${k}: ${scalarText(val, indent.length + k.length + 2, indent + '  ')}`)
    else if (Array.isArray(val)) {
      out.push(`${indent}${k}:`)
      emit(val, indent, out)
    } else {
      out.push(`${indent}${k}:`)
      emit(val, indent + '  ', out)
    }
  }
}

/** How kubectl's -o json|yaml printers are set up (genericclioptions PrintFlags). */
export interface PrintOptions {
  /** --show-managed-fields: without it kubectl drops metadata.managedFields (OmitManagedFieldsPrinter). */
  showManagedFields?: boolean
}

function withoutManagedFields(o: unknown): unknown {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return o
  const meta = (o as { metadata?: Record<string, unknown> }).metadata
  if (!meta || typeof meta !== 'object' || !('managedFields' in meta)) return o
  const { managedFields: _m, ...rest } = meta
  void _m
  return { ...o, metadata: rest }
}

/** OmitManagedFieldsPrinter: an object, or each item of a list, without its managedFields. */
export function omitManagedFields(value: unknown, opts: PrintOptions = {}): unknown {
  if (opts.showManagedFields || !value || typeof value !== 'object') return value
  const items = (value as { items?: unknown }).items
  if (Array.isArray(items)) return { ...value, items: items.map(withoutManagedFields) }
  return withoutManagedFields(value)
}

/** One document, ending with a newline. */
export function toGoYaml(input: unknown, opts: PrintOptions = {}): string {
  const value = omitManagedFields(input, opts)
  if (isScalar(value)) return `${scalarText(value, 0, '')}\n`
  const out: string[] = []
  emit(value, '', out)
  return `${out.join('\n')}\n`
}

/** encoding/json MarshalIndent with 4 spaces; Go escapes <, > and & in strings. */
/**
 * -o json of a typed object (a generator's --dry-run=client result, or what kubectl's typed
 * client got back from a create): Go's encoding/json writes struct fields in declaration order.
 */
export function toTypedGoJSON(value: unknown, opts: PrintOptions = {}): string {
  return `${escapeGoJSON(JSON.stringify(inGoFieldOrder(omitManagedFields(value, opts)), null, 4))}\n`
}

/** -o yaml of a typed object: Go's zero values are there (the keys are sorted either way). */
export function toTypedGoYaml(value: unknown): string {
  return toGoYaml(inGoFieldOrder(value))
}

const escapeGoJSON = (text: string): string => text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')

/** -o json of an object read from the server: kubectl holds it as a map, so keys come sorted. */
export function toGoJSON(input: unknown, opts: PrintOptions = {}): string {
  const value = omitManagedFields(input, opts)
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys)
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {}
      for (const k of Object.keys(v).sort()) if ((v as Record<string, unknown>)[k] !== undefined) o[k] = sortKeys((v as Record<string, unknown>)[k])
      return o
    }
    return v
  }
  return `${escapeGoJSON(JSON.stringify(sortKeys(value), null, 4))}\n`
}
