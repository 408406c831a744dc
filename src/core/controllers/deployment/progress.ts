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

/**
 * SetDeploymentCondition: a condition with the same status and reason is left alone (message
 * and times included); otherwise it replaces the old one at the end of the list, keeping
 * lastTransitionTime when only the reason changed.
 */
export function setCondition(conds: Condition[], c: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>, now: number): Condition[] {
  const existing = conds.find((x) => x.type === c.type)
  if (existing && existing.status === c.status && existing.reason === c.reason) return conds
  const t = rfc3339(now)
  const next: Condition = { ...c, lastUpdateTime: t, lastTransitionTime: existing && existing.status === c.status ? existing.lastTransitionTime : t }
  return [...conds.filter((x) => x.type !== c.type), next]
}

/** The Progressing special case of syncRolloutStatus: progress refreshes lastUpdateTime even with the same reason. */
export function replaceCondition(conds: Condition[], c: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>, now: number): Condition[] {
  const existing = conds.find((x) => x.type === c.type)
  const t = rfc3339(now)
  const next: Condition = { ...c, lastUpdateTime: t, lastTransitionTime: existing && existing.status === c.status ? existing.lastTransitionTime : t }
  return [...conds.filter((x) => x.type !== c.type), next]
}

/** calculateStatus */
export function computeStatus(d: KubeObject, all: KubeObject[], newRS: KubeObject | undefined, now: number): Record<string, unknown> {
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
  // calculateStatus copies the conditions and refreshes Available.
  const conds = ((d.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).slice()
  status.conditions = setCondition(conds, availableCondition(d, all), now)
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
/** DeploymentProgressing: any count moved towards the goal since the last status. */
export function deploymentProgressing(d: KubeObject, next: Record<string, unknown>): boolean {
  const old = (d.status ?? {}) as Record<string, number | undefined>
  const n = (k: string) => (next[k] as number | undefined) ?? 0
  const o = (k: string) => old[k] ?? 0
  return (
    n('updatedReplicas') > o('updatedReplicas') ||
    n('replicas') - n('updatedReplicas') < o('replicas') - o('updatedReplicas') ||
    n('readyReplicas') > o('readyReplicas') ||
    n('availableReplicas') > o('availableReplicas')
  )
}

export function deploymentComplete(d: KubeObject, status: Record<string, unknown>): boolean {
  const replicas = dspec(d).replicas ?? 1
  return (
    ((status.updatedReplicas as number) ?? 0) === replicas &&
    ((status.replicas as number) ?? 0) === replicas &&
    ((status.availableReplicas as number) ?? 0) === replicas &&
    ((status.observedGeneration as number) ?? 0) >= (d.metadata.generation ?? 0)
  )
}

/** DeploymentTimedOut, judged on the conditions about to be written. */
export function progressDeadlineExceeded(d: KubeObject, conds: Condition[], now: number): boolean {
  const deadline = dspec(d).progressDeadlineSeconds
  const p = conds.find((c) => c.type === 'Progressing')
  if (!deadline || !p) return false
  if (p.reason === 'NewReplicaSetAvailable') return false
  if (p.reason === 'ProgressDeadlineExceeded') return true
  const from = parseTime(p.lastUpdateTime) ?? now
  return from + deadline * 1000 < now
}
