/**
 * LimitRanger (plugin/pkg/admission/limitranger): a pod's containers get the namespace's
 * LimitRange defaults for what they leave unset, then must stay within its min and max.
 * Refusals are 403 Forbidden, `pods "x" is forbidden: maximum cpu usage per Container is 800m,
 * but limit is 1500m` (several joined as `[a, b]`).
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs and limit ranges are free-form */
import { qosClass } from '../../api/defaults/pod'
import { newForbidden } from '../../machinery/errors'
import { parseQuantity } from '../../machinery/quantity'
import type { AdmissionAttributes, AdmissionPlugin } from './chain'

type ResourceList = Record<string, string | number>

function containerItems(a: AdmissionAttributes): any[] {
  const t = a.api.registry.forGroupResource('', 'limitranges')!
  const ranges = a.api.list(t, { namespace: a.object.metadata.namespace }).items
  return ranges.flatMap((lr) => ((lr.spec as any)?.limits ?? []).filter((item: any) => item?.type === 'Container'))
}

function applies(a: AdmissionAttributes): boolean {
  return a.resource.plural === 'pods' && !a.resource.group && !a.subresource && a.operation === 'CREATE'
}

function containersOf(pod: any): any[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].filter((c) => c && typeof c === 'object')
}

const show = (q: string | number) => String(q)

function minConstraint(name: string, enforced: string | number, req: ResourceList, lim: ResourceList): string | undefined {
  const min = parseQuantity(enforced)
  if (req[name] === undefined) return `minimum ${name} usage per Container is ${show(enforced)}.  No request is specified`
  if (parseQuantity(req[name]!) < min) return `minimum ${name} usage per Container is ${show(enforced)}, but request is ${show(req[name]!)}`
  if (lim[name] !== undefined && parseQuantity(lim[name]!) < min) return `minimum ${name} usage per Container is ${show(enforced)}, but limit is ${show(lim[name]!)}`
  return undefined
}

function maxConstraint(name: string, enforced: string | number, req: ResourceList, lim: ResourceList): string | undefined {
  const max = parseQuantity(enforced)
  if (lim[name] === undefined) return `maximum ${name} usage per Container is ${show(enforced)}.  No limit is specified`
  if (parseQuantity(lim[name]!) > max) return `maximum ${name} usage per Container is ${show(enforced)}, but limit is ${show(lim[name]!)}`
  if (req[name] !== undefined && parseQuantity(req[name]!) > max) return `maximum ${name} usage per Container is ${show(enforced)}, but request is ${show(req[name]!)}`
  return undefined
}

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  mutate(a) {
    if (!applies(a)) return
    const items = containerItems(a)
    for (const c of containersOf(a.object)) {
      c.resources ??= {}
      for (const item of items) {
        for (const [k, v] of Object.entries(item.default ?? {})) {
          c.resources.limits ??= {}
          c.resources.limits[k] ??= v
        }
        for (const [k, v] of Object.entries(item.defaultRequest ?? {})) {
          c.resources.requests ??= {}
          c.resources.requests[k] ??= v
        }
      }
    }
    // The QoS class follows the resources the pod ends up with.
    const status = (a.object.status ?? {}) as { qosClass?: string }
    if (items.length && status.qosClass) status.qosClass = qosClass(a.object.spec)
  },
  validate(a) {
    if (!applies(a)) return
    const errs: string[] = []
    for (const item of containerItems(a)) {
      for (const c of containersOf(a.object)) {
        const req: ResourceList = c.resources?.requests ?? {}
        const lim: ResourceList = c.resources?.limits ?? {}
        for (const [k, v] of Object.entries(item.min ?? {})) {
          const e = minConstraint(k, v as string, req, lim)
          if (e) errs.push(e)
        }
        for (const [k, v] of Object.entries(item.max ?? {})) {
          const e = maxConstraint(k, v as string, req, lim)
          if (e) errs.push(e)
        }
      }
    }
    if (errs.length) throw newForbidden('pods', '', a.object.metadata.name ?? '', errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`)
  },
}
