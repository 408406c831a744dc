/**
 * Shell built-ins and the busybox applets around control flow: echo, printf, test, sleep,
 * exit, true/false, export/unset/cd/pwd, and `sh -c` itself.
 */

import { ExitSignal, ReturnSignal, type Builtin, type IO, type Run, type ShellApi } from '../types'
import { testExpression } from './test'

function unescape(s: string): { text: string; stop: boolean } {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c !== '\\' || i === s.length - 1) {
      out += c
      continue
    }
    const n = s[++i]!
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' }
    if (n === 'c') return { text: out, stop: true }
    if (n === '0') {
      const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0]
      out += String.fromCharCode(parseInt(m || '0', 8))
      i += m.length
    } else out += map[n] ?? `\\${n}`
  }
  return { text: out, stop: false }
}

const echo: Builtin = function (argv, io, sh) {
  const args = argv.slice(1)
  let newline = true
  // dash's echo always interprets backslashes; busybox ash's only with -e.
  let escapes = sh.host.flavour === 'dash'
  while (args.length && /^-[neE]+$/.test(args[0]!)) {
    const a = args.shift()!
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false
      else escapes = c === 'e'
    }
  }
  let text = args.join(' ')
  if (escapes) {
    const u = unescape(text)
    text = u.text
    if (u.stop) newline = false
  }
  io.out(newline ? `${text}\n` : text)
  return 0
}

function formatOne(spec: string, arg: string | undefined): string {
  const m = /^%([-+ 0#]*)(\d*)(?:\.(\d+))?([sdioxXcfeEgGbu])$/.exec(spec)
  if (!m) return spec
  const [, flags, width, prec, conv] = m
  let s: string
  const num = () => {
    const n = Number(arg ?? 0)
    return Number.isFinite(n) ? n : 0
  }
  switch (conv) {
    case 's':
      s = prec !== undefined ? (arg ?? '').slice(0, Number(prec)) : arg ?? ''
      break
    case 'b':
      s = unescape(arg ?? '').text
      break
    case 'c':
      s = (arg ?? '').slice(0, 1)
      break
    case 'd':
    case 'i':
    case 'u':
      s = String(Math.trunc(num()))
      if (flags!.includes('+') && !s.startsWith('-')) s = `+${s}`
      break
    case 'o':
      s = Math.trunc(num()).toString(8)
      break
    case 'x':
    case 'X':
      s = Math.trunc(num()).toString(16)
      if (conv === 'X') s = s.toUpperCase()
      break
    default:
      s = num().toFixed(prec !== undefined ? Number(prec) : 6)
  }
  const w = Number(width || 0)
  if (s.length < w) s = flags!.includes('-') ? s.padEnd(w) : flags!.includes('0') && conv !== 's' ? s.padStart(w, '0') : s.padStart(w)
  return s
}

const printf: Builtin = function (argv, io) {
  const fmt = argv[1]
  if (fmt === undefined) {
    io.err('printf: usage: printf format [arguments]\n')
    return 2
  }
  const args = argv.slice(2)
  const specRe = /^%[-+ 0#]*\d*(?:\.\d+)?[sdioxXcfeEgGbu]/
  let out = ''
  // The format is reused while arguments remain, as POSIX printf does.
  for (;;) {
    let used = 0
    let stop = false
    for (let i = 0; i < fmt.length && !stop; i++) {
      const c = fmt[i]!
      if (c === '%' && fmt[i + 1] === '%') {
        out += '%'
        i++
      } else if (c === '%' && specRe.test(fmt.slice(i))) {
        const spec = specRe.exec(fmt.slice(i))![0]
        out += formatOne(spec, args[used++])
        i += spec.length - 1
      } else if (c === '\\') {
        const u = unescape(fmt.slice(i, i + 2))
        out += u.text
        stop = u.stop
        i++
      } else out += c
    }
    args.splice(0, used)
    if (stop || used === 0 || !args.length) break
  }
  io.out(out)
  return 0
}

/** busybox sleep: seconds with an optional s/m/h/d suffix; several arguments add up. */
export function sleepMs(args: string[]): number | undefined {
  let total = 0
  for (const a of args) {
    if (a === 'inf' || a === 'infinity') return Infinity
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a)
    if (!m) return undefined
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]!]! * 1000
  }
  return total
}

const sleep: Builtin = function* (argv, io) {
  const ms = sleepMs(argv.slice(1))
  if (argv.length < 2 || ms === undefined) {
    io.err(argv.length < 2 ? 'sleep: missing operand\n' : `sleep: invalid number '${argv[1]}'\n`)
    return 1
  }
  if (ms > 0) yield { kind: 'sleep', ms }
  return 0
}

const exit: Builtin = function (argv, _io, sh) {
  const code = argv[1] === undefined ? Number(sh.get('?') ?? 0) : Number(argv[1])
  throw new ExitSignal(Number.isFinite(code) ? code & 255 : 2)
}

