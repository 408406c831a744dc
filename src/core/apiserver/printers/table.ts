/**
 * Server-side table printing (pkg/printers): the API server answers `Accept: ...;as=Table`
 * with column definitions and one row of cells per object, and kubectl only lays it out.
 * Our kubectl asks for the same Table, so its columns are the API server's, as upstream's are.
 */

import type { KubeObject } from '../../api/types'
import { humanDuration } from '../../machinery/duration'
import { parseTime } from '../../machinery/time'

export interface TableColumnDefinition {
  name: string
  type: string
  format: string
  description: string
  priority: number
}

export interface TableRow {
  cells: (string | number | boolean)[]
  object: KubeObject
}

export interface Table {
  kind: 'Table'
  apiVersion: 'meta.k8s.io/v1'
  metadata: { resourceVersion: string }
  columnDefinitions: TableColumnDefinition[]
  rows: TableRow[]
}

export interface PrintContext {
  now: number
  /** Other objects a printer may consult (e.g. a pod's node). */
  lookup?(group: string, plural: string, namespace: string | undefined, name: string): KubeObject | undefined
}

export interface Printer {
  columns: TableColumnDefinition[]
  row(obj: KubeObject, ctx: PrintContext): (string | number | boolean)[]
}

export function col(name: string, type: string, priority = 0, format = '', description = ''): TableColumnDefinition {
  return { name, type, format, description, priority }
}

export function age(obj: KubeObject, now: number): string {
  const t = parseTime(obj.metadata.creationTimestamp)
  return t === undefined ? '<unknown>' : humanDuration(now - t)
}

export function translateTimestampSince(ts: string | undefined | null, now: number): string {
  const t = parseTime(ts ?? undefined)
  return t === undefined ? '<unknown>' : humanDuration(now - t)
}

/** The default table for kinds without a printer: NAME and CREATED AT. */
export const defaultPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Created At', 'date')],
  row: (o) => [o.metadata.name ?? '', o.metadata.creationTimestamp ?? ''],
}

export function buildTable(printer: Printer, objs: KubeObject[], ctx: PrintContext, resourceVersion: string): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: printer.columns,
    rows: objs.map((o) => ({ cells: printer.row(o, ctx), object: o })),
  }
}
