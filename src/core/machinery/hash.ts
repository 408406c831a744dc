/** Hashes behind generated names (pod-template-hash, controller revisions). */

/** 32-bit FNV-1a over the UTF-16 code units' low bytes of a canonical text. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i) & 0xff
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

const SAFE_DIGITS = 'bcdfghjklmnpqrstvwxz2456789'

/**
 * apimachinery's SafeEncodeString applied to the decimal hash: each character is mapped
 * into an alphabet without vowels, so digits 0-9 become 4 5 6 7 8 9 b c d f.
 */
export function safeEncodeString(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) out += SAFE_DIGITS[text.charCodeAt(i) % SAFE_DIGITS.length]
  return out
}

/** JSON with object keys sorted, so equal objects hash equally. */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON(obj[k])}`).join(',')}}`
}

/** pod-template-hash of a template (plus collisionCount), as the Deployment controller names ReplicaSets. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let text = canonicalJSON(template)
  if (collisionCount) text += String(collisionCount)
  return safeEncodeString(String(fnv32a(text)))
}
