/** kubectl get: server-side tables, -o wide|yaml|json|name, selectors, several types at once. */

import type { KubeObject } from '../../api/types'
import { printerFor, buildTable } from '../../apiserver/printers'
import { isStatusError } from '../../machinery/errors'
import { formatLabels } from '../../machinery/labels'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { toGoJSON, toGoYaml } from '../printers/go-yaml'
import { customColumnsPrinterFor, isCustomColumnsFormat } from '../printers/custom-columns'
import { isJSONPathFormat, jsonPathPrinterFor, templateFlags } from '../printers/jsonpath/flags'
import { PrinterError } from '../printers/jsonpath/printer'
import { sortObjects } from '../printers/sort-by'
import { renderColumns } from '../printers/table-writer'
import { parseResourceArgs, refName, type ResourceSelection } from '../resource-args'

export const getFlags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'show-labels', type: 'bool', default: false },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'watch', short: 'w', type: 'bool', default: false },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'show-managed-fields', type: 'bool', default: false },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'ignore-not-found', type: 'bool', default: false },
  { name: 'label-columns', short: 'L', type: 'stringArray', default: [] },
  ...templateFlags,
]

/** What `-o yaml` shows: the object without managedFields (unless asked). */
export function forOutput(o: KubeObject, showManaged: boolean): KubeObject {
  if (showManaged || !o.metadata.managedFields) return o
  const { managedFields: _m, ...metadata } = o.metadata
  void _m
  return { ...o, metadata }
}

export function runGet(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const output = String(flags.output ?? '')
  if (output && !['wide', 'yaml', 'json', 'name'].includes(output) && !output.startsWith('jsonpath') && !output.startsWith('custom-columns')) {
    throw new KubectlError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`)
  }
  if (args.length === 0) {
    throw new KubectlError(
      "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
    )
  }
  const allNs = !!flags['all-namespaces']
  const sels = parseResourceArgs(ctx.api, args, (t) => ctx.err(t))
  const multi = sels.length > 1 || args[0]!.split(',').length > 1 || args[0] === 'all' || args.some((a) => a.includes('/'))
  const showKind = multi || (args.some((a) => a.includes('/')) && false)
  let exit = 0
  const found: { sel: ResourceSelection; objs: KubeObject[] }[] = []
  const errors: string[] = []
  for (const sel of sels) {
    const ns = sel.type.namespaced ? (allNs ? undefined : ctx.namespace) : undefined
    if (sel.names.length) {
      const objs: KubeObject[] = []
      for (const name of sel.names) {
        try {
          objs.push(ctx.api.get(sel.type, ns ?? ctx.namespace, name))
        } catch (e) {
          if (isStatusError(e) && e.code === 404 && flags['ignore-not-found']) continue
          errors.push(formatError(e))
          exit = 1
        }
      }
      found.push({ sel, objs })
    } else {
      const list = ctx.api.list(sel.type, { namespace: ns, labelSelector: String(flags.selector ?? ''), fieldSelector: String(flags['field-selector'] ?? '') })
      found.push({ sel, objs: list.items })
    }
  }
  const sortBy = String(flags['sort-by'] ?? '')
  if (sortBy) for (const f of found) f.objs = sortObjects(f.objs, sortBy)
  const total = found.reduce((n, f) => n + f.objs.length, 0)
  // Generic printers (printGeneric upstream) get one object, or a List of everything found.
  const generic = output === 'yaml' || output === 'json' || isJSONPathFormat(output) || isCustomColumnsFormat(output)
  if (generic) {
    const singleImplied = sels.length === 1 && sels[0]!.names.length === 1
    if (singleImplied && errors.length) throw new KubectlError(errors[0]!)
    // The printer is made only now: a template that does not parse is the one error shown.
    const read = (p: string) => readText(ctx, p)
    const template = isJSONPathFormat(output)
      ? printerOrFail(() => jsonPathPrinterFor(output, flags, read))
      : isCustomColumnsFormat(output)
        ? printerOrFail(() => customColumnsPrinterFor(output, flags, read))
        : undefined
    // Only the json and yaml printers drop managedFields (OmitManagedFieldsPrinter); templates see them.
    const all = found.flatMap((f) => f.objs).map((o) => (template ? o : forOutput(o, !!flags['show-managed-fields'])))
    const single = total === 1 && sels.length === 1 && sels[0]!.names.length === 1
    const value = single ? all[0] : { apiVersion: 'v1', items: all, kind: 'List', metadata: { resourceVersion: '' } }
    if (total > 0 || !sels.some((s) => s.names.length)) {
      if (template) {
        if (!printWith(ctx, template, value, errors)) exit = 1
      } else ctx.out(output === 'yaml' ? toGoYaml(value, { showManagedFields: true }) : toGoJSON(value, { showManagedFields: true }))
    }
  } else if (output === 'name') {
    for (const f of found) for (const o of f.objs) ctx.out(`${refName(f.sel.type, o.metadata.name!)}\n`)
  } else {
    const blocks: string[] = []
    for (const f of found) {
      if (!f.objs.length) continue
      blocks.push(renderTable(ctx, f.sel, f.objs, flags, showKind, allNs))
    }
    if (blocks.length) ctx.out(blocks.join('\n'))
  }
  for (const e of errors) ctx.err(`${e}\n`)
  if (total === 0 && errors.length === 0 && !sels.some((s) => s.names.length) && !generic) {
    const namespaced = sels.some((s) => s.type.namespaced)
    ctx.err(allNs || !namespaced ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`)
  }
  return exit
}

