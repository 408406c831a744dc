/**
 * ResourceQuota admission (staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota):
 * a new pod must name every compute resource a quota of its namespace limits, and must fit
 * in what is left. Usage is counted from the namespace's live pods, which is what the quota
 * controller's status.used converges to.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs and quotas are free-form */
import type { KubeObject } from '../../api/types'
import { newForbidden } from '../../machinery/errors'
import { formatBytes, formatMilliCPU, parseQuantity } from '../../machinery/quantity'
import type { AdmissionPlugin } from './chain'

/** The resources for which every container must state a value (podEvaluator.Constraints). */
const MUST_SPECIFY = ['cpu', 'limits.cpu', 'limits.memory', 'memory', 'requests.cpu', 'requests.memory']

function containerValue(c: any, resource: string): string | number | undefined {
  const [kind, name] = resource.includes('.') ? resource.split('.') : ['requests', resource]
  return c?.resources?.[kind!]?.[name!]
}

/** A pod's usage of a quota resource, in base units (cores, bytes, count). */
function podUsage(pod: KubeObject, resource: string): number {
  if (resource === 'pods') return 1
  if (!MUST_SPECIFY.includes(resource)) return 0
  let sum = 0
  for (const c of ((pod.spec as any)?.containers ?? []) as any[]) {
    const v = containerValue(c, resource)
    if (v !== undefined) sum += parseQuantity(v)
  }
  return sum
}

function show(resource: string, value: number): string {
  if (resource.endsWith('cpu')) return formatMilliCPU(Math.round(value * 1000))
  if (resource.endsWith('memory')) return formatBytes(Math.round(value))
  return String(value)
}

const list = (entries: [string, string][]) =>
  entries
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')

export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a) {
    if (a.operation !== 'CREATE' || a.resource.plural !== 'pods' || a.resource.group || a.subresource) return
    const ns = a.object.metadata.namespace
    const quotas = a.api.list(a.api.registry.forGroupResource('', 'resourcequotas')!, { namespace: ns }).items
    if (!quotas.length) return
    const pods = a.api.list(a.resource, { namespace: ns }).items.filter((p) => !['Succeeded', 'Failed'].includes((p.status as any)?.phase))
    const containers = ((a.object.spec as any)?.containers ?? []) as any[]
    for (const q of quotas) {
      const hard = ((q.spec as any)?.hard ?? {}) as Record<string, string | number>
      const missing = MUST_SPECIFY.filter((r) => r in hard)
        .map((r) => [r, containers.filter((c) => containerValue(c, r) === undefined).map((c) => c.name).sort()] as const)
        .filter(([, names]) => names.length)
      if (missing.length) {
        const what = missing.map(([r, names]) => `${r} for: ${names.join(',')}`).join('; ')
        throw newForbidden('pods', '', a.object.metadata.name ?? '', `failed quota: ${q.metadata.name}: must specify ${what}`)
      }
      const exceeded = Object.keys(hard).filter((r) => {
        const used = pods.reduce((s, p) => s + podUsage(p, r), 0)
        const requested = podUsage(a.object, r)
        return requested > 0 && used + requested > parseQuantity(hard[r]!) + 1e-9
      })
      if (exceeded.length) {
        const requested = list(exceeded.map((r) => [r, show(r, podUsage(a.object, r))]))
        const used = list(exceeded.map((r) => [r, show(r, pods.reduce((s, p) => s + podUsage(p, r), 0))]))
        const limited = list(exceeded.map((r) => [r, String(hard[r])]))
        throw newForbidden('pods', '', a.object.metadata.name ?? '', `exceeded quota: ${q.metadata.name}, requested: ${requested}, used: ${used}, limited: ${limited}`)
      }
    }
  },
}
