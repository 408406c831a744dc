/**
 * Shell-style word splitting for one command line: 'single', "double" (with \" \\ \$ \`
 * escapes) and backslash outside quotes. No expansion: the runner has no variables.
 */

export class ParseError extends Error {}

export function splitWords(line: string): string[] {
  const words: string[] = []
  let cur = ''
  let inWord = false
  let i = 0
  while (i < line.length) {
    const ch = line[i]!
    if (ch === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) throw new ParseError('unterminated quoted string')
      cur += line.slice(i + 1, end)
      inWord = true
      i = end + 1
    } else if (ch === '"') {
      i++
      for (;;) {
        if (i >= line.length) throw new ParseError('unterminated quoted string')
        const c = line[i]!
        if (c === '"') break
        if (c === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1]!)) {
          cur += line[i + 1]
          i += 2
          continue
        }
        cur += c
        i++
      }
      inWord = true
      i++
    } else if (ch === '\\') {
      if (i + 1 < line.length) cur += line[i + 1]
      inWord = true
      i += 2
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) words.push(cur)
      cur = ''
      inWord = false
      i++
    } else {
      cur += ch
      inWord = true
      i++
    }
  }
  if (inWord) words.push(cur)
  return words
}
