/**
 * The syntax error Go's encoding/json reports for a body that is not JSON ("invalid
 * character 'x' looking for beginning of value", "unexpected end of JSON input"...), so a
 * malformed request gets upstream's words. A small version of Go's scanner states; null
 * when the text is valid JSON.
 */

/** Go's quoteChar: the character in single quotes, escaped as strconv.Quote would. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`
  if (c === '"') return `'"'`
  const q = JSON.stringify(c)
  return `'${q.slice(1, -1)}'`
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r'
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9'

class Syntax extends Error {}

export function goJSONSyntaxError(text: string): string | null {
  let i = 0
  const fail = (context: string): never => {
    if (i >= text.length) throw new Syntax('unexpected end of JSON input')
    throw new Syntax(`invalid character ${quoteChar(text[i]!)} ${context}`)
  }
  const skip = () => {
    while (i < text.length && isSpace(text[i]!)) i++
  }
  const literal = (word: string) => {
    for (let k = 1; k < word.length; k++) {
      i++
      if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k]!)})`)
    }
    i++
  }
  const string = () => {
    i++
    for (;;) {
      const c = text[i]
      if (c === undefined) fail('')
      if (c === '"') return void i++
      if (c! < ' ') fail('in string literal')
      if (c === '\\') {
        i++
        const e = text[i]
        if (e === 'u') {
          for (let k = 0; k < 4; k++) {
            i++
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('in \\u hexadecimal character escape')
          }
        } else if (e === undefined || !'"\\/bfnrt'.includes(e)) fail('in string escape code')
      }
      i++
    }
  }
  const number = () => {
    if (text[i] === '-') {
      i++
      if (!isDigit(text[i])) fail('in numeric literal')
    }
    if (text[i] === '0') i++
    else while (isDigit(text[i])) i++
    if (text[i] === '.') {
      i++
      if (!isDigit(text[i])) fail('after decimal point in numeric literal')
      while (isDigit(text[i])) i++
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      if (!isDigit(text[i])) fail('in exponent of numeric literal')
      while (isDigit(text[i])) i++
    }
  }
  const value = (): void => {
    skip()
    const c = text[i]
    if (c === '{') {
      i++
      skip()
      if (text[i] === '}') return void i++
      for (;;) {
        skip()
        if (text[i] !== '"') fail('looking for beginning of object key string')
        string()
        skip()
        if (text[i] !== ':') fail('after object key')
        i++
        value()
        skip()
        if (text[i] === ',') i++
        else if (text[i] === '}') return void i++
        else fail('after object key:value pair')
      }
    }
    if (c === '[') {
      i++
      skip()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        skip()
        if (text[i] === ',') i++
        else if (text[i] === ']') return void i++
        else fail('after array element')
      }
    }
    if (c === '"') return string()
    if (c === '-' || isDigit(c)) return number()
    if (c === 't') return literal('true')
    if (c === 'f') return literal('false')
    if (c === 'n') return literal('null')
    fail('looking for beginning of value')
  }
  try {
    value()
    skip()
    if (i < text.length) fail('after top-level value')
    return null
  } catch (e) {
    if (e instanceof Syntax) return e.message
    throw e
  }
}
