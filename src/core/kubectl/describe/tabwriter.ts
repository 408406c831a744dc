/**
 * The layout engine behind `kubectl describe`: Go's text/tabwriter as describe configures it
 * (minwidth 0, tabwidth 8, padding 2, pad with spaces, no flags), and the PrefixWriter that
 * indents nested blocks by two spaces per level.
 *
 * tabwriter aligns tab-terminated cells column by column. A column is aligned only across a
 * run of consecutive lines that all have a tab-terminated cell in that column; the run is cut
 * by any line that does not, and inner columns are aligned within the runs of outer ones.
 * That is why `Labels:` lines up with `Name:` but not with the `Containers:` block below.
 * The last cell of a line (after its final tab) is never padded.
 */

const PADDING = 2
const MIN_WIDTH = 0

type Line = string[]

/** Display width as tabwriter counts it: one per UTF-8 rune. */
function runeWidth(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

/** Formats a block of text exactly as a flushed Go tabwriter would. */
export function formatTabbed(text: string): string {
  if (text === '') return ''
  const endsWithNewline = text.endsWith('\n')
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n')
  const lines: Line[] = rawLines.map((l) => l.split('\t'))
  const widths: number[] = []
  const out: string[] = []

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!
      let s = ''
      cells.forEach((c, j) => {
        s += c
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - runeWidth(c)))
      })
      out.push(s)
    }
  }

  // One level of the recursion per column: find each run of lines that has a cell in this
  // column, size the column to the run, then lay out the columns to its right inside the run.
  const format = (line0: number, line1: number) => {
    const column = widths.length
    for (let at = line0; at < line1; at++) {
      if (column >= lines[at]!.length - 1) continue
      writeLines(line0, at)
      line0 = at
      let width = MIN_WIDTH
      for (; at < line1; at++) {
        const cells = lines[at]!
        if (column >= cells.length - 1) break
        width = Math.max(width, runeWidth(cells[column]!) + PADDING)
      }
      widths.push(width)
      format(line0, at)
      widths.pop()
      line0 = at
    }
    writeLines(line0, line1)
  }

  format(0, lines.length)
  return out.join('\n') + (endsWithNewline ? '\n' : '')
}

/** describe's PrefixWriter over a tabwriter: Write(level, text) indents by 2 spaces a level. */
export class PrefixWriter {
  private done = ''
  private pending = ''

  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text
  }

  /** fmt.Sprintln of one value: the value and a newline. */
  writeLine(text: string): void {
    this.pending += `${text}\n`
  }

  /** Ends the current alignment blocks (the tabwriter's Flush). */
  flush(): void {
    this.done += formatTabbed(this.pending)
    this.pending = ''
  }

  toString(): string {
    this.flush()
    return this.done
  }
}

/** A writer that adds `indent` levels to everything written (NewNestedPrefixWriter). */
export function nested(w: PrefixWriter, indent: number): Pick<PrefixWriter, 'write' | 'writeLine'> {
  return {
    write: (level, text) => w.write(level + indent, text),
    writeLine: (text) => w.write(indent, `${text}\n`),
  }
}

export const LEVEL_0 = 0
export const LEVEL_1 = 1
export const LEVEL_2 = 2
export const LEVEL_3 = 3
export const LEVEL_4 = 4
