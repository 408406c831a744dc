/**
 * Field selectors (`--field-selector status.phase=Running,spec.nodeName!=node-1`). Each kind
 * supports metadata.name and metadata.namespace; a few add their own fields, as upstream's
 * GetAttrs functions do. An unsupported field is a 400 with upstream's wording.
 */

import type { KubeObject } from '../api/types'
import { newBadRequest } from '../machinery/errors'

export interface FieldRequirement {
  field: string
  op: '=' | '!='
  value: string
}

const EXTRA_FIELDS: Record<string, Record<string, (o: KubeObject) => string>> = {
  Pod: {
    'spec.nodeName': (o) => String((o.spec as { nodeName?: string })?.nodeName ?? ''),
    'spec.restartPolicy': (o) => String((o.spec as { restartPolicy?: string })?.restartPolicy ?? ''),
    'spec.schedulerName': (o) => String((o.spec as { schedulerName?: string })?.schedulerName ?? ''),
    'spec.serviceAccountName': (o) => String((o.spec as { serviceAccountName?: string })?.serviceAccountName ?? ''),
    'status.phase': (o) => String((o.status as { phase?: string })?.phase ?? ''),
    'status.podIP': (o) => String((o.status as { podIP?: string })?.podIP ?? ''),
    'status.nominatedNodeName': (o) => String((o.status as { nominatedNodeName?: string })?.nominatedNodeName ?? ''),
  },
  Event: {
    'involvedObject.kind': (o) => String((o.involvedObject as Record<string, string>)?.kind ?? ''),
    'involvedObject.name': (o) => String((o.involvedObject as Record<string, string>)?.name ?? ''),
    'involvedObject.namespace': (o) => String((o.involvedObject as Record<string, string>)?.namespace ?? ''),
    'involvedObject.uid': (o) => String((o.involvedObject as Record<string, string>)?.uid ?? ''),
    'involvedObject.fieldPath': (o) => String((o.involvedObject as Record<string, string>)?.fieldPath ?? ''),
    'involvedObject.resourceVersion': (o) => String((o.involvedObject as Record<string, string>)?.resourceVersion ?? ''),
    'involvedObject.apiVersion': (o) => String((o.involvedObject as Record<string, string>)?.apiVersion ?? ''),
    reason: (o) => String(o.reason ?? ''),
    reportingComponent: (o) => String(o.reportingComponent ?? ''),
    source: (o) => String((o.source as { component?: string })?.component ?? ''),
    type: (o) => String(o.type ?? ''),
  },
  Node: { 'spec.unschedulable': (o) => String(Boolean((o.spec as { unschedulable?: boolean })?.unschedulable)) },
  Namespace: { 'status.phase': (o) => String((o.status as { phase?: string })?.phase ?? '') },
  Secret: { type: (o) => String(o.type ?? '') },
  ReplicaSet: { 'status.replicas': (o) => String((o.status as { replicas?: number })?.replicas ?? 0) },
  Job: { 'status.successful': (o) => String((o.status as { succeeded?: number })?.succeeded ?? 0) },
}

export function parseFieldSelector(text: string): FieldRequirement[] {
  if (!text.trim()) return []
  return text.split(',').map((part) => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part)
    if (!m) throw newBadRequest(`invalid selector: '${text}'; can't understand '${part}'`)
    return { field: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]! }
  })
}

export function fieldValue(obj: KubeObject, field: string): string | undefined {
  if (field === 'metadata.name') return obj.metadata.name ?? ''
  if (field === 'metadata.namespace') return obj.metadata.namespace ?? ''
  return EXTRA_FIELDS[obj.kind]?.[field]?.(obj)
}

/** Checks that every field is supported for the kind; throws upstream's 400 otherwise. */
export function checkFieldSelector(kind: string, apiVersion: string, reqs: FieldRequirement[]): void {
  for (const r of reqs) {
    if (r.field === 'metadata.name' || r.field === 'metadata.namespace') continue
    if (!EXTRA_FIELDS[kind]?.[r.field]) {
      throw newBadRequest(`field label not supported: ${r.field}`)
    }
  }
  void apiVersion
}

export function matchesFields(obj: KubeObject, reqs: FieldRequirement[]): boolean {
  for (const r of reqs) {
    const v = fieldValue(obj, r.field) ?? ''
    if (r.op === '=' ? v !== r.value : v === r.value) return false
  }
  return true
}
