/**
 * Parser of kubectl's JSONPath templates, following client-go util/jsonpath's grammar and
 * error texts (they reach the learner as `error parsing jsonpath <template>, <reason>`).
 * It scans a rune at a time: text outside braces becomes text nodes, each `{...}` a list.
 */

import { newList, type JPList, type JPNode, type SliceParam } from './nodes'
import { unquoteExtend } from './unquote'

export class JSONPathParseError extends Error {}

const EOF = ''
const DICT_KEY = /^'([^']*)'$/
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/
const COMPARISON = /^([^!<>=]+)([!<>=]+)(.+?)$/s

const isSpace = (r: string) => r === ' ' || r === '\t'
const isEndOfLine = (r: string) => r === '\r' || r === '\n'
const isDigit = (r: string) => /^\p{Nd}$/u.test(r)
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r)
const isTerminator = (r: string) => r === EOF || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(r)

/** Go's %#U: `U+0021 '!'`, without the quoted rune when it is not printable. */
function goRuneU(r: string): string {
  const code = r.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `U+${code} '${r}'` : `U+${code}`
}

class Parser {
  root: JPList = newList()
  private pos = 0
  private start = 0
  private width = 0

  constructor(private readonly input: string) {}

  parse(): JPList {
    this.parseText(this.root)
    return this.root
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return v
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!)
    this.width = r.length
    this.pos += r.length
    return r
  }

  private backup(): void {
    this.pos -= this.width
  }

  private peek(): string {
    const r = this.next()
    this.backup()
    return r
  }

  private rest(): string {
    return this.input.slice(this.pos)
  }

  private parseText(cur: JPList): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() })
        this.pos += 1
        this.consume()
        const action = newList()
        cur.nodes.push(action)
        return this.parseInsideAction(action)
      }
      if (this.next() === EOF) break
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() })
  }

  private parseInsideAction(cur: JPList): void {
    for (;;) {
      const rest = this.rest()
      if (rest.startsWith('}')) {
        this.pos += 1
        this.consume()
        return this.parseText(this.root)
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur)
        continue
      }
      const r = this.next()
      if (r === EOF || isEndOfLine(r)) throw new JSONPathParseError('unclosed action')
      if (r === ' ' || r === '@' || r === '$') this.consume()
      else if (r === '[') this.parseArray(cur)
      else if (r === '"' || r === "'") this.parseQuote(cur, r)
      else if (r === '.') this.parseField(cur)
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup()
        this.parseNumber(cur)
      } else if (isAlphaNumeric(r)) {
        this.backup()
        this.parseIdentifier(cur)
      } else throw new JSONPathParseError(`unrecognized character in action: ${goRuneU(r)}`)
    }
  }

  /** Keywords (`range`, `end`) and the booleans `true` / `false`. */
  private parseIdentifier(cur: JPList): void {
    while (!isTerminator(this.next()));
    this.backup()
    const value = this.consume()
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' })
    else cur.nodes.push({ type: 'identifier', name: value })
  }

  private parseRecursive(cur: JPList): void {
    if (cur.nodes.at(-1)?.type === 'recursive') throw new JSONPathParseError('invalid multiple recursive descent')
    this.pos += 2
    this.consume()
    cur.nodes.push({ type: 'recursive' })
    if (isAlphaNumeric(this.peek())) this.parseField(cur)
  }

  private parseNumber(cur: JPList): void {
    const r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      const c = this.next()
      if (c !== '.' && !isDigit(c)) break
    }
    this.backup()
    const value = this.consume()
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: parseInt(value, 10) })
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: parseFloat(value) })
    else throw new JSONPathParseError(`cannot parse number ${value}`)
  }

  private parseArray(cur: JPList): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JSONPathParseError('unterminated array')
      if (r === ']') break
    }
    let text = this.consume().slice(1, -1)
    if (text === '*') text = ':'
    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', lists: parts.map((s) => parseAction(`[${s.trim()}]`)) })
      return
    }
    const key = DICT_KEY.exec(text)
    if (key) {
      cur.nodes.push(...parseAction(`.${key[1]}`).nodes)
      return
    }
    const m = SLICE.exec(text)
    if (!m) throw new JSONPathParseError(`invalid array index ${text}`)
    const params: SliceParam[] = []
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? ''
      if (v !== '') {
        if (i > 0) v = v.slice(1)
        if (i > 0 && v === '') params.push({ known: false, value: 0, derived: false })
        else {
          if (!/^-?\d+$/.test(v)) throw new JSONPathParseError(`array index ${v} is not a number`)
          params.push({ known: true, value: parseInt(v, 10), derived: false })
        }
      } else if (i === 1) params.push({ known: true, value: params[0]!.value + 1, derived: true })
      else params.push({ known: false, value: 0, derived: false })
    }
    cur.nodes.push({ type: 'array', params: params as [SliceParam, SliceParam, SliceParam] })
  }

  /** `[?(@.a=="x")]`, `[?(@.a)]`: the text up to the `)` outside quotes, then `]`. */
  private parseFilter(cur: JPList): void {
    this.pos += 3
    this.consume()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JSONPathParseError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')' && begin === end) break
    }
    if (this.next() !== ']') throw new JSONPathParseError('unclosed array expect ]')
    const text = this.consume().slice(0, -2)
    const m = COMPARISON.exec(text)
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' })
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), operator: m[2]! })
  }

  private parseQuote(cur: JPList, quote: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JSONPathParseError('unterminated quoted string')
      if (r === quote && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consume()
    const s = unquoteExtend(value)
    if (s === undefined) throw new JSONPathParseError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({ type: 'text', text: s })
  }

  /** A field name runs to the next terminator that is not escaped (`.metadata.labels.app\.kubernetes\.io/name`). */
  private parseField(cur: JPList): void {
    this.consume()
    for (;;) {
      const r = this.next()
      if (r === '\\') this.next()
      else if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consume()
    cur.nodes.push(value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replaceAll('\\', '') })
  }
}

/** The steps of one action, as the union, dict-key and filter parts are parsed. */
function parseAction(text: string): JPList {
  const p = new Parser(`{${text}}`)
  return p.parse().nodes[0] as JPList
}

export function parseJSONPath(template: string): JPNode[] {
  return new Parser(template).parse().nodes
}