function printerOrFail<T>(make: () => T): T {
  try {
    return make()
  } catch (e) {
    // Some of kubectl's texts end with their own newline, after which it adds none.
    if (e instanceof PrinterError) throw new KubectlError(`error: ${e.message.replace(/\n$/, '')}`)
    throw e
  }
}

/** A template that fails on the object prints nothing; its error joins the others. */
function printWith(ctx: KubectlContext, printer: { print(obj: unknown): string }, value: unknown, errors: string[]): boolean {
  try {
    ctx.out(printer.print(value))
    return true
  } catch (e) {
    if (!(e instanceof PrinterError)) throw e
    ctx.out(e.printed)
    // Its text already ends with newlines, and kubectl adds none.
    errors.push(`error: ${e.message.replace(/\n$/, '')}`)
    return false
  }
}

/** The text of a file the script names (jsonpath-file=, custom-columns-file=), if it exists. */
export function readText(ctx: KubectlContext, path: string): string | undefined {
  try {
    return ctx.io.readFile?.(path)[0]?.text
  } catch {
    return undefined
  }
}

function renderTable(ctx: KubectlContext, sel: ResourceSelection, objs: KubeObject[], flags: FlagValues, showKind: boolean, allNs: boolean): string {
  const wide = flags.output === 'wide'
  const printer = printerFor(sel.type)
  const lookup = (group: string, plural: string, ns: string | undefined, name: string) => {
    const t = ctx.api.registry.forGroupResource(group, plural)
    return t ? ctx.api.peek(t, ns, name) : undefined
  }
  const table = buildTable(printer, objs, { now: ctx.clock.now(), lookup }, '')
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => c.priority === 0 || wide)
  const header = cols.map(({ c }) => c.name.toUpperCase())
  const labelCols = (flags['label-columns'] as string[]).flatMap((s) => s.split(','))
  if (allNs && sel.type.namespaced) header.unshift('NAMESPACE')
  for (const l of labelCols) header.push(l.split('/').pop()!.toUpperCase())
  if (flags['show-labels']) header.push('LABELS')
  const rows = table.rows.map((r) => {
    const cells = cols.map(({ c, i }) => {
      const v = r.cells[i]
      return c.format === 'name' && showKind ? refName(sel.type, String(v)) : String(v)
    })
    if (allNs && sel.type.namespaced) cells.unshift(r.object.metadata.namespace ?? '')
    for (const l of labelCols) cells.push(r.object.metadata.labels?.[l] ?? '')
    if (flags['show-labels']) cells.push(formatLabels(r.object.metadata.labels))
    return cells
  })
  return renderColumns(flags['no-headers'] ? rows : [header, ...rows])
}