const cd: Builtin = function (argv, io, sh) {
  const target = sh.resolve(argv[1] ?? sh.get('HOME') ?? '/')
  if (!sh.host.fs.isDir(target)) {
    io.err(`${sh.name}: cd: can't cd to ${argv[1]}: No such file or directory\n`)
    return 2
  }
  sh.cwd = target
  sh.set('PWD', target)
  return 0
}

const exportCmd: Builtin = function (argv, io, sh) {
  for (const a of argv.slice(1)) {
    if (a === '-p') continue
    const eq = a.indexOf('=')
    const name = eq < 0 ? a : a.slice(0, eq)
    if (eq >= 0) sh.set(name, a.slice(eq + 1))
    sh.export(name)
  }
  if (argv.length === 1) for (const [k, v] of Object.entries(sh.environment())) io.out(`export ${k}='${v}'\n`)
  return 0
}

function* shCommand(argv: string[], io: IO, sh: ShellApi): Run {
  const i = argv.indexOf('-c')
  if (i < 0) return 0 // An interactive shell with no terminal reads an empty stdin and exits.
  const script = argv[i + 1]
  if (script === undefined) {
    io.err(`${argv[0]}: -c requires an argument\n`)
    return 2
  }
  return yield* sh.runChild(script, argv.slice(i + 2).length ? argv.slice(i + 2) : [argv[0]!], io)
}

const test: Builtin = function (argv, io, sh) {
  let args = argv.slice(1)
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      io.err('[: missing ]\n')
      return 2
    }
    args = args.slice(0, -1)
  }
  const fs = sh.host.fs
  return testExpression(args, io, (op, p) => {
    const path = sh.resolve(p)
    if (op === '-d') return fs.isDir(path)
    if (op === '-f') return fs.exists(path) && !fs.isDir(path)
    if (op === '-s') return fs.exists(path) && !fs.isDir(path) && fs.read(path).length > 0
    return fs.exists(path)
  })
}

const SIGNALS: Record<string, string> = { '0': 'EXIT', '1': 'HUP', '2': 'INT', '3': 'QUIT', '9': 'KILL', '15': 'TERM' }

/** trap ACTION SIGNAL...: the action runs when the signal arrives (between commands). */
const trap: Builtin = function (argv, io, sh) {
  if (argv.length === 1) {
    for (const [sig, action] of sh.traps) io.out(`trap -- '${action}' ${sig}\n`)
    return 0
  }
  const action = argv[1]!
  for (const raw of argv.slice(2)) {
    const sig = SIGNALS[raw] ?? raw.toUpperCase().replace(/^SIG/, '')
    if (action === '-') sh.traps.delete(sig)
    else sh.traps.set(sig, action)
  }
  return 0
}

/** read [-r] NAME...: one line of input split into the names, the last taking the rest. */
const read: Builtin = function (argv, io, sh) {
  const raw = argv.includes('-r')
  const names = argv.slice(1).filter((a) => !a.startsWith('-'))
  const r = io.reader
  if (!r || r.pos >= r.data.length) return 1
  const end = r.data.indexOf('\n', r.pos)
  let line = r.data.slice(r.pos, end < 0 ? r.data.length : end)
  r.pos = end < 0 ? r.data.length : end + 1
  if (!raw) line = line.replace(/\\(.)/g, '$1')
  const vars = names.length ? names : ['REPLY']
  const fields = line.trim().split(/[ \t]+/)
  vars.forEach((n, k) => sh.set(n, k === vars.length - 1 ? fields.slice(k).join(' ') : fields[k] ?? ''))
  return end < 0 ? 1 : 0
}

/** wait: until the background jobs end; a trapped signal ends it early with 128+15. */
const wait: Builtin = function* (_argv, _io, sh) {
  yield { kind: 'wait' }
  return sh.pendingSignal ? 143 : 0
}

/** exec CMD: the command replaces the shell, so the script ends with its status. */
const execCmd: Builtin = function* (argv, io, sh) {
  if (argv.length < 2) return 0
  throw new ExitSignal(yield* sh.runCommand(argv.slice(1), io))
}

const returnCmd: Builtin = function (argv, _io, sh) {
  throw new ReturnSignal(argv[1] === undefined ? Number(sh.get('?') ?? 0) : Number(argv[1]) & 255)
}

export const CORE_BUILTINS: Record<string, Builtin> = {
  trap,
  return: returnCmd,
  local: function (argv, _io, sh) {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=')
      if (eq >= 0) sh.set(a.slice(0, eq), a.slice(eq + 1))
    }
    return 0
  },
  exec: execCmd,
  wait,
  read,
  echo,
  printf,
  sleep,
  exit,
  cd,
  export: exportCmd,
  test,
  '[': test,
  true: function () {
    return 0
  },
  false: function () {
    return 1
  },
  ':': function () {
    return 0
  },
  pwd: function (_a, io, sh) {
    io.out(`${sh.cwd}\n`)
    return 0
  },
  unset: function (argv, _io, sh) {
    for (const n of argv.slice(1)) if (!n.startsWith('-')) sh.unset(n)
    return 0
  },
  set: function () {
    return 0
  },
  sh: shCommand,
  ash: shCommand,
  bash: shCommand,
  dash: shCommand,
}
