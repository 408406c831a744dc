/** "2025-01-01 00:03:20" (UTC): the simulated wall clock, to the second. */
export function formatClock(now: number): string {
  const iso = new Date(now).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}
