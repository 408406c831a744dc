/** Timestamps as the API (RFC 3339, seconds) and kubectl describe (RFC 1123 with zone) write them. */

export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** RFC 3339 with microseconds, as MicroTime fields (Lease renewTime, event eventTime) are. */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

export function parseTime(text: string | undefined): number | undefined {
  if (!text) return undefined
  const t = Date.parse(text)
  return Number.isNaN(t) ? undefined : t
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Go's time.RFC1123Z in UTC: "Wed, 01 Jan 2025 00:00:00 +0000". */
export function rfc1123z(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`
}
