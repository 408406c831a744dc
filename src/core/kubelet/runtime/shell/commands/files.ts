/** File applets: cat, tail (with -f/-F following a file another container writes), head, ls, mkdir, touch, rm, wc, grep. */

import { FsError } from '../../fs/filesystem'
import type { Builtin, IO, ShellApi } from '../types'
import { fsErrorText, shortOptions } from './util'

/** busybox says `cat: can't open 'x': ...`, GNU coreutils `cat: x: ...`. */
function openError(sh: ShellApi, io: IO, cmd: string, path: string, e: unknown): number {
  if (!(e instanceof FsError)) throw e
  io.err(sh.host.flavour === 'busybox' ? `${cmd}: can't open '${path}': ${fsErrorText(e)}\n` : `${cmd}: ${path}: ${fsErrorText(e)}\n`)
  return 1
}

function readInput(sh: ShellApi, io: IO, cmd: string, files: string[], each: (text: string, name: string) => void): number {
  if (!files.length) {
    each(io.stdin ?? '', '-')
    return 0
  }
  let status = 0
  for (const f of files) {
    try {
      each(f === '-' ? io.stdin ?? '' : sh.host.fs.read(sh.resolve(f)), f)
    } catch (e) {
      status = openError(sh, io, cmd, f, e)
    }
  }
  return status
}

const cat: Builtin = function (argv, io, sh) {
  return readInput(sh, io, 'cat', shortOptions(argv.slice(1)).rest, (t) => io.out(t))
}

function splitLines(text: string): string[] {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.map((l) => `${l}\n`)
}

/** `-n N`, `-n +N`, `-nN`, `-N`: which lines to print first. */
function parseCount(args: string[]): { from?: number; last?: number; follow: boolean; retry: boolean; files: string[] } | string {
  let last: number | undefined = 10
  let from: number | undefined
  let follow = false
  let retry = false
  const files: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-f' || a === '--follow') follow = true
    else if (a === '-F') follow = retry = true
    else if (/^-[fF]+$/.test(a)) {
      follow = true
      retry = a.includes('F')
    }
    else if (a.startsWith('-n') || a === '--lines') {
      const v = a.length > 2 && a !== '--lines' ? a.slice(2) : args[++i] ?? ''
      if (!/^[+-]?\d+$/.test(v)) return `invalid number '${v}'`
      from = v.startsWith('+') ? Number(v.slice(1)) : undefined
      last = v.startsWith('+') ? undefined : Math.abs(Number(v))
    } else if (/^-\d+$/.test(a)) last = Number(a.slice(1))
    else if (a === '-q' || a === '-s') i += a === '-s' ? 1 : 0
    else files.push(a)
  }
  return { from, last, follow, retry, files }
}

const tail: Builtin = function* (argv, io, sh) {
  const o = parseCount(argv.slice(1))
  if (typeof o === 'string') {
    io.err(`tail: ${o}\n`)
    return 1
  }
  const pick = (text: string) => {
    const lines = splitLines(text)
    return (o.from !== undefined ? lines.slice(Math.max(0, o.from - 1)) : lines.slice(Math.max(0, lines.length - o.last!))).join('')
  }
  if (!o.files.length) {
    io.out(pick(io.stdin ?? ''))
    return 0
  }
  const fs = sh.host.fs
  const offsets = new Map<string, number>()
  let status = 0
  o.files.forEach((f) => {
    if (o.files.length > 1) io.out(`==> ${f} <==\n`)
    try {
      const text = fs.read(sh.resolve(f))
      io.out(pick(text))
      offsets.set(f, text.length)
    } catch (e) {
      status = openError(sh, io, 'tail', f, e)
    }
  })
  if (!o.follow) return status
  if (!offsets.size && !o.retry) {
    io.err('tail: no files\n')
    return 1
  }
  // Follow: wake whenever one of the files changes, print what was appended.
  for (;;) {
    yield { kind: 'watch', paths: o.files.map((f) => sh.resolve(f)) }
    for (const f of o.files) {
      const path = sh.resolve(f)
      if (!fs.exists(path) || fs.isDir(path)) continue
      const size = fs.size(path)!
      const seen = offsets.get(f)
      if (seen === undefined) {
        offsets.set(f, size)
        io.out(pick(fs.read(path)))
      } else if (size < seen) {
        io.err(`tail: ${f}: file truncated\n`)
        io.out(fs.read(path))
        offsets.set(f, size)
      } else if (size > seen) {
        io.out(fs.readFrom(path, seen))
        offsets.set(f, size)
      }
    }
  }
}

const head: Builtin = function (argv, io, sh) {
  const { opts, rest } = shortOptions(argv.slice(1), 'n')
  const n = Number(opts.get('n') ?? 10)
  return readInput(sh, io, 'head', rest, (t) => io.out(splitLines(t).slice(0, n).join('')))
}

