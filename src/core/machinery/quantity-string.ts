/**
 * resource.Quantity's String(): the canonical text the API server and kubectl print for a
 * quantity, whatever form it was written in ("1000m" -> "1", "1536Mi" -> "1536Mi",
 * "4194304Ki" -> "4Gi", "0.5" -> "500m"). Exact arithmetic with BigInt in nano units, as
 * Kubernetes keeps quantities to nano precision.
 */

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY_EXP: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 }
const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' }
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

const NANO = 10n ** 9n

export interface ParsedQuantity {
  /** value in nano units (value x 10^9), rounded up as ParseQuantity does */
  nanos: bigint
  format: Format
}

function pow10(e: number): bigint {
  return 10n ** BigInt(e)
}

export function parseQuantityExact(text: string | number): ParsedQuantity | undefined {
  const s = String(text).trim()
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/.exec(s)
  if (!m || (m[2] === '' && !m[3])) return undefined
  const neg = m[1] === '-'
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`
  const fracLen = (m[3] ?? '').length
  let mantissa = BigInt(digits || '0')
  let exp10 = -fracLen
  let format: Format = 'DecimalSI'
  let mul = 1n
  if (m[4] !== undefined && m[4] in BINARY_EXP) {
    format = 'BinarySI'
    mul = 1024n ** BigInt(BINARY_EXP[m[4]]!)
  } else if (m[4] !== undefined) {
    exp10 += DECIMAL_EXP[m[4]]!
  } else if (m[5] !== undefined) {
    format = 'DecimalExponent'
    exp10 += parseInt(m[5], 10)
  }
  mantissa *= mul
  // to nano units, rounding a sub-nano remainder up (away from zero) as Kubernetes does
  const shift = exp10 + 9
  let nanos: bigint
  if (shift >= 0) nanos = mantissa * pow10(shift)
  else {
    const d = pow10(-shift)
    nanos = mantissa / d + (mantissa % d === 0n ? 0n : 1n)
  }
  return { nanos: neg ? -nanos : nanos, format }
}

/** Canonical text of a value in nano units in the given format (CanonicalizeBytes). */
export function formatQuantity(q: ParsedQuantity): string {
  const { nanos } = q
  if (nanos === 0n) return '0'
  let format = q.format
  const abs = nanos < 0n ? -nanos : nanos
  const sign = nanos < 0n ? '-' : ''
  if (format === 'BinarySI' && (abs < 1024n * NANO || abs % NANO !== 0n)) format = 'DecimalSI'
  if (format === 'BinarySI') {
    let v = abs / NANO
    let e = 0
    while (e < 6 && v % 1024n === 0n) {
      v /= 1024n
      e++
    }
    return `${sign}${v}${BINARY_SUFFIX[e]}`
  }
  let amount = abs
  let exponent = -9
  while (amount % 10n === 0n) {
    amount /= 10n
    exponent++
  }
  const r = ((exponent % 3) + 3) % 3
  amount *= pow10(r)
  exponent -= r
  if (format === 'DecimalExponent') return `${sign}${amount}${exponent === 0 ? '' : `e${exponent}`}`
  while (exponent > 18) {
    amount *= 1000n
    exponent -= 3
  }
  return `${sign}${amount}${DECIMAL_SUFFIX[exponent]}`
}

/** Quantity.String() of a quantity as written in an object. */
export function quantityString(text: string | number | undefined): string {
  if (text === undefined) return '0'
  const q = parseQuantityExact(text)
  return q ? formatQuantity(q) : String(text)
}

/** Sums quantities keeping the first one's format (Quantity.Add keeps the receiver's). */
export function addQuantities(a: ParsedQuantity | undefined, b: ParsedQuantity): ParsedQuantity {
  return a ? { nanos: a.nanos + b.nanos, format: a.format } : b
}

export const ZERO_QUANTITY: ParsedQuantity = { nanos: 0n, format: 'DecimalSI' }

/** MilliValue(), rounded up as Kubernetes does. */
export function milliValue(q: ParsedQuantity | undefined): bigint {
  if (!q) return 0n
  const d = 10n ** 6n
  return q.nanos / d + (q.nanos % d > 0n ? 1n : 0n)
}

/** Value(), rounded up. */
export function wholeValue(q: ParsedQuantity | undefined): bigint {
  if (!q) return 0n
  return q.nanos / NANO + (q.nanos % NANO > 0n ? 1n : 0n)
}
