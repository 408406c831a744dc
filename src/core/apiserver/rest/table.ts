/**
 * `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the server-side printers turn
 * objects into a meta.k8s.io/v1 Table; includeObject picks what each row carries
 * (None, Metadata = PartialObjectMetadata, the default, or the whole Object).
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { newBadRequest } from '../../machinery/errors'
import { newNotAcceptable } from './errors'
import { buildTable, printerFor, type PrintContext } from '../printers'

export type IncludeObject = 'None' | 'Metadata' | 'Object'

/** Which representation the Accept header asks for: a Table, or plain JSON. */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false
  return accept.split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim())
    return params.includes('as=Table') && params.includes('g=meta.k8s.io') && (params.includes('v=v1') || params.includes('v=v1beta1'))
  })
}

/** Whether the client accepts something we can send: JSON (plain, or as a Table). */
export function checkAccept(accept: string | undefined): void {
  if (!accept) return
  const ok = accept.split(',').some((part) => {
    const media = part.split(';')[0]!.trim()
    return media === 'application/json' || media === '*/*' || media === 'application/*' || media === 'application/yaml'
  })
  if (!ok) throw newNotAcceptable()
}

export function parseIncludeObject(value: string | undefined): IncludeObject {
  if (value === undefined || value === '') return 'Metadata'
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value
  throw newBadRequest(`unable to find a valid includeObject value: ${value}`)
}

export function toTable(t: ResourceType, objs: KubeObject[], ctx: PrintContext, resourceVersion: string, include: IncludeObject, noHeaders = false): unknown {
  const table = buildTable(printerFor(t), objs, ctx, resourceVersion)
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: noHeaders ? null : table.columnDefinitions,
    rows: table.rows.map((r) => {
      const row: Record<string, unknown> = { cells: r.cells }
      if (include === 'Object') row.object = r.object
      else if (include === 'Metadata') row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: r.object.metadata }
      return row
    }),
  }
}
