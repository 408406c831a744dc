/**
 * The word wrapping `kubectl explain` applies to descriptions: kubectl's term.NewWordWrapWriter
 * over github.com/mitchellh/go-wordwrap v1.0.1's WrapString. Breaks only at white space, keeps
 * the text's own newlines, lets a word longer than the limit overflow, and counts runes.
 */

const NBSP = 0xa0

/** Go's unicode.IsSpace. */
function isSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000
}

/** WrapString(s, limit): lines of at most `limit` runes where white space allows. */
export function wrapString(s: string, limit: number): string {
  let out = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  const flush = () => {
    current += spaceLen + wordLen
    out += space + word
    space = ''
    spaceLen = 0
    word = ''
    wordLen = 0
  }
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (ch === '\n') {
      if (wordLen === 0) {
        // Trailing spaces survive only if they still fit on the line.
        if (current + spaceLen <= limit) out += space
        space = ''
        spaceLen = 0
      } else {
        flush()
      }
      out += ch
      current = 0
    } else if (isSpace(cp) && cp !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) flush()
      space += ch
      spaceLen++
    } else {
      word += ch
      wordLen++
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n'
        current = 0
        space = ''
        spaceLen = 0
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space
  } else {
    out += space + word
  }
  return out
}