const ls: Builtin = function (argv, io, sh) {
  const { opts, rest } = shortOptions(argv.slice(1))
  const fs = sh.host.fs
  const all = opts.has('a') || opts.has('A')
  let status = 0
  const targets = rest.length ? rest : ['.']
  const long = (name: string, path: string) => {
    const dir = fs.isDir(path)
    const size = dir ? 4096 : fs.size(path) ?? 0
    const t = new Date(fs.mtime(path) ?? sh.host.now())
    const mon = t.toUTCString().slice(8, 11)
    const hm = t.toISOString().slice(11, 16)
    return `${dir ? 'drwxr-xr-x' : '-rw-r--r--'}    ${dir ? 2 : 1} root     root     ${String(size).padStart(9)} ${mon} ${String(t.getUTCDate()).padStart(2)} ${hm} ${name}\n`
  }
  targets.forEach((t, k) => {
    const path = sh.resolve(t)
    if (!fs.exists(path)) {
      io.err(sh.host.flavour === 'busybox' ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`)
      status = sh.host.flavour === 'busybox' ? 1 : 2
      return
    }
    if (!fs.isDir(path)) {
      io.out(opts.has('l') ? long(t, path) : `${t}\n`)
      return
    }
    if (targets.length > 1) io.out(`${k ? '\n' : ''}${t}:\n`)
    const names = fs.list(path).filter((n) => all || !n.startsWith('.'))
    if (opts.has('l')) io.out(`total ${names.length * 4}\n`)
    for (const n of names) io.out(opts.has('l') ? long(n, `${path === '/' ? '' : path}/${n}`) : `${n}\n`)
  })
  return status
}

function fsAction(cmd: string, act: (sh: ShellApi, path: string, opts: Map<string, string>) => void, quiet?: (opts: Map<string, string>, e: FsError) => boolean): Builtin {
  return function (argv, io, sh) {
    const { opts, rest } = shortOptions(argv.slice(1))
    if (!rest.length) {
      io.err(`${cmd}: missing operand\n`)
      return 1
    }
    let status = 0
    for (const f of rest) {
      try {
        act(sh, sh.resolve(f), opts)
      } catch (e) {
        if (!(e instanceof FsError)) throw e
        if (quiet?.(opts, e)) continue
        io.err(sh.host.flavour === 'busybox' ? `${cmd}: ${cmd === 'mkdir' ? "can't create directory" : "can't remove"} '${f}': ${fsErrorText(e)}\n` : `${cmd}: cannot ${cmd === 'mkdir' ? 'create directory' : 'remove'} '${f}': ${fsErrorText(e)}\n`)
        status = 1
      }
    }
    return status
  }
}

const touch: Builtin = function (argv, io, sh) {
  let status = 0
  for (const f of shortOptions(argv.slice(1)).rest) {
    const p = sh.resolve(f)
    try {
      sh.host.fs.write(p, '', true)
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      io.err(`touch: ${f}: ${fsErrorText(e)}\n`)
      status = 1
    }
  }
  return status
}

const wc: Builtin = function (argv, io, sh) {
  const { opts, rest } = shortOptions(argv.slice(1))
  return readInput(sh, io, 'wc', rest, (t, name) => {
    const counts = [t.split('\n').length - 1, t.split(/\s+/).filter(Boolean).length, t.length]
    const chosen = opts.size ? counts.filter((_, k) => opts.has('lwc'[k]!)) : counts
    io.out(`${chosen.map((c) => String(c).padStart(opts.size === 1 ? 0 : 7)).join(' ')}${name === '-' ? '' : ` ${name}`}\n`)
  })
}

const grep: Builtin = function (argv, io, sh) {
  const { opts, rest } = shortOptions(argv.slice(1), 'e')
  const pattern = opts.get('e') ?? rest.shift()
  if (pattern === undefined) {
    io.err('Usage: grep [-v] PATTERN [FILE]...\n')
    return 2
  }
  const re = new RegExp(opts.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern, opts.has('i') ? 'i' : '')
  let found = 0
  const status = readInput(sh, io, 'grep', rest, (t, name) => {
    for (const l of splitLines(t)) {
      if (re.test(l.slice(0, -1)) === opts.has('v')) continue
      found++
      if (!opts.has('q') && !opts.has('c')) io.out(rest.length > 1 ? `${name}:${l}` : l)
    }
  })
  if (opts.has('c')) io.out(`${found}\n`)
  return status ? 2 : found ? 0 : 1
}

export const FILE_BUILTINS: Record<string, Builtin> = {
  cat,
  tail,
  head,
  ls,
  touch,
  wc,
  grep,
  mkdir: fsAction('mkdir', (sh, p, o) => sh.host.fs.mkdir(p, o.has('p'))),
  rm: fsAction(
    'rm',
    (sh, p, o) => sh.host.fs.remove(p, o.has('r') || o.has('R')),
    (o, e) => o.has('f') && e.code === 'ENOENT',
  ),
}
