/**
 * Printers of the policy-like kinds: HorizontalPodAutoscaler, PodDisruptionBudget,
 * RoleBinding / ClusterRoleBinding, ResourceQuota, PriorityClass, ControllerRevision and
 * ComponentStatus.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- printers read free-form objects */
import { quantityString } from '../../machinery/quantity-string'
import { age, col, type Printer } from './table'

/** One metric's "current/target" text (formatHPAMetrics). */
function metricText(spec: any, status: any): string {
  const q = (v: unknown) => quantityString(v as string)
  switch (spec.type) {
    case 'External':
    case 'Object': {
      const key = spec.type === 'External' ? 'external' : 'object'
      const target = spec[key]?.target ?? {}
      const cur = status?.[key]?.current
      if (target.averageValue !== undefined) return `${cur?.averageValue !== undefined ? q(cur.averageValue) : '<unknown>'}/${q(target.averageValue)} (avg)`
      return `${cur ? q(cur.value) : '<unknown>'}/${q(target.value)}`
    }
    case 'Pods':
      return `${status?.pods ? q(status.pods.current?.averageValue) : '<unknown>'}/${q(spec.pods?.target?.averageValue)}`
    case 'Resource':
    case 'ContainerResource': {
      const key = spec.type === 'Resource' ? 'resource' : 'containerResource'
      const s = spec[key] ?? {}
      const cur = status?.[key]
      if (s.target?.averageValue !== undefined) return `${s.name}: ${cur ? q(cur.current?.averageValue) : '<unknown>'}/${q(s.target.averageValue)}`
      const current = cur?.current?.averageUtilization !== undefined ? `${cur.current.averageUtilization}%` : '<unknown>'
      const target = s.target?.averageUtilization !== undefined ? `${s.target.averageUtilization}%` : '<auto>'
      return `${s.name}: ${current}/${target}`
    }
  }
  return '<unknown type>'
}

export function formatHPAMetrics(specs: any[] | undefined, statuses: any[] | undefined): string {
  if (!specs?.length) return '<none>'
  const list = specs.map((s, i) => metricText(s, statuses?.[i]))
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`
  return list.join(', ')
}

export const horizontalPodAutoscalerPrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Reference', 'string'),
    col('Targets', 'string'),
    col('MinPods', 'string'),
    col('MaxPods', 'string'),
    col('Replicas', 'string'),
    col('Age', 'string'),
  ],
  row(hpa: any, ctx) {
    const spec = hpa.spec ?? {}
    const ref = `${spec.scaleTargetRef?.kind ?? ''}/${spec.scaleTargetRef?.name ?? ''}`
    const min = spec.minReplicas === undefined || spec.minReplicas === null ? '<unset>' : String(spec.minReplicas)
    return [hpa.metadata.name, ref, formatHPAMetrics(spec.metrics, hpa.status?.currentMetrics), min, spec.maxReplicas ?? 0, hpa.status?.currentReplicas ?? 0, age(hpa, ctx.now)]
  },
}

export const podDisruptionBudgetPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Min Available', 'string'), col('Max Unavailable', 'string'), col('Allowed Disruptions', 'integer'), col('Age', 'string')],
  row(pdb: any, ctx) {
    const spec = pdb.spec ?? {}
    const text = (v: unknown) => (v === undefined || v === null ? 'N/A' : String(v))
    return [pdb.metadata.name, text(spec.minAvailable), text(spec.maxUnavailable), pdb.status?.disruptionsAllowed ?? 0, age(pdb, ctx.now)]
  },
}

/** SubjectsStrings: users, groups and service accounts ("ns/name") of a binding. */
function subjects(list: any[] | undefined): [string, string, string] {
  const users: string[] = []
  const groups: string[] = []
  const sas: string[] = []
  for (const s of list ?? []) {
    if (s.kind === 'User') users.push(s.name)
    else if (s.kind === 'Group') groups.push(s.name)
    else if (s.kind === 'ServiceAccount') sas.push(s.namespace ? `${s.namespace}/${s.name}` : s.name)
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')]
}

export const roleBindingPrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Role', 'string'),
    col('Age', 'string'),
    col('Users', 'string', 1),
    col('Groups', 'string', 1),
    col('ServiceAccounts', 'string', 1),
  ],
  row(rb: any, ctx) {
    return [rb.metadata.name, `${rb.roleRef?.kind ?? ''}/${rb.roleRef?.name ?? ''}`, age(rb, ctx.now), ...subjects(rb.subjects)]
  },
}

export const resourceQuotaPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Age', 'string'), col('Request', 'string'), col('Limit', 'string')],
  row(rq: any, ctx) {
    const hard = rq.status?.hard ?? {}
    const used = rq.status?.used ?? {}
    const request: string[] = []
    const limit: string[] = []
    for (const r of Object.keys(hard).sort()) {
      const text = `${r}: ${quantityString(used[r] ?? '0')}/${quantityString(hard[r])}`
      if (r.split('.').length > 1 && r.split('.')[0] === 'limits') limit.push(text)
      else request.push(text)
    }
    return [rq.metadata.name, age(rq, ctx.now), request.join(', '), limit.join(', ')]
  },
}

export const priorityClassPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Value', 'integer'), col('Global-Default', 'boolean'), col('Age', 'string'), col('PreemptionPolicy', 'string')],
  row: (pc: any, ctx) => [pc.metadata.name, pc.value ?? 0, pc.globalDefault ? 'true' : 'false', age(pc, ctx.now), pc.preemptionPolicy ?? ''],
}

export const controllerRevisionPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Controller', 'string'), col('Revision', 'string'), col('Age', 'string')],
  row(cr: any, ctx) {
    const ref = (cr.metadata.ownerReferences ?? []).find((r: any) => r.controller)
    let controller = '<none>'
    if (ref) {
      const group = String(ref.apiVersion ?? '').includes('/') ? String(ref.apiVersion).split('/')[0] : ''
      controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`
    }
    return [cr.metadata.name, controller, cr.revision ?? 0, age(cr, ctx.now)]
  },
}

export const componentStatusPrinter: Printer = {
  columns: [col('Name', 'string', 0, 'name'), col('Status', 'string'), col('Message', 'string'), col('Error', 'string')],
  row(cs: any) {
    const c = (cs.conditions ?? []).find((x: any) => x.type === 'Healthy')
    const status = !c ? 'Unknown' : c.status === 'True' ? 'Healthy' : 'Unhealthy'
    return [cs.metadata.name, status, c?.message ?? '', c?.error ?? '']
  },
}
