/**
 * The shell grammar (XCU 2.10) for what container commands use: lists with `;` `&` `&&` `||`,
 * pipelines, `if`/`while`/`until`/`for`, `{ }` and `( )` groups, assignments and redirections.
 * `case` and functions are left out: the course's container scripts never use them.
 */

import { ShellSyntaxError, tokenize, type HereDoc, type Token } from './lexer'

export interface Redir {
  fd: number
  op: '>' | '>>' | '<' | '>&' | '<&' | '>|' | '<<'
  target: string
  heredoc?: HereDoc
}

export type Node =
  | { type: 'simple'; assigns: { name: string; raw: string }[]; words: string[]; redirs: Redir[] }
  | { type: 'pipeline'; cmds: Node[]; negate: boolean }
  | { type: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { type: 'list'; items: Node[]; background?: boolean[] }
  | { type: 'if'; clauses: { cond: Node; body: Node }[]; otherwise?: Node; redirs: Redir[] }
  | { type: 'loop'; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { type: 'for'; name: string; words?: string[]; body: Node; redirs: Redir[] }
  | { type: 'group'; body: Node; subshell: boolean; redirs: Redir[] }
  | { type: 'case'; word: string; arms: { patterns: string[]; body: Node }[]; redirs: Redir[] }
  | { type: 'func'; name: string; body: Node }

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', '{', '}', '!', 'case', 'esac'])
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/

class Parser {
  private pos = 0
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[this.pos]!
  }

  private isWord(w: string): boolean {
    const t = this.peek()
    return t.kind === 'word' && t.raw === w
  }

  private isOp(op: string): boolean {
    const t = this.peek()
    return t.kind === 'op' && t.op === op
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.pos++
  }

  private expectWord(w: string): void {
    this.skipNewlines()
    if (!this.isWord(w)) throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()} (expecting "${w}")`)
    this.pos++
  }

  private describe(): string {
    const t = this.peek()
    if (t.kind === 'eof') return 'end of file'
    if (t.kind === 'newline') return 'newline'
    if (t.kind === 'op') return `"${t.op}"`
    if (t.kind === 'io') return `"${t.fd}"`
    return `"${t.raw}"`
  }

  /** A list up to one of the `stop` reserved words (or `)` / end of input). */
  list(stop: string[]): Node {
    const items: Node[] = []
    const background: boolean[] = []
    for (;;) {
      this.skipNewlines()
      const t = this.peek()
      if (t.kind === 'eof' || this.isOp(')') || this.isOp(';;') || (t.kind === 'word' && stop.includes(t.raw))) break
      items.push(this.andOr())
      background.push(this.isOp('&'))
      if (this.isOp(';') || this.isOp('&')) this.pos++
      else if (this.peek().kind === 'newline') this.pos++
      else if (!(this.peek().kind === 'eof' || this.isOp(')') || this.isOp(';;') || (this.peek().kind === 'word' && stop.includes((this.peek() as { raw: string }).raw))))
        throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`)
    }
    return background.some(Boolean) ? { type: 'list', items, background } : { type: 'list', items }
  }

  private andOr(): Node {
    const first = this.pipeline()
    const rest: { op: '&&' | '||'; node: Node }[] = []
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.peek() as { op: '&&' | '||' }).op
      this.pos++
      this.skipNewlines()
      rest.push({ op, node: this.pipeline() })
    }
    return rest.length ? { type: 'andor', first, rest } : first
  }

  private pipeline(): Node {
    let negate = false
    if (this.isWord('!')) {
      negate = true
      this.pos++
    }
    const cmds = [this.command()]
    while (this.isOp('|')) {
      this.pos++
      this.skipNewlines()
      cmds.push(this.command())
    }
    return cmds.length === 1 && !negate ? cmds[0]! : { type: 'pipeline', cmds, negate }
  }

  private command(): Node {
    const t = this.peek()
    if (t.kind === 'op' && t.op === '(') {
      this.pos++
      const body = this.list([])
      if (!this.isOp(')')) throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()} (expecting ")")`)
      this.pos++
      return { type: 'group', body, subshell: true, redirs: this.redirs() }
    }
    if (t.kind === 'word') {
      switch (t.raw) {
        case 'if':
          return this.ifClause()
        case 'while':
        case 'until': {
          this.pos++
          const cond = this.list(['do'])
          this.expectWord('do')
          const body = this.list(['done'])
          this.expectWord('done')
          return { type: 'loop', until: t.raw === 'until', cond, body, redirs: this.redirs() }
        }
        case 'for':
          return this.forClause()
        case 'case':
          return this.caseClause()
        case '{': {
          this.pos++
          const body = this.list(['}'])
          this.expectWord('}')
          return { type: 'group', body, subshell: false, redirs: this.redirs() }
        }
      }
      if (RESERVED.has(t.raw) && t.raw !== '!') throw new ShellSyntaxError(`syntax error: unexpected "${t.raw}"`)
      // name() compound-command: a function definition.
      const n1 = this.toks[this.pos + 1]
      const n2 = this.toks[this.pos + 2]
      if (n1?.kind === 'op' && n1.op === '(' && n2?.kind === 'op' && n2.op === ')' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.raw)) {
        this.pos += 3
        this.skipNewlines()
        return { type: 'func', name: t.raw, body: this.command() }
      }
    }
    return this.simple()
  }

  private ifClause(): Node {
    this.pos++
    const clauses: { cond: Node; body: Node }[] = []
    let otherwise: Node | undefined
    for (;;) {
      const cond = this.list(['then'])
      this.expectWord('then')
      const body = this.list(['elif', 'else', 'fi'])
      clauses.push({ cond, body })
      this.skipNewlines()
      if (this.isWord('elif')) {
        this.pos++
        continue
      }
      if (this.isWord('else')) {
        this.pos++
        otherwise = this.list(['fi'])
      }
      this.expectWord('fi')
      return { type: 'if', clauses, otherwise, redirs: this.redirs() }
    }
  }

  private caseClause(): Node {
    this.pos++
    const w = this.peek()
    if (w.kind !== 'word') throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`)
    this.pos++
    this.expectWord('in')
    const arms: { patterns: string[]; body: Node }[] = []
    for (;;) {
      this.skipNewlines()
      if (this.isWord('esac')) break
      if (this.isOp('(')) this.pos++
      const patterns: string[] = []
      for (;;) {
        const p = this.peek()
        if (p.kind !== 'word') throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()} (expecting ")")`)
        patterns.push(p.raw)
        this.pos++
        if (this.isOp('|')) this.pos++
        else break
      }
      if (!this.isOp(')')) throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()} (expecting ")")`)
      this.pos++
      arms.push({ patterns, body: this.list(['esac']) })
      if (this.isOp(';;')) this.pos++
    }
    this.expectWord('esac')
    return { type: 'case', word: w.raw, arms, redirs: this.redirs() }
  }

  private forClause(): Node {
    this.pos++
    const nameTok = this.peek()
    if (nameTok.kind !== 'word') throw new ShellSyntaxError(`syntax error: bad for loop variable`)
    this.pos++
    let words: string[] | undefined
    this.skipNewlines()
    if (this.isWord('in')) {
      this.pos++
      words = []
      while (this.peek().kind === 'word') {
        words.push((this.peek() as { raw: string }).raw)
        this.pos++
      }
      if (this.isOp(';')) this.pos++
    } else if (this.isOp(';')) this.pos++
    this.expectWord('do')
    const body = this.list(['done'])
    this.expectWord('done')
    return { type: 'for', name: nameTok.raw, words, body, redirs: this.redirs() }
  }

  private redirs(): Redir[] {
    const out: Redir[] = []
    for (;;) {
      const r = this.redir()
      if (!r) return out
      out.push(r)
    }
  }

  private redir(): Redir | undefined {
    let fd: number | undefined
    const t = this.peek()
    if (t.kind === 'io') {
      fd = t.fd
      this.pos++
    }
    const o = this.peek()
    if (o.kind !== 'op' || !['>', '>>', '<', '>&', '<&', '>|', '<<', '<<-'].includes(o.op)) {
      if (fd !== undefined) this.pos--
      return undefined
    }
    this.pos++
    const target = this.peek()
    if (target.kind !== 'word') throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`)
    this.pos++
    if (o.op === '<<' || o.op === '<<-') return { fd: fd ?? 0, op: '<<', target: target.raw, heredoc: target.heredoc ?? { body: '', expand: false } }
    const op = o.op as Redir['op']
    return { fd: fd ?? (op === '<' || op === '<&' ? 0 : 1), op, target: target.raw }
  }

  private simple(): Node {
    const assigns: { name: string; raw: string }[] = []
    const words: string[] = []
    const redirs: Redir[] = []
    for (;;) {
      const r = this.redir()
      if (r) {
        redirs.push(r)
        continue
      }
      const t = this.peek()
      if (t.kind !== 'word') break
      if (!words.length && ASSIGNMENT.test(t.raw)) {
        const eq = t.raw.indexOf('=')
        assigns.push({ name: t.raw.slice(0, eq), raw: t.raw.slice(eq + 1) })
      } else words.push(t.raw)
      this.pos++
    }
    if (!words.length && !assigns.length && !redirs.length) throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`)
    return { type: 'simple', assigns, words, redirs }
  }

  done(): void {
    this.skipNewlines()
    if (this.peek().kind !== 'eof') throw new ShellSyntaxError(`syntax error: unexpected ${this.describe()}`)
  }
}

/** Parsed scripts by source: a loop's `$(date)` is parsed once, not on every pass. */
const cache = new Map<string, Node>()
const CACHE_MAX = 500

export function parseScript(src: string): Node {
  const hit = cache.get(src)
  if (hit) return hit
  const p = new Parser(tokenize(src))
  const node = p.list([])
  p.done()
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!)
  cache.set(src, node)
  return node
}
