/** Text and file utilities scripts lean on: seq, expr, basename, dirname, tee, cp, mv, sort, uniq, cut, tr, chmod. */

import { FsError } from '../../fs/filesystem'
import type { Builtin } from '../types'
import { fsErrorText, shortOptions } from './util'

function lines(text: string): string[] {
  const l = text.split('\n')
  if (l[l.length - 1] === '') l.pop()
  return l
}

const seq: Builtin = function (argv, io) {
  const n = argv.slice(1).map(Number)
  if (!n.length || n.some((x) => !Number.isFinite(x))) {
    io.err(`seq: invalid number '${argv.slice(1).find((a) => !Number.isFinite(Number(a))) ?? ''}'\n`)
    return 1
  }
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]!] : n.length === 2 ? [n[0]!, 1, n[1]!] : [n[0]!, n[1]!, n[2]!]
  let out = ''
  for (let x = first; step > 0 ? x <= last : x >= last; x += step) out += `${x}\n`
  io.out(out)
  return 0
}

/** expr A OP B for the integer and comparison operators scripts use. */
const expr: Builtin = function (argv, io) {
  const [a, op, b] = argv.slice(1)
  const x = Number(a)
  const y = Number(b)
  const ops: Record<string, () => number> = {
    '+': () => x + y, '-': () => x - y, '*': () => x * y, '/': () => Math.trunc(x / y), '%': () => x % y,
    '<': () => +(x < y), '>': () => +(x > y), '<=': () => +(x <= y), '>=': () => +(x >= y), '=': () => +(a === b), '!=': () => +(a !== b),
  }
  const f = op !== undefined ? ops[op] : undefined
  if (argv.length === 2) {
    io.out(`${a}\n`)
    return a === '' || a === '0' ? 1 : 0
  }
  if (!f || ((op === '/' || op === '%') && y === 0)) {
    io.err(op === '/' || op === '%' ? 'expr: division by zero\n' : 'expr: syntax error\n')
    return 2
  }
  const v = f()
  io.out(`${v}\n`)
  return v === 0 ? 1 : 0
}

const copyOrMove = (move: boolean): Builtin =>
  function (argv, io, sh) {
    const { rest } = shortOptions(argv.slice(1))
    const name = move ? 'mv' : 'cp'
    if (rest.length < 2) {
      io.err(`${name}: missing file operand\n`)
      return 1
    }
    const fs = sh.host.fs
    const target = sh.resolve(rest[rest.length - 1]!)
    let status = 0
    for (const src of rest.slice(0, -1)) {
      const from = sh.resolve(src)
      const to = fs.isDir(target) ? `${target}/${from.slice(from.lastIndexOf('/') + 1)}` : target
      try {
        fs.write(to, fs.read(from), false)
        if (move) fs.remove(from, false)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        io.err(`${name}: can't stat '${src}': ${fsErrorText(e)}\n`)
        status = 1
      }
    }
    return status
  }

export const TEXT_BUILTINS: Record<string, Builtin> = {
  seq,
  expr,
  cp: copyOrMove(false),
  mv: copyOrMove(true),
  chmod: () => 0,
  chown: () => 0,
  basename: (argv, io) => {
    const p = (argv[1] ?? '').replace(/\/+$/, '')
    let b = p.slice(p.lastIndexOf('/') + 1) || '/'
    if (argv[2] && b.endsWith(argv[2]) && b !== argv[2]) b = b.slice(0, -argv[2].length)
    io.out(`${b}\n`)
    return 0
  },
  dirname: (argv, io) => {
    const p = (argv[1] ?? '').replace(/\/+$/, '')
    const i = p.lastIndexOf('/')
    io.out(`${i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i)}\n`)
    return 0
  },
  tee: (argv, io, sh) => {
    const { opts, rest } = shortOptions(argv.slice(1))
    const text = io.stdin ?? ''
    for (const f of rest) sh.host.fs.write(sh.resolve(f), text, opts.has('a'))
    io.out(text)
    return 0
  },
  sort: (argv, io) => {
    const { opts } = shortOptions(argv.slice(1))
    let l = lines(io.stdin ?? '')
    l = opts.has('n') ? l.sort((a, b) => parseFloat(a) - parseFloat(b)) : l.sort()
    if (opts.has('r')) l.reverse()
    if (opts.has('u')) l = l.filter((x, k) => k === 0 || x !== l[k - 1])
    io.out(l.map((x) => `${x}\n`).join(''))
    return 0
  },
  uniq: (argv, io) => {
    const { opts } = shortOptions(argv.slice(1))
    const l = lines(io.stdin ?? '')
    const groups: [string, number][] = []
    for (const x of l) {
      const last = groups[groups.length - 1]
      if (last && last[0] === x) last[1]++
      else groups.push([x, 1])
    }
    io.out(groups.map(([x, n]) => (opts.has('c') ? `${String(n).padStart(7)} ${x}\n` : `${x}\n`)).join(''))
    return 0
  },
  cut: (argv, io) => {
    const { opts } = shortOptions(argv.slice(1), 'df')
    const d = opts.get('d') ?? '\t'
    const fields = (opts.get('f') ?? '1').split(',').map(Number)
    io.out(lines(io.stdin ?? '').map((x) => `${fields.map((f) => x.split(d)[f - 1] ?? '').join(d)}\n`).join(''))
    return 0
  },
  tr: (argv, io) => {
    const [from = '', to = ''] = argv.slice(1).filter((a) => !a.startsWith('-'))
    const expand = (s: string) => s.replace(/\[:upper:\]/g, 'A-Z').replace(/\[:lower:\]/g, 'a-z').replace(/(.)-(.)/g, (_, a: string, b: string) => Array.from({ length: b.charCodeAt(0) - a.charCodeAt(0) + 1 }, (_x, k) => String.fromCharCode(a.charCodeAt(0) + k)).join(''))
    const f = expand(from)
    const t = expand(to)
    const del = argv.includes('-d')
    io.out([...(io.stdin ?? '')].map((c) => (f.includes(c) ? (del ? '' : t[Math.min(f.indexOf(c), t.length - 1)] ?? '') : c)).join(''))
    return 0
  },
}
