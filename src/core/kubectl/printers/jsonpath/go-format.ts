/**
 * How Go prints the decoded-JSON values a template works on: fmt's %v (plain results),
 * %#v (the object dumped in an execution error), strconv.Quote, and encoding/json's compact
 * Marshal (maps and lists in results). Objects are Go maps, so keys come out sorted.
 */

import { GoFloat } from './nodes'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoFloat)

function sortedEntries(o: Record<string, unknown>): [string, unknown][] {
  return Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => [k, o[k]])
}

/** strconv.FormatFloat(f, 'g', -1, 64), which fmt's %v uses for a float64 (1e+06, not 1000000). */
export function goFloat(f: number): string {
  if (!Number.isFinite(f)) return Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'
  if (f === 0) return Object.is(f, -0) ? '-0' : '0'
  const [mantissa, expText] = f.toExponential().split('e')
  const exp = parseInt(expText!, 10)
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(f)
}

/** A JSON number from the API is an int64 when it is whole, else a float64. */
function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : goFloat(n)
}

/** strconv.Quote: Go escapes, printable Unicode kept as is. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (ch === '\x07') out += '\\a'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\v') out += '\\v'
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`
    else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) out += ch
    else out += c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`
  }
  return `${out}"`
}

/** fmt's %v. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (v instanceof GoFloat) return goFloat(v.value)
  if (typeof v === 'number') return numberText(v)
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`
  if (isObject(v)) return `map[${sortedEntries(v).map(([k, x]) => `${k}:${goV(x)}`).join(' ')}]`
  return String(v)
}

/** fmt's %#v of a decoded JSON document (map[string]interface {} at the top). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)'
  if (v instanceof GoFloat) return goFloat(v.value)
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number') return numberText(v)
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`
  if (isObject(v)) return `map[string]interface {}{${sortedEntries(v).map(([k, x]) => `${goQuote(k)}:${goSharpV(x)}`).join(', ')}}`
  return String(v)
}

/** encoding/json Marshal: sorted keys, no spaces, <, >, & and line separators escaped. */
export function goJSONCompact(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x instanceof GoFloat) return x.value
    if (isObject(x)) return Object.fromEntries(sortedEntries(x))
    return x
  })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
