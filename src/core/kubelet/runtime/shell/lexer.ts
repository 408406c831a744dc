/**
 * Tokens of the POSIX shell language (XCU 2.3 "Token Recognition"): words are kept raw, with
 * their quotes and `$(...)` intact, because expansion happens later, at run time, once per
 * execution (a loop body re-expands `$i` on every pass).
 */

/** A here-document's text, read from the lines after the operator's line. */
export interface HereDoc {
  body: string
  /** An unquoted delimiter: `$`, backquotes and backslashes are expanded in the body. */
  expand: boolean
}

export type Token =
  | { kind: 'word'; raw: string; heredoc?: HereDoc }
  | { kind: 'op'; op: string }
  | { kind: 'io'; fd: number }
  | { kind: 'newline' }
  | { kind: 'eof' }

export class ShellSyntaxError extends Error {}

const OPERATORS = ['&&', '||', ';;', '>>', '>&', '<&', '<<-', '<<', '>|', ';', '&', '|', '(', ')', '<', '>']
const BREAK = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])

/** Index just past the `)` closing a `$(` or `$((` opened before `i`, honouring quotes. */
export function skipParens(src: string, i: number, depth = 1): number {
  while (i < src.length) {
    const c = src[i]!
    if (c === '\\') i += 2
    else if (c === "'") i = skipSingle(src, i + 1)
    else if (c === '"') i = skipDouble(src, i + 1)
    else if (c === '(') {
      depth++
      i++
    } else if (c === ')') {
      depth--
      i++
      if (depth === 0) return i
    } else i++
  }
  throw new ShellSyntaxError("unterminated '$('")
}

function skipSingle(src: string, i: number): number {
  const end = src.indexOf("'", i)
  if (end < 0) throw new ShellSyntaxError('unterminated quoted string')
  return end + 1
}

/** Index just past the closing `"`; `$(` and backquotes inside are skipped as units. */
export function skipDouble(src: string, i: number): number {
  while (i < src.length) {
    const c = src[i]!
    if (c === '\\') i += 2
    else if (c === '"') return i + 1
    else if (c === '$' && src[i + 1] === '(') i = skipParens(src, i + 2)
    else if (c === '`') i = skipBackquote(src, i + 1)
    else i++
  }
  throw new ShellSyntaxError('unterminated quoted string')
}

export function skipBackquote(src: string, i: number): number {
  while (i < src.length) {
    if (src[i] === '\\') i += 2
    else if (src[i] === '`') return i + 1
    else i++
  }
  throw new ShellSyntaxError('unterminated quoted string')
}

function skipBrace(src: string, i: number): number {
  const end = src.indexOf('}', i)
  if (end < 0) throw new ShellSyntaxError('missing }')
  return end + 1
}

/** Reads the bodies of pending here-documents from the line after index `i` (a newline). */
function readHereDocs(src: string, i: number, pending: { tok: { heredoc?: HereDoc }; delim: string; strip: boolean; expand: boolean }[]): number {
  let pos = i + 1
  for (const h of pending) {
    const lines: string[] = []
    for (;;) {
      if (pos >= src.length) break
      const end = src.indexOf('\n', pos)
      let line = src.slice(pos, end < 0 ? src.length : end)
      pos = end < 0 ? src.length : end + 1
      if (h.strip) line = line.replace(/^\t+/, '')
      if (line === h.delim) break
      lines.push(line)
    }
    h.tok.heredoc = { body: lines.length ? `${lines.join('\n')}\n` : '', expand: h.expand }
  }
  pending.length = 0
  return pos
}

export function tokenize(src: string): Token[] {
  const out: Token[] = []
  const pending: { tok: { heredoc?: HereDoc }; delim: string; strip: boolean; expand: boolean }[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]!
    if (c === ' ' || c === '\t' || (c === '\\' && src[i + 1] === '\n')) {
      i += c === '\\' ? 2 : 1
      continue
    }
    if (c === '\n') {
      out.push({ kind: 'newline' })
      i = pending.length ? readHereDocs(src, i, pending) : i + 1
      continue
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i))
    if (op) {
      out.push({ kind: 'op', op })
      i += op.length
      continue
    }
    const start = i
    while (i < src.length && !BREAK.has(src[i]!)) {
      const ch = src[i]!
      if (ch === '\\') i += 2
      else if (ch === "'") i = skipSingle(src, i + 1)
      else if (ch === '"') i = skipDouble(src, i + 1)
      else if (ch === '`') i = skipBackquote(src, i + 1)
      else if (ch === '$' && src[i + 1] === '(') i = skipParens(src, i + 2)
      else if (ch === '$' && src[i + 1] === '{') i = skipBrace(src, i + 2)
      else i++
    }
    const raw = src.slice(start, Math.min(i, src.length))
    const prev = out[out.length - 1]
    if (prev?.kind === 'op' && (prev.op === '<<' || prev.op === '<<-')) {
      const tok: Token = { kind: 'word', raw }
      pending.push({ tok, delim: raw.replace(/['"\\]/g, ''), strip: prev.op === '<<-', expand: !/['"\\]/.test(raw) })
      out.push(tok)
      continue
    }
    // `2>file`: a number directly before a redirection operator names the descriptor.
    if (/^\d$/.test(raw) && (src[i] === '>' || src[i] === '<')) out.push({ kind: 'io', fd: Number(raw) })
    else out.push({ kind: 'word', raw })
  }
  if (pending.length) readHereDocs(src, src.length, pending)
  out.push({ kind: 'eof' })
  return out
}
