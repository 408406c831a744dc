/**
 * `-o custom-columns=HEADER:PATH,...` and `-o custom-columns-file=FILE` (kubectl get's
 * CustomColumnsPrinter): one row per object (per item of a List), each cell what the
 * column's JSONPath finds, printed with Go's %v and joined by commas, `<none>` when nothing.
 */

import type { FlagValues } from '../flags'
import { JSONPathEvaluator } from './jsonpath/eval'
import { goV } from './jsonpath/go-format'
import { JSONPathExecError, type JPNode } from './jsonpath/nodes'
import { JSONPathParseError, parseJSONPath } from './jsonpath/parser'
import { PrinterError } from './jsonpath/printer'
import { renderColumns } from './table-writer'

export const CUSTOM_COLUMNS_FORMATS = ['custom-columns', 'custom-columns-file']

const FILE_FORMAT_HELP = 'Expected format is one line of space separated headers, one line of space separated column specs.'

interface Column {
  header: string
  fieldSpec: string
}

export function isCustomColumnsFormat(output: string): boolean {
  return CUSTOM_COLUMNS_FORMATS.some((f) => output === f || output.startsWith(`${f}=`))
}

/** `name1.name2`, `.name1.name2`, `{name1.name2}` and `{.name1.name2}` all mean `{.name1.name2}`. */
export function relaxedJSONPathExpression(path: string): string {
  if (path === '') return path
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(path)
  if (!m) throw new PrinterError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
  return `{.${m[1] ?? m[2]}}`
}

function columnsFromSpec(spec: string): Column[] {
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':')
    if (colon < 0) throw new PrinterError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`)
    return { header: part.slice(0, colon), fieldSpec: relaxedJSONPathExpression(part.slice(colon + 1)) }
  })
}

function columnsFromTemplate(text: string): Column[] {
  const lines = text.split('\n')
  if (text === '') throw new PrinterError(`invalid template, missing header line. ${FILE_FORMAT_HELP}`)
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '')) throw new PrinterError(`invalid template, missing spec line. ${FILE_FORMAT_HELP}`)
  const words = (l: string) => l.split(/\s+/).filter(Boolean)
  const headers = words(lines[0]!)
  const specs = words(lines[1]!)
  if (headers.length !== specs.length) throw new PrinterError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`)
  return headers.map((header, i) => ({ header, fieldSpec: relaxedJSONPathExpression(specs[i]!) }))
}

/** kubectl replaces terminal escapes in cells (printers.EscapeTerminal). */
function escapeTerminal(s: string): string {
  return s.split('\u001b').join('^[').replace(/\r/g, '\\r')
}

export class CustomColumnsPrinter {
  constructor(
    private readonly columns: Column[],
    private readonly noHeaders: boolean,
  ) {}

  /** The table for one object, or for the items of a List; the header is printed even for none. */
  print(obj: unknown): string {
    const rows: string[][] = this.noHeaders ? [] : [this.columns.map((c) => c.header)]
    try {
      // Upstream parses the columns after writing the header, so a bad column still shows it.
      const parsed = this.columns.map((c) => parseJSONPath(c.fieldSpec))
      const o = obj as { kind?: string; items?: unknown[] }
      const objs = o.kind?.endsWith('List') && Array.isArray(o.items) ? o.items : [obj]
      for (const item of objs) rows.push(parsed.map((nodes) => cell(nodes, item)))
    } catch (e) {
      if (e instanceof JSONPathParseError || e instanceof JSONPathExecError) throw new PrinterError(e.message, renderColumns(rows))
      throw e
    }
    return renderColumns(rows)
  }
}

function cell(nodes: JPNode[], item: unknown): string {
  const groups = new JSONPathEvaluator(nodes, true).findResults(item)
  const values = groups.flat().map((v) => escapeTerminal(goV(v)))
  return (groups[0]?.length ? values : ['<none>', ...values]).join(',')
}

/** The printer for a custom-columns format, or a PrinterError in kubectl's words. */
export function customColumnsPrinterFor(output: string, flags: FlagValues, readFile: (path: string) => string | undefined): CustomColumnsPrinter {
  let format = output
  let value = String(flags.template ?? '')
  if (!value) {
    const eq = output.indexOf('=')
    if (eq >= 0) {
      format = output.slice(0, eq)
      value = output.slice(eq + 1)
    }
  }
  if (!value) throw new PrinterError('custom-columns format specified but no custom columns given')
  if (format === 'custom-columns-file') {
    const text = readFile(value)
    if (text === undefined) throw new PrinterError(`error reading template ${value}, open ${value}: no such file or directory\n`)
    return new CustomColumnsPrinter(columnsFromTemplate(text), false)
  }
  return new CustomColumnsPrinter(columnsFromSpec(value), !!flags['no-headers'])
}
