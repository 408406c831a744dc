/**
 * Resource quantities ("100m", "128Mi", "1.5", "2e3"). Parsed to a plain number of base
 * units (cores, bytes); milli-values are computed from it. Kubernetes keeps arbitrary
 * precision, but the playground's numbers fit a double comfortably.
 */

/** The API server's own message for a malformed quantity (api-errors.md #14). */
export const QUANTITY_REGEX_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
}

const QUANTITY_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/

export function isQuantity(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && QUANTITY_RE.test(value.trim())
}

/** Parses a quantity; throws Error(QUANTITY_REGEX_MESSAGE) when malformed. */
export function parseQuantity(value: string | number): number {
  if (typeof value === 'number') return value
  const m = QUANTITY_RE.exec(value.trim())
  if (!m) throw new Error(QUANTITY_REGEX_MESSAGE)
  const base = parseFloat(m[1]!)
  if (m[3] !== undefined) return base * 10 ** parseInt(m[3], 10)
  return base * SUFFIX[m[2] ?? '']!
}

export function toMilli(value: string | number | undefined): number {
  if (value === undefined) return 0
  return Math.round(parseQuantity(value) * 1000)
}

/** CPU in millicores, rendered as kubectl does: "500m", "1", "1500m". */
export function formatMilliCPU(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000)
  return `${milli}m`
}

/** Bytes rendered with the largest binary suffix that divides them exactly (as Quantity.String). */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0'
  const units: [string, number][] = [
    ['Ei', 1024 ** 6],
    ['Pi', 1024 ** 5],
    ['Ti', 1024 ** 4],
    ['Gi', 1024 ** 3],
    ['Mi', 1024 ** 2],
    ['Ki', 1024],
  ]
  for (const [s, n] of units) if (bytes % n === 0) return `${bytes / n}${s}`
  return String(bytes)
}
