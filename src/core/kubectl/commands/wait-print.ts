/**
 * genericclioptions.PrintFlags for verbs that report what they did to an object (wait,
 * patch): by default `<kind>.<group>/<name> <operation>`, or the object itself with
 * -o yaml|json|name|jsonpath=... (templates made once, before the verb does anything).
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagValues } from '../flags'
import { toGoJSON, toGoYaml } from '../printers/go-yaml'
import { isJSONPathFormat, jsonPathPrinterFor } from '../printers/jsonpath/flags'
import { PrinterError, type JSONPathPrinter } from '../printers/jsonpath/printer'
import { refName } from '../resource-args'
import { forOutput, readText } from './get'

const ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

export interface ObjectPrinter {
  print(ctx: KubectlContext, type: ResourceType, obj: KubeObject): void
}

/** Fails like PrintFlags.ToPrinter for an unknown format or a bad template. */
export function objectPrinterFor(ctx: KubectlContext, flags: FlagValues, operation: string): ObjectPrinter {
  const output = String(flags.output ?? '')
  let template: JSONPathPrinter | undefined
  if (isJSONPathFormat(output)) {
    try {
      template = jsonPathPrinterFor(output, flags, (p) => readText(ctx, p))
    } catch (e) {
      if (e instanceof PrinterError) throw new KubectlError(`error: ${e.message.replace(/\n$/, '')}`)
      throw e
    }
  } else if (!['', 'yaml', 'json', 'name'].includes(output)) {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED}`)
  }
  const showManaged = !!flags['show-managed-fields']
  return {
    print(c, type, obj) {
      const ref = refName(type, obj.metadata.name ?? '')
      if (output === '') c.out(`${ref} ${operation}\n`)
      else if (output === 'name') c.out(`${ref}\n`)
      else if (output === 'yaml') c.out(toGoYaml(forOutput(obj, showManaged)))
      else if (output === 'json') c.out(toGoJSON(forOutput(obj, showManaged)))
      else if (template) {
        try {
          c.out(template.print(obj))
        } catch (e) {
          if (e instanceof PrinterError) throw new KubectlError(`error: ${e.message.replace(/\n$/, '')}`)
          throw e
        }
      }
    },
  }
}

/**
 * The JSONPath printer when -o names a JSONPath format (for verbs with their own printing:
 * run, scale), made before the verb acts so that a bad template changes nothing.
 */
export function jsonPathTemplateFor(ctx: KubectlContext, flags: FlagValues): JSONPathPrinter | undefined {
  const output = String(flags.output ?? '')
  if (!isJSONPathFormat(output)) return undefined
  try {
    return jsonPathPrinterFor(output, flags, (p) => readText(ctx, p))
  } catch (e) {
    if (e instanceof PrinterError) throw new KubectlError(`error: ${e.message.replace(/\n$/, '')}`)
    throw e
  }
}

/** Prints one object with a JSONPath printer, failing in kubectl's words. */
export function printJSONPath(ctx: KubectlContext, template: JSONPathPrinter, obj: unknown): void {
  try {
    ctx.out(template.print(obj))
  } catch (e) {
    if (e instanceof PrinterError) throw new KubectlError(`error: ${e.message.replace(/\n$/, '')}`)
    throw e
  }
}
