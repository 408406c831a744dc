/**
 * Shell arithmetic `$((...))` (XCU 2.6.4): integers, C operators and precedence, bare variable
 * names, and assignments (`i+=1`, `n=n*2`). Division by zero is the shell's error, as in ash.
 */

export class ArithError extends Error {}

type Vars = { get(name: string): string | undefined; set(name: string, value: string): void }

const BINARY: [string[], number][] = [
  [['||'], 1],
  [['&&'], 2],
  [['|'], 3],
  [['^'], 4],
  [['&'], 5],
  [['==', '!='], 6],
  [['<=', '>=', '<', '>'], 7],
  [['<<', '>>'], 8],
  [['+', '-'], 9],
  [['*', '/', '%'], 10],
]
const ASSIGN_OPS = ['+=', '-=', '*=', '/=', '%=', '=']

export function evalArith(expr: string, vars: Vars): number {
  const toks = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[+\-*/%]=|[-+*/%()<>=!~&|^?:]/g) ?? []
  let pos = 0
  const peek = () => toks[pos]
  const num = (name: string) => {
    const v = vars.get(name)
    if (!v) return 0
    const n = Number(v.trim())
    if (!Number.isFinite(n)) throw new ArithError(`arithmetic syntax error`)
    return Math.trunc(n)
  }
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return a + b
      case '-': return a - b
      case '*': return a * b
      case '/':
      case '%':
        if (b === 0) throw new ArithError('divide by zero')
        return op === '/' ? Math.trunc(a / b) : a % b
      case '<<': return a << b
      case '>>': return a >> b
      case '<': return +(a < b)
      case '>': return +(a > b)
      case '<=': return +(a <= b)
      case '>=': return +(a >= b)
      case '==': return +(a === b)
      case '!=': return +(a !== b)
      case '&': return a & b
      case '|': return a | b
      case '^': return a ^ b
      case '&&': return +(!!a && !!b)
      case '||': return +(!!a || !!b)
    }
    throw new ArithError('arithmetic syntax error')
  }
  const unary = (): number => {
    const t = peek()
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      pos++
      const v = unary()
      return t === '-' ? -v : t === '+' ? v : t === '!' ? +!v : ~v
    }
    if (t === '++' || t === '--') {
      pos++
      const name = toks[pos++]!
      const v = num(name) + (t === '++' ? 1 : -1)
      vars.set(name, String(v))
      return v
    }
    if (t === '(') {
      pos++
      const v = ternary()
      if (toks[pos++] !== ')') throw new ArithError('arithmetic syntax error')
      return v
    }
    if (t === undefined) throw new ArithError('arithmetic syntax error')
    pos++
    if (/^\d/.test(t)) return t.length > 1 && t.startsWith('0') ? parseInt(t, 8) : Number(t)
    if (!/^[A-Za-z_]/.test(t)) throw new ArithError('arithmetic syntax error')
    const next = peek()
    if (next && ASSIGN_OPS.includes(next)) {
      pos++
      const rhs = ternary()
      const v = next === '=' ? rhs : apply(next.slice(0, -1), num(t), rhs)
      vars.set(t, String(v))
      return v
    }
    if (next === '++' || next === '--') {
      pos++
      const v = num(t)
      vars.set(t, String(v + (next === '++' ? 1 : -1)))
      return v
    }
    return num(t)
  }
  const binary = (level: number): number => {
    if (level >= BINARY.length) return unary()
    let left = binary(level + 1)
    for (;;) {
      const t = peek()
      if (!t || !BINARY[level]![0].includes(t)) return left
      pos++
      left = apply(t, left, binary(level + 1))
    }
  }
  const ternary = (): number => {
    const c = binary(0)
    if (peek() !== '?') return c
    pos++
    const a = ternary()
    if (toks[pos++] !== ':') throw new ArithError('arithmetic syntax error')
    const b = ternary()
    return c ? a : b
  }
  if (!toks.length) return 0
  const v = ternary()
  if (pos < toks.length) throw new ArithError('arithmetic syntax error')
  return v
}
