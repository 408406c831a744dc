/**
 * The describer for kinds without their own (genericDescriber): name, namespace, labels and
 * annotations, then every other field of the object as nested `Smart Label:  value` lines.
 */

import type { KubeObject } from '../../api/types'
import { describeEvents } from './events'
import { printAnnotationsMultiline, printLabelsMultiline } from './format'
import { LEVEL_0, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']

type CharClass = 1 | 2 | 3 | 4

function charClass(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return 1
  if (/\p{Lu}/u.test(ch)) return 2
  if (/\p{Nd}/u.test(ch)) return 3
  return 4
}

/** fatih/camelcase Split: runs of one character class, an upper-case letter moving onto the lower-case run after it. */
export function camelcaseSplit(src: string): string[] {
  const runs: string[][] = []
  let last = 0
  for (const ch of src) {
    const c = charClass(ch)
    if (c === last) runs[runs.length - 1]!.push(ch)
    else runs.push([ch])
    last = c
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i]![0]!) === 2 && charClass(runs[i + 1]![0]!) === 1) {
      runs[i + 1]!.unshift(runs[i]!.pop()!)
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''))
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID'])

/** smartLabelFor: "apiVersion" -> "API Version"; fields with digits or symbols stay as they are. */
export function smartLabelFor(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field
  return camelcaseSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.replace(/(^|[^\p{L}])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())))
    .join(' ')
}

/** Go's %v of a JSON value. */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  return String(v)
}

function goSort(keys: string[]): string[] {
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of goSort(Object.keys(content))) {
    const value = content[field]
    const path = `${prefix}.${field}`
    if (SKIP.includes(path)) continue
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`)
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path)
        else w.write(level + 1, `${goValue(child)}\n`)
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`)
      printContent(w, level + 1, value as Record<string, unknown>, path)
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`)
    }
  }
}

export function describeGeneric(ctx: DescribeContext, obj: KubeObject, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  printContent(w, LEVEL_0, obj as Record<string, unknown>, '')
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
