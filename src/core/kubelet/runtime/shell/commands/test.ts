/** `test` / `[` (XCU test): string, integer and file primaries with `!`, `-a`, `-o`. */

import type { IO } from '../types'

type FileProbe = (op: string, path: string) => boolean

const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
}

class TestError extends Error {}

function evaluate(args: string[], file: FileProbe): boolean {
  let pos = 0
  const primary = (): boolean => {
    const a = args[pos]
    if (a === '!') {
      pos++
      return !primary()
    }
    if (a === '(') {
      pos++
      const v = or()
      pos++
      return v
    }
    const b = args[pos + 1]
    if (b !== undefined && (b === '=' || b === '==' || b === '!=' || b in INT_OPS) && args[pos + 2] !== undefined) {
      const c = args[pos + 2]!
      pos += 3
      if (b === '=' || b === '==') return a === c
      if (b === '!=') return a !== c
      const x = Number(a)
      const y = Number(c)
      if (!/^\s*-?\d+\s*$/.test(a!)) throw new TestError(`${a}: bad number`)
      if (!/^\s*-?\d+\s*$/.test(c)) throw new TestError(`${c}: bad number`)
      return INT_OPS[b]!(x, y)
    }
    if (a !== undefined && /^-[zn]$/.test(a) && b !== undefined) {
      pos += 2
      return a === '-z' ? b === '' : b !== ''
    }
    if (a !== undefined && /^-[efdsrwxLhp]$/.test(a) && b !== undefined) {
      pos += 2
      return file(a, b)
    }
    pos++
    return a !== undefined && a !== ''
  }
  const and = (): boolean => {
    let v = primary()
    while (args[pos] === '-a') {
      pos++
      v = primary() && v
    }
    return v
  }
  const or = (): boolean => {
    let v = and()
    while (args[pos] === '-o') {
      pos++
      v = and() || v
    }
    return v
  }
  if (!args.length) return false
  return or()
}

export function testExpression(args: string[], io: IO, file: FileProbe = () => false): number {
  try {
    return evaluate(args, file) ? 0 : 1
  } catch (e) {
    if (!(e instanceof TestError)) throw e
    io.err(`sh: ${e.message}\n`)
    return 2
  }
}
