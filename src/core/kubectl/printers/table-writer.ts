/**
 * kubectl's table layout: a tabwriter with padding 3, so every column but the last is
 * padded to its widest cell plus three spaces.
 */

export function renderColumns(rows: string[][], padding = 3): string {
  if (rows.length === 0) return ''
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)))
  return (
    rows
      .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + padding))).join(''))
      .join('\n') + '\n'
  )
}
