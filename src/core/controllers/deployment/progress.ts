/**
 * Deployment status and conditions (sync.go syncRolloutStatus, progress.go): Available and
 * Progressing with upstream's reasons and messages, and the progress deadline.
 */

import type { KubeObject } from '../../api/types'
import { parseTime, rfc3339 } from '../../machinery/time'
import { dspec, maxUnavailableOf, statusOf, sumReplicas, sumStatus } from './util'

export interface Condition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  lastUpdateTime: string
  lastTransitionTime: string
  reason: string
  message: string
}

export function getCondition(d: KubeObject, type: string): Condition | undefined {
  return ((d.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).find((c) => c.type === type)
}

/** Sets a condition, keeping lastTransitionTime when the status does not change. */
export function setCondition(conds: Condition[], c: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>, now: number): Condition[] {
  const existing = conds.find((x) => x.type === c.type)
  if (existing && existing.status === c.status && existing.reason === c.reason) {
    // Same state: only the message and lastUpdateTime refresh (as SetDeploymentCondition keeps it).
    if (existing.message === c.message) return conds
  }
  const t = rfc3339(now)
  const next: Condition = {
    ...c,
    lastUpdateTime: t,
    lastTransitionTime: existing && existing.status === c.status ? existing.lastTransitionTime : t,
  }
  // Available comes first in upstream's status, then Progressing, then the rest.
  const order = (type: string) => (type === 'Available' ? 0 : type === 'Progressing' ? 1 : 2)
  return [...conds.filter((x) => x.type !== c.type), next].sort((a, b) => order(a.type) - order(b.type))
}

export function computeStatus(d: KubeObject, all: KubeObject[], newRS: KubeObject | undefined): Record<string, unknown> {
  const replicas = dspec(d).replicas ?? 1
  const available = sumStatus(all, 'availableReplicas')
  const total = sumStatus(all, 'replicas')
  const status: Record<string, unknown> = {
    observedGeneration: d.metadata.generation,
    replicas: total,
    updatedReplicas: newRS ? statusOf(newRS).replicas ?? 0 : 0,
    readyReplicas: sumStatus(all, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, sumReplicas(all) - available),
  }
  const prev = (d.status as { collisionCount?: number } | undefined)?.collisionCount
  if (prev) status.collisionCount = prev
  // Upstream's omitempty drops zero counts.
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (!status[k]) delete status[k]
  void replicas
  return status
}

export function availableCondition(d: KubeObject, all: KubeObject[]): Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'> {
  const replicas = dspec(d).replicas ?? 1
  const minAvailable = replicas - maxUnavailableOf(d)
  return sumStatus(all, 'availableReplicas') >= minAvailable
    ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
    : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' }
}

/** DeploymentComplete: every replica updated and available, no old ones left. */
export function deploymentComplete(d: KubeObject, status: Record<string, unknown>): boolean {
  const replicas = dspec(d).replicas ?? 1
  return (
    ((status.updatedReplicas as number) ?? 0) === replicas &&
    ((status.replicas as number) ?? 0) === replicas &&
    ((status.availableReplicas as number) ?? 0) === replicas &&
    ((status.observedGeneration as number) ?? 0) >= (d.metadata.generation ?? 0)
  )
}

export function progressDeadlineExceeded(d: KubeObject, now: number): boolean {
  const deadline = dspec(d).progressDeadlineSeconds
  const p = getCondition(d, 'Progressing')
  if (!deadline || !p) return false
  if (p.reason === 'NewReplicaSetAvailable') return false
  if (p.reason === 'ProgressDeadlineExceeded') return true
  const from = parseTime(p.lastUpdateTime) ?? now
  return from + deadline * 1000 < now
}
