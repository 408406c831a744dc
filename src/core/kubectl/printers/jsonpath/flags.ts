/**
 * The JSONPath output formats (cli-runtime JSONPathPrintFlags): `-o jsonpath=TEMPLATE`,
 * `-o jsonpath-file=PATH`, `-o jsonpath-as-json=TEMPLATE`, or the bare format with
 * `--template`, and `--allow-missing-template-keys` (true unless told otherwise).
 */

import type { FlagSpec, FlagValues } from '../../flags'
import { JSONPathPrinter, PrinterError } from './printer'

export const JSONPATH_FORMATS = ['jsonpath', 'jsonpath-as-json', 'jsonpath-file']

/** The flags every command with printer flags has for templates. */
export const templateFlags: FlagSpec[] = [
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
]

export function isJSONPathFormat(output: string): boolean {
  return JSONPATH_FORMATS.some((f) => output === f || output.startsWith(`${f}=`))
}

/**
 * The printer for a JSONPath format, or a PrinterError in kubectl's words. `readFile` reads
 * the file of jsonpath-file (relative to the script's folder), undefined when it is absent.
 */
export function jsonPathPrinterFor(output: string, flags: FlagValues, readFile: (path: string) => string | undefined): JSONPathPrinter {
  let format = output
  let template = String(flags.template ?? '')
  if (!template) {
    const eq = output.indexOf('=')
    if (eq >= 0) {
      format = output.slice(0, eq)
      template = output.slice(eq + 1)
    }
  }
  if (!template) throw new PrinterError('template format specified but no template given')
  if (format === 'jsonpath-file') {
    const text = readFile(template)
    if (text === undefined) throw new PrinterError(`error reading --template ${template}, open ${template}: no such file or directory`)
    template = text
  }
  return new JSONPathPrinter(template, flags['allow-missing-template-keys'] !== false, format === 'jsonpath-as-json')
}
