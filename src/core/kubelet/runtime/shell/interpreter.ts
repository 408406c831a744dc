/**
 * The shell that runs container commands and `kubectl exec`: walks the parsed script as a
 * generator, so it can stop at `sleep` or `tail -f` and resume from a clock timer. Error texts
 * follow busybox ash (`sh: foo: not found`) or dash (`sh: 1: foo: not found`) by image.
 */

import { normalizePath } from '../fs/filesystem'
import { BUILTINS } from './commands'
import { expandToString, expandWord, ExpandError, type ExpandContext } from './expand'
import { globPaths } from './commands/util'
import { ShellSyntaxError } from './lexer'
import { parseScript, type Node, type Redir } from './parser'
import { applyRedirections } from './redirections'
import { ExitSignal, ReturnSignal, type Effect, type IO, type Run, type ShellApi, type ShellHost } from './types'

/** Recursion a script may use before the shell refuses (the engine's stack is finite). */
const MAX_FUNCTION_DEPTH = 100

/** A case pattern (`*.log`, `a|b` arms are separate) as a whole-word regex. */
function patternRegex(p: string): RegExp {
  return new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's')
}

// eslint-disable-next-line require-yield -- a run that ends at once
function* ok(): Run {
  return 0
}

export class Shell implements ShellApi {
  private vars = new Map<string, string>()
  private exported = new Set<string>()
  private status = 0
  cwd = '/'
  name = 'sh'
  args: string[] = []
  readonly traps = new Map<string, string>()
  private functions = new Map<string, Node>()
  private depth = 0
  /** A trapped signal that arrived while a command ran: its action runs once that command ends. */
  pendingSignal?: string

  constructor(
    readonly host: ShellHost,
    env: Record<string, string>,
  ) {
    for (const [k, v] of Object.entries(env)) {
      this.vars.set(k, v)
      this.exported.add(k)
    }
    if (!this.vars.has('PWD')) this.vars.set('PWD', '/')
  }

  get(name: string): string | undefined {
    return this.vars.get(name)
  }

  set(name: string, value: string): void {
    this.vars.set(name, value)
  }

  unset(name: string): void {
    this.vars.delete(name)
    this.exported.delete(name)
  }

  export(name: string): void {
    this.exported.add(name)
  }

  environment(): Record<string, string> {
    const env: Record<string, string> = {}
    for (const k of this.exported) if (this.vars.has(k)) env[k] = this.vars.get(k)!
    return env
  }

  resolve(path: string): string {
    return normalizePath(path, this.cwd)
  }

  /** A child shell: same variables (a copy), same files and clock. */
  fork(): Shell {
    const child = new Shell(this.host, {})
    child.vars = new Map(this.vars)
    child.functions = new Map(this.functions)
    child.exported = new Set(this.exported)
    child.cwd = this.cwd
    child.name = this.name
    child.args = [...this.args]
    child.status = this.status
    return child
  }

  *runChild(script: string, args: string[], io: IO): Run {
    const child = this.fork()
    if (args.length) child.name = args[0]!
    child.args = args.slice(1)
    return yield* child.runScript(script, io)
  }

  *runJob(node: Node, io: IO): Run {
    try {
      return yield* this.exec(node, io)
    } catch (e) {
      if (e instanceof ExitSignal) return e.status
      throw e
    }
  }

  /** Runs a whole script; `exit` and syntax errors end it with their status. */
  *runScript(src: string, io: IO): Run {
    let node: Node
    try {
      node = parseScript(src)
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e
      io.err(`${this.prefix()}${e.message}\n`)
      return 2
    }
    try {
      return yield* this.exec(node, io)
    } catch (e) {
      if (e instanceof ExitSignal) return e.status
      throw e
    }
  }

