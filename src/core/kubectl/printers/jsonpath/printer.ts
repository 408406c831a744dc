/**
 * kubectl's JSONPath printer (cli-runtime JSONPathPrinter): parses the template once, then
 * runs it on each object it is given and prints the results, in the words kubectl uses when
 * either step fails.
 */

import { JSONPathEvaluator, INVALID } from './eval'
import { goFloat, goJSONCompact, goSharpV } from './go-format'
import { GoFloat, JSONPathExecError, type JPNode } from './nodes'
import { JSONPathParseError, parseJSONPath } from './parser'

/**
 * A failure already in kubectl's words, without the leading `error: `; `printed` is what the
 * printer had written before it failed (the custom-columns header, earlier rows).
 */
export class PrinterError extends Error {
  constructor(
    message: string,
    readonly printed = '',
  ) {
    super(message)
  }
}

/** One result as fmt.Fprint shows it (maps and lists as compact JSON). */
function resultText(v: unknown): string {
  if (v === INVALID) return '<no value>'
  if (v === null) return 'null'
  if (v instanceof GoFloat) return goFloat(v.value)
  if (typeof v === 'object') return goJSONCompact(v)
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v)
  return String(v)
}

/** json.MarshalIndent(results, "", "    ") for -o jsonpath-as-json. */
function indentedJSON(values: unknown[]): string {
  const text = JSON.stringify(
    values,
    (_k, x: unknown) => {
      if (x === INVALID) return null
      if (x instanceof GoFloat) return x.value
      if (typeof x === 'object' && x !== null && !Array.isArray(x)) {
        const o = x as Record<string, unknown>
        return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]))
      }
      return x
    },
    4,
  )
  return text.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

export class JSONPathPrinter {
  private readonly evaluator: JSONPathEvaluator

  /** Throws PrinterError with kubectl's `error parsing jsonpath` text for a bad template. */
  constructor(
    private readonly template: string,
    allowMissingKeys: boolean,
    private readonly asJSON = false,
  ) {
    let nodes: JPNode[]
    try {
      nodes = parseJSONPath(template)
    } catch (e) {
      if (e instanceof JSONPathParseError) throw new PrinterError(`error parsing jsonpath ${template}, ${e.message}`)
      throw e
    }
    this.evaluator = new JSONPathEvaluator(nodes, allowMissingKeys)
  }

  /** The text for one object (a decoded JSON document); nothing is printed when it fails. */
  print(obj: unknown): string {
    let groups: unknown[][]
    try {
      groups = this.evaluator.findResults(obj)
    } catch (e) {
      if (!(e instanceof JSONPathExecError)) throw e
      const debug =
        `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
        `\ttemplate was:\n\t\t${this.template}\n` +
        `\tobject given to jsonpath engine was:\n\t\t${goSharpV(obj)}\n\n`
      throw new PrinterError(`error executing jsonpath ${goQuoteTemplate(this.template)}: ${debug}\n`)
    }
    let out = ''
    for (const group of groups) {
      if (this.asJSON) out += `${indentedJSON(group)}\n`
      else out += group.map(resultText).join(' ')
    }
    return out
  }
}

/** %q of the template in the execution error. */
function goQuoteTemplate(t: string): string {
  return goSharpV(t)
}
