/**
 * kubectl's table layout (printers.GetNewTabWriter): a tabwriter with padding 3 and minimum
 * cell width 6, so every column but the last is padded to its widest cell plus three
 * spaces, and never narrower than six (visible with --no-headers: `0     30s`).
 */

const TABWRITER_MIN_WIDTH = 6

export function renderColumns(rows: string[][], padding = 3): string {
  if (rows.length === 0) return ''
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)))
  return (
    rows
      .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(Math.max(widths[i]! + padding, TABWRITER_MIN_WIDTH)))).join(''))
      .join('\n') + '\n'
  )
}