  /** A container's argv as PID 1: `sh -c SCRIPT` is this shell itself, anything else one command. */
  *runMain(argv: string[], io: IO): Run {
    const base = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1)
    if (['sh', 'ash', 'dash', 'bash'].includes(base) && argv[1] === '-c' && argv[2] !== undefined && !(base === 'bash' && this.host.flavour === 'busybox')) {
      this.name = argv[3] ?? argv[0]!
      this.args = argv.slice(4)
      return yield* this.runScript(argv[2], io)
    }
    return yield* this.runArgv(argv, io)
  }

  /** Runs argv as a single command (a container's command without a shell). */
  *runArgv(argv: string[], io: IO): Run {
    try {
      return yield* this.command(argv, io)
    } catch (e) {
      if (e instanceof ExitSignal) return e.status
      throw e
    }
  }

  /** bash (bash images, or `bash -c` on Debian) words errors its own way. */
  bashLike(): boolean {
    return this.host.flavour === 'bash' || this.name === 'bash'
  }

  prefix(): string {
    if (this.bashLike()) return `${this.name}: line 1: `
    return this.host.flavour === 'dash' ? `${this.name}: 1: ` : `${this.name}: `
  }

  /** Where command substitutions inside the expansion under way send their errors. */
  private expandErr: IO['err'] = () => {}
  private expandCtx?: ExpandContext

  /** One expansion context per shell (expansion is hot in loops); io only routes errors. */
  ctx(io: IO): ExpandContext {
    this.expandErr = io.err
    this.expandCtx ??= {
      get: (n) => this.vars.get(n),
      set: (n, v) => this.vars.set(n, v),
      special: (n) => {
        if (n === '?') return String(this.status)
        if (n === '$') return '1'
        if (n === '#') return String(this.args.length)
        if (n === '@' || n === '*') return this.args
        if (n === '0') return this.name
        if (/^\d+$/.test(n)) return this.args[Number(n) - 1] ?? ''
        if (n === '!' || n === '-') return ''
        return undefined
      },
      substitute: (src) => this.substitute(src, this.expandErr),
      glob: (p) => globPaths(this.host.fs, this.resolve(p), p.startsWith('/') ? undefined : this.cwd),
    }
    return this.expandCtx
  }

  private *substitute(src: string, err: IO['err']): Generator<Effect, string, void> {
    let text = ''
    const child = this.fork()
    const status = yield* child.runScript(src, { stdin: undefined, out: (t) => (text += t), err })
    this.status = status
    return text.replace(/\n+$/, '')
  }

  *exec(node: Node, io: IO): Run {
    try {
      this.status = yield* this.node(node, io)
    } catch (e) {
      if (!(e instanceof ExpandError)) throw e
      io.err(`${this.prefix()}${e.message}\n`)
      this.status = e.message.includes('syntax') ? 2 : 1
    }
    const sig = this.pendingSignal
    const action = sig ? this.traps.get(sig) : undefined
    if (sig && action) {
      this.pendingSignal = undefined
      const saved = this.status
      yield* this.exec(parseScript(action), io)
      this.status = saved
    }
    return this.status
  }

  private *node(node: Node, io: IO): Run {
    switch (node.type) {
      case 'list': {
        let s = 0
        for (let k = 0; k < node.items.length; k++) {
          if (node.background?.[k]) {
            // `cmd &` runs in a subshell beside this one; `$?` is 0 at once.
            yield { kind: 'spawn', run: this.fork().runJob(node.items[k]!, io) }
            s = 0
          } else s = yield* this.exec(node.items[k]!, io)
        }
        return s
      }
      case 'andor': {
        let s = yield* this.exec(node.first, io)
        for (const r of node.rest) if ((r.op === '&&') === (s === 0)) s = yield* this.exec(r.node, io)
        return s
      }
      case 'pipeline': {
        // Each stage runs to its end before the next reads its output (no streaming pipes).
        let input = io.stdin
        let s = 0
        for (let k = 0; k < node.cmds.length; k++) {
          const last = k === node.cmds.length - 1
          let buf = ''
          const reader = k === 0 ? io.reader : { data: input ?? '', pos: 0 }
          s = yield* this.exec(node.cmds[k]!, { stdin: input, reader, out: last ? io.out : (t) => (buf += t), err: io.err })
          input = buf
        }
        return node.negate ? +(s === 0) : s
      }
      case 'if':
        return yield* this.withRedirs(node.redirs, io, function* (this: Shell, io2: IO): Run {
          for (const c of node.clauses) if ((yield* this.exec(c.cond, io2)) === 0) return yield* this.exec(c.body, io2)
          return node.otherwise ? yield* this.exec(node.otherwise, io2) : 0
        })
      case 'loop':
        return yield* this.withRedirs(node.redirs, io, function* (this: Shell, io2: IO): Run {
          let s = 0
          for (let pass = 1; ; pass++) {
            // A loop that never sleeps must not stall the simulation: it gets 100 passes a tick.
            if (pass % 100 === 0) yield { kind: 'sleep', ms: 100 }
            const c = yield* this.exec(node.cond, io2)
            if ((c === 0) === node.until) return s
            s = yield* this.exec(node.body, io2)
          }
        })
      case 'for':
        return yield* this.withRedirs(node.redirs, io, function* (this: Shell, io2: IO): Run {
          const words: string[] = []
          if (node.words) for (const w of node.words) words.push(...(yield* expandWord(w, this.ctx(io2))))
          else words.push(...this.args)
          let s = 0
          for (const w of words) {
            this.vars.set(node.name, w)
            s = yield* this.exec(node.body, io2)
          }
          return s
        })
      case 'group':
        return yield* this.withRedirs(node.redirs, io, function* (this: Shell, io2: IO): Run {
          if (!node.subshell) return yield* this.exec(node.body, io2)
          const child = this.fork()
          try {
            return yield* child.exec(node.body, io2)
          } catch (e) {
            if (e instanceof ExitSignal) return e.status
            throw e
          }
        })
      case 'func':
        this.functions.set(node.name, node.body)
        return 0
      case 'case':
        return yield* this.withRedirs(node.redirs, io, function* (this: Shell, io2: IO): Run {
          const ctx = this.ctx(io2)
          const word = yield* expandToString(node.word, ctx)
          for (const arm of node.arms) {
            for (const p of arm.patterns) {
              if (patternRegex(yield* expandToString(p, ctx)).test(word)) return yield* this.exec(arm.body, io2)
            }
          }
          return 0
        })
      case 'simple': {
        const ctx = this.ctx(io)
        const argv: string[] = []
        for (const w of node.words) argv.push(...(yield* expandWord(w, ctx)))
        const assigned: [string, string][] = []
        for (const a of node.assigns) assigned.push([a.name, yield* expandToString(a.raw, ctx)])
        if (!argv.length) {
          for (const [k, v] of assigned) this.vars.set(k, v)
          return yield* this.withRedirs(node.redirs, io, () => ok())
        }
        // Assignments before a command hold only for that command.
        const saved = assigned.map(([k]) => [k, this.vars.get(k), this.exported.has(k)] as const)
        for (const [k, v] of assigned) {
          this.vars.set(k, v)
          this.exported.add(k)
        }
        try {
          return yield* this.withRedirs(node.redirs, io, (io2) => this.command(argv, io2))
        } finally {
          for (const [k, v, ex] of saved) {
            if (v === undefined) this.vars.delete(k)
            else this.vars.set(k, v)
            if (!ex) this.exported.delete(k)
          }
        }
      }
    }
  }

  private *withRedirs(redirs: Redir[], io: IO, body: (this: Shell, io: IO) => Run): Run {
    const cur = yield* applyRedirections(this, redirs, io)
    return typeof cur === 'number' ? cur : yield* body.call(this, cur)
  }

  runCommand(argv: string[], io: IO): Run {
    return this.command(argv, io)
  }

  private *command(argv: string[], io: IO): Run {
    const name = argv[0]!
    const fn = this.functions.get(name)
    if (fn && this.depth >= MAX_FUNCTION_DEPTH) {
      io.err(`${this.prefix()}${name}: function nesting too deep\n`)
      return 2
    }
    if (fn) {
      this.depth++
      // A function runs in this shell with its own positional parameters; `return` ends it.
      const saved = this.args
      this.args = argv.slice(1)
      try {
        return yield* this.exec(fn, io)
      } catch (e) {
        if (e instanceof ReturnSignal) return e.status
        throw e
      } finally {
        this.args = saved
        this.depth--
      }
    }
    const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name
    // Debian-based images have bash beside dash; busybox-based ones do not.
    const builtin = base === 'bash' && this.host.flavour === 'busybox' ? undefined : BUILTINS[base]
    if (builtin) {
      const r = builtin(argv, io, this)
      return typeof r === 'number' ? r : yield* r
    }
    const external = this.host.external(argv, io, this.environment())
    if (external) return yield* external
    io.err(this.bashLike() ? `${this.name}: line 1: ${name}: command not found\n` : `${this.prefix()}${name}: not found\n`)
    return 127
  }
}
