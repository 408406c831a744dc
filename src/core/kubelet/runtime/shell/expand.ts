/**
 * Word expansion (XCU 2.6): tilde, parameters (`$x`, `${x:-w}`, `$?`, `$#`, `$@`), command
 * substitution `$(...)` and backquotes, arithmetic `$((...))`, quote removal, then field
 * splitting of unquoted expansions and pathname globbing of unquoted `*` and `?`.
 */

import { ArithError, evalArith } from './arith'
import { skipBackquote, skipDouble, skipParens } from './lexer'
import type { Effect } from './types'

export interface ExpandContext {
  get(name: string): string | undefined
  set(name: string, value: string): void
  special(name: string): string | string[] | undefined
  /** Runs a command substitution and returns its standard output. */
  substitute(src: string): Generator<Effect, string, void>
  glob(pattern: string): string[]
}

export class ExpandError extends Error {}

interface Piece {
  text: string
  /** Quoted text and literals are never split; unquoted expansion results are. */
  split: boolean
  glob?: boolean
  /** "$@": each positional parameter becomes its own field. */
  fields?: string[]
}

const IFS = /[ \t\n]+/

function* param(body: string, ctx: ExpandContext): Generator<Effect, string | string[], void> {
  if (body.startsWith('#') && body.length > 1) return String((ctx.get(body.slice(1)) ?? '').length)
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#$@*!-])(:?[-=+?])?(.*)$/s.exec(body)
  if (!m) throw new ExpandError(`\${${body}}: bad substitution`)
  const [, name, op, word] = m
  const special = ctx.special(name!)
  const value = special !== undefined ? special : ctx.get(name!)
  if (!op) return value ?? ''
  const str = Array.isArray(value) ? value.join(' ') : value
  const unset = op.startsWith(':') ? !str : str === undefined
  const w = () => expandToString(word!, ctx)
  switch (op.replace(':', '')) {
    case '-':
      return unset ? yield* w() : str!
    case '=': {
      if (!unset) return str!
      const v = yield* w()
      ctx.set(name!, v)
      return v
    }
    case '+':
      return unset ? '' : yield* w()
    default:
      if (unset) throw new ExpandError(`${name}: ${(yield* w()) || 'parameter not set'}`)
      return str!
  }
}

/** Splits a word into pieces, running substitutions as it meets them. */
function* pieces(raw: string, ctx: ExpandContext, inDouble: boolean): Generator<Effect, Piece[], void> {
  const out: Piece[] = []
  let lit = ''
  const flush = () => {
    if (lit) out.push({ text: lit, split: false, glob: !inDouble && /[*?]/.test(lit) })
    lit = ''
  }
  let i = 0
  while (i < raw.length) {
    const c = raw[i]!
    if (c === '\\') {
      const n = raw[i + 1] ?? ''
      if (inDouble && !'$`"\\\n'.includes(n)) lit += c + n
      else if (n !== '\n') {
        flush()
        out.push({ text: n, split: false })
      }
      i += 2
    } else if (c === "'" && !inDouble) {
      const end = raw.indexOf("'", i + 1)
      flush()
      out.push({ text: raw.slice(i + 1, end), split: false })
      i = end + 1
    } else if (c === '"' && !inDouble) {
      const end = skipDouble(raw, i + 1)
      flush()
      const inner = yield* pieces(raw.slice(i + 1, end - 1), ctx, true)
      out.push({ text: '', split: false }, ...inner.map((p) => ({ ...p, split: false, glob: false })))
      i = end
    } else if (c === '`') {
      const end = skipBackquote(raw, i + 1)
      flush()
      out.push({ text: yield* ctx.substitute(raw.slice(i + 1, end - 1).replace(/\\([`$\\])/g, '$1')), split: !inDouble })
      i = end
    } else if (c === '$' && raw.startsWith('$((', i)) {
      const end = skipParens(raw, i + 3, 2)
      flush()
      const expr = yield* expandToString(raw.slice(i + 3, end - 2), ctx, true)
      try {
        out.push({ text: String(evalArith(expr, ctx)), split: !inDouble })
      } catch (e) {
        if (e instanceof ArithError) throw new ExpandError(`arithmetic syntax error`)
        throw e
      }
      i = end
    } else if (c === '$' && raw[i + 1] === '(') {
      const end = skipParens(raw, i + 2)
      flush()
      out.push({ text: yield* ctx.substitute(raw.slice(i + 2, end - 1)), split: !inDouble })
      i = end
    } else if (c === '$' && raw[i + 1] === '{') {
      const end = raw.indexOf('}', i)
      flush()
      const v = yield* param(raw.slice(i + 2, end), ctx)
      out.push(Array.isArray(v) ? { text: '', split: false, fields: v } : { text: v, split: !inDouble })
      i = end + 1
    } else if (c === '$' && /[A-Za-z_0-9?#$@*!-]/.test(raw[i + 1] ?? '')) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1))
      const name = m ? m[0] : raw[i + 1]!
      flush()
      const v = yield* param(name, ctx)
      out.push(Array.isArray(v) ? { text: '', split: false, fields: inDouble ? v : v.flatMap((x) => x.split(IFS).filter(Boolean)) } : { text: v, split: !inDouble })
      i += 1 + name.length
    } else {
      lit += c
      i++
    }
  }
  flush()
  return out
}

/** Expands to fields: what a command's argv gets from one word. */
export function* expandWord(raw: string, ctx: ExpandContext): Generator<Effect, string[], void> {
  let src = raw
  if (src === '~' || src.startsWith('~/')) src = (ctx.get('HOME') ?? '/root') + src.slice(1)
  const ps = yield* pieces(src, ctx, false)
  const fields: { text: string; glob: boolean }[] = []
  let cur: { text: string; glob: boolean } | undefined
  for (const p of ps) {
    if (p.fields) {
      p.fields.forEach((f, k) => {
        if (k > 0 && cur) {
          fields.push(cur)
          cur = undefined
        }
        cur = { text: (cur?.text ?? '') + f, glob: false }
      })
      continue
    }
    if (!p.split) {
      cur = { text: (cur?.text ?? '') + p.text, glob: (cur?.glob ?? false) || !!p.glob }
      continue
    }
    const parts = p.text.split(IFS)
    parts.forEach((part, k) => {
      if (k > 0) {
        if (cur) fields.push(cur)
        cur = undefined
      }
      if (part) cur = { text: (cur?.text ?? '') + part, glob: cur?.glob ?? false }
    })
  }
  if (cur) fields.push(cur)
  return fields.flatMap((f) => {
    if (!f.glob) return [f.text]
    const matches = ctx.glob(f.text)
    return matches.length ? matches : [f.text]
  })
}

/** Expands without splitting or globbing: assignments, redirection targets, here. */
export function* expandToString(raw: string, ctx: ExpandContext, inDouble = false): Generator<Effect, string, void> {
  const ps = yield* pieces(raw, ctx, inDouble)
  return ps.map((p) => (p.fields ? p.fields.join(' ') : p.text)).join('')
}
