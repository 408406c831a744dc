/** Pod helpers shared by controllers (pkg/controller/controller_utils.go, pkg/api/v1/pod). */

import type { KubeObject, OwnerReference } from '../../api/types'
import { clone } from '../../api/types'
import { parseTime } from '../../machinery/time'

interface Condition {
  type: string
  status: string
  lastTransitionTime?: string
}

export function podPhase(pod: KubeObject): string {
  return (pod.status as { phase?: string } | undefined)?.phase ?? 'Pending'
}

export function podCondition(pod: KubeObject, type: string): Condition | undefined {
  return ((pod.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).find((c) => c.type === type)
}

export function isPodReady(pod: KubeObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True'
}

/** Ready for at least minReadySeconds at `now`. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const c = podCondition(pod, 'Ready')
  if (c?.status !== 'True') return false
  if (!minReadySeconds) return true
  const since = parseTime(c.lastTransitionTime) ?? now
  return since + minReadySeconds * 1000 <= now
}

/** Not finished and not being deleted: counts towards a controller's replicas. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = podPhase(pod)
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

export function restartCount(pod: KubeObject): number {
  const cs = (pod.status as { containerStatuses?: { restartCount?: number }[] } | undefined)?.containerStatuses ?? []
  return cs.reduce((n, c) => n + (c.restartCount ?? 0), 0)
}

export function ownerRefFor(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
}

/** A pod for a controller from its template (GetPodFromTemplate). */
export function podFromTemplate(template: KubeObject['spec'] & object, owner: KubeObject, generateName: string): KubeObject {
  const t = clone(template) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] }; spec?: unknown }
  const metadata: KubeObject['metadata'] = {
    generateName,
    namespace: owner.metadata.namespace,
    labels: t.metadata?.labels ? { ...t.metadata.labels } : undefined,
    annotations: t.metadata?.annotations ? { ...t.metadata.annotations } : undefined,
    finalizers: t.metadata?.finalizers,
    ownerReferences: [ownerRefFor(owner)],
  }
  for (const k of Object.keys(metadata) as (keyof typeof metadata)[]) if (metadata[k] === undefined) delete metadata[k]
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: t.spec ?? {} }
}
