/** Base64 for Secret data and token files (core has no atob/btoa in its ES2022 library). */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** A string's UTF-8 bytes (what a Go string holds). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

function utf8Text(bytes: number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!
    const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4
    let c = n === 1 ? b : b & (0xff >> (n + 1))
    for (let k = 1; k < n; k++) c = (c << 6) | ((bytes[i + k] ?? 0) & 63)
    out += String.fromCodePoint(c)
    i += n
  }
  return out
}

export function encodeBase64(text: string, url = false): string {
  const b = utf8Bytes(text)
  let out = ''
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0)
    const chars = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((k) => ALPHABET[k]!)
    out += chars.slice(0, i + 1 >= b.length ? 2 : i + 2 >= b.length ? 3 : 4).join('') + (url ? '' : '='.repeat(i + 1 >= b.length ? 2 : i + 2 >= b.length ? 1 : 0))
  }
  return url ? out.replace(/\+/g, '-').replace(/\//g, '_') : out
}

/** Decodes standard or URL-safe base64; invalid characters are skipped. */
export function decodeBase64(text: string): string {
  const clean = text.replace(/-/g, '+').replace(/_/g, '/').replace(/[^A-Za-z0-9+/]/g, '')
  const bytes: number[] = []
  for (let i = 0; i < clean.length; i += 4) {
    const q = [0, 1, 2, 3].map((k) => ALPHABET.indexOf(clean[i + k] ?? 'A'))
    const n = (q[0]! << 18) | (q[1]! << 12) | (q[2]! << 6) | q[3]!
    const have = Math.min(4, clean.length - i)
    bytes.push((n >> 16) & 255)
    if (have > 2) bytes.push((n >> 8) & 255)
    if (have > 3) bytes.push(n & 255)
  }
  return utf8Text(bytes)
}
