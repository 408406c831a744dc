/** Deployment helpers (pkg/controller/deployment/util). */

import type { KubeObject } from '../../api/types'
import { canonicalJSON } from '../../machinery/hash'

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas'
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history'
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'
export const DEFAULT_POD_TEMPLATE_HASH_LABEL = 'pod-template-hash'

export interface DeploymentSpec {
  replicas?: number
  paused?: boolean
  minReadySeconds?: number
  progressDeadlineSeconds?: number
  revisionHistoryLimit?: number
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }
  template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown }
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } }
}

export function dspec(d: KubeObject): DeploymentSpec {
  return d.spec as DeploymentSpec
}

export function replicasOf(rs: KubeObject): number {
  return (rs.spec as { replicas?: number }).replicas ?? 0
}

export function statusOf(rs: KubeObject): { replicas?: number; readyReplicas?: number; availableReplicas?: number } {
  return (rs.status as never) ?? {}
}

/** intstr "25%" or 1 against a total; percentages round up (surge) or down (unavailable). */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0
  if (typeof v === 'number') return v
  const m = /^(\d+)%$/.exec(v)
  if (!m) return parseInt(v, 10) || 0
  const x = (parseInt(m[1]!, 10) * total) / 100
  return roundUp ? Math.ceil(x) : Math.floor(x)
}

/** ResolveFenceposts: if both come to 0, maxUnavailable is 1. */
export function resolveFenceposts(d: KubeObject): { maxSurge: number; maxUnavailable: number } {
  const s = dspec(d)
  const replicas = s.replicas ?? 1
  const ru = s.strategy?.rollingUpdate
  const maxSurge = scaledValue(ru?.maxSurge ?? '25%', replicas, true)
  let maxUnavailable = scaledValue(ru?.maxUnavailable ?? '25%', replicas, false)
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1
  return { maxSurge, maxUnavailable }
}

export function maxSurgeOf(d: KubeObject): number {
  return dspec(d).strategy?.type === 'RollingUpdate' ? resolveFenceposts(d).maxSurge : 0
}

export function maxUnavailableOf(d: KubeObject): number {
  const s = dspec(d)
  if (s.strategy?.type !== 'RollingUpdate' || (s.replicas ?? 1) === 0) return 0
  return Math.min(resolveFenceposts(d).maxUnavailable, s.replicas ?? 1)
}

/** Templates equal once the pod-template-hash label is ignored (EqualIgnoreHash). */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown) => {
    const c = JSON.parse(JSON.stringify(t ?? {})) as { metadata?: { labels?: Record<string, string> } }
    if (c.metadata?.labels) {
      delete c.metadata.labels[DEFAULT_POD_TEMPLATE_HASH_LABEL]
      if (!Object.keys(c.metadata.labels).length) delete c.metadata.labels
    }
    return canonicalJSON(c)
  }
  return strip(a) === strip(b)
}

export function revisionOf(rs: KubeObject): number {
  return parseInt(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '0', 10) || 0
}

export function sumReplicas(rss: KubeObject[]): number {
  return rss.reduce((n, rs) => n + replicasOf(rs), 0)
}

export function sumStatus(rss: KubeObject[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + (statusOf(rs)[field] ?? 0), 0)
}

export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta !== tb) return ta < tb ? -1 : 1
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1
}
