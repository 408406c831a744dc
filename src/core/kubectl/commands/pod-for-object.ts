/**
 * Which pod `kubectl logs` and `kubectl exec` talk to when given `TYPE/NAME` (kubectl's
 * polymorphichelpers: LogsForObject, AttachablePodForObject): the object's own pod, or the
 * first of the pods its selector matches, running and ready ones first.
 */

import type { KubeObject } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import { lookupType } from '../resource-args'

interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: { key: string; operator: string; values?: string[] }[]
}

/** A selector as a string the API's labelSelector accepts. */
export function selectorString(sel: LabelSelector | Record<string, string> | undefined, plain: boolean): string | undefined {
  if (!sel) return undefined
  if (plain) return Object.entries(sel as Record<string, string>).map(([k, v]) => `${k}=${v}`).join(',')
  const s = sel as LabelSelector
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`)
  for (const e of s.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`)
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`)
    else if (e.operator === 'Exists') parts.push(e.key)
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`)
  }
  return parts.join(',')
}

function rank(p: KubeObject): number[] {
  const st = (p.status ?? {}) as { phase?: string; conditions?: { type: string; status: string }[] }
  const assigned = (p.spec as { nodeName?: string }).nodeName ? 0 : 1
  const phase = st.phase === 'Running' ? 0 : st.phase === 'Unknown' ? 1 : st.phase === 'Pending' ? 2 : 3
  const ready = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1
  return [assigned, phase, ready]
}

/** Pods ordered as kubectl's podutils.ByLogging orders them: the best one to read first. */
export function sortForLogging(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => {
    const ra = rank(a)
    const rb = rank(b)
    for (let k = 0; k < ra.length; k++) if (ra[k] !== rb[k]) return ra[k]! - rb[k]!
    const ta = a.metadata.creationTimestamp ?? ''
    const tb = b.metadata.creationTimestamp ?? ''
    return ta < tb ? -1 : ta > tb ? 1 : (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1
  })
}

/** The object an argument names (`web`, `pod/web`, `deploy/web`); NotFound is thrown as the API's error. */
export function getObject(ctx: KubectlContext, arg: string): KubeObject {
  const slash = arg.indexOf('/')
  const type = lookupType(ctx.api, slash < 0 ? 'pods' : arg.slice(0, slash))
  return ctx.api.get(type, ctx.namespace, slash < 0 ? arg : arg.slice(slash + 1))
}

/** The pods behind a workload or service; the pod itself for a pod. */
export function podsForObject(ctx: KubectlContext, obj: KubeObject): KubeObject[] {
  if (obj.kind === 'Pod') return [obj]
  const spec = (obj.spec ?? {}) as { selector?: LabelSelector | Record<string, string> }
  const plain = obj.kind === 'Service' || obj.kind === 'ReplicationController'
  const selector = selectorString(spec.selector, plain)
  if (!selector) throw new KubectlError(`error: cannot get the logs from *v1.${obj.kind}: selector for ${obj.kind.toLowerCase()} not implemented`)
  const pods = ctx.api.list(ctx.api.registry.forGroupResource('', 'pods')!, { namespace: obj.metadata.namespace, labelSelector: selector }).items
  return sortForLogging(pods)
}
