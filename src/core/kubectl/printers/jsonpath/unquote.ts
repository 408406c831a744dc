/**
 * The quoted literals of a template (`{"\n"}`, `{'\t'}`): Go's strconv unquoting rules, for
 * single as well as double quotes (client-go's UnquoteExtend). Undefined means invalid syntax.
 */

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }
const HEX_LEN: Record<string, number> = { x: 2, u: 4, U: 8 }

export function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined
  const quote = s[0]!
  if (quote !== s.at(-1) || (quote !== '"' && quote !== "'")) return undefined
  const body = s.slice(1, -1)
  let out = ''
  for (let i = 0; i < body.length; ) {
    const c = body[i]!
    if (c === quote) return undefined
    if (c !== '\\') {
      out += c
      i++
      continue
    }
    const e = body[i + 1]
    if (e === undefined) return undefined
    if (SIMPLE[e] !== undefined) {
      out += SIMPLE[e]
      i += 2
    } else if (e === "'" || e === '"') {
      if (e !== quote) return undefined
      out += e
      i += 2
    } else if (HEX_LEN[e] !== undefined) {
      const digits = body.slice(i + 2, i + 2 + HEX_LEN[e]!)
      if (digits.length !== HEX_LEN[e] || !/^[0-9a-fA-F]+$/.test(digits)) return undefined
      const code = parseInt(digits, 16)
      if (code > 0x10ffff) return undefined
      out += String.fromCodePoint(code)
      i += 2 + digits.length
    } else if (e >= '0' && e <= '7') {
      const digits = body.slice(i + 1, i + 4)
      if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) return undefined
      out += String.fromCharCode(parseInt(digits, 8))
      i += 4
    } else return undefined
  }
  return out
}
