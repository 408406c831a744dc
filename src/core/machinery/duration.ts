/**
 * Durations: parsing what a script says (`30`, `30s`, `5m`, `1h30m`, `250ms`) and printing
 * ages the way apimachinery's HumanDuration does (kubectl-output.md §3).
 */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Parses a Go-style duration; a bare number means seconds (as sleep does). */
export function parseDuration(text: string): number | undefined {
  const t = text.trim()
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(parseFloat(t) * 1000)
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy
  let total = 0
  let matched = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(t)) !== null) {
    total += parseFloat(m[1]!) * UNIT_MS[m[2]!]!
    matched = re.lastIndex
  }
  if (matched !== t.length || t.length === 0) return undefined
  return Math.round(total)
}

/** apimachinery's HumanDuration: "5s", "3m20s", "47m", "5h12m", "13h", "3d4h", "300d", "3y20d". */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(minutes / 60)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    const d = Math.trunc(hours / 24)
    return h === 0 ? `${d}d` : `${d}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** Go's time.Duration.String() for whole or fractional seconds: "1.5s", "1m0s", "2m30s". */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const totalS = ms / 1000
  const h = Math.floor(totalS / 3600)
  const m = Math.floor((totalS % 3600) / 60)
  const s = +(totalS % 60).toFixed(9)
  const sText = `${Number.isInteger(s) ? s : s.toString()}s`
  if (h > 0) return `${h}h${m}m${sText}`
  if (m > 0) return `${m}m${sText}`
  return sText
}
