/**
 * PodDisruptionBudget helpers shared by the disruption controller and the eviction handler
 * (k8s.io/component-helpers/apps/poddisruptionbudget and apimachinery's SetStatusCondition).
 */

import { rfc3339 } from '../machinery/time'
import type { KubeObject } from './types'

export const DISRUPTION_ALLOWED_CONDITION = 'DisruptionAllowed'
export const SUFFICIENT_PODS_REASON = 'SufficientPods'
export const INSUFFICIENT_PODS_REASON = 'InsufficientPods'
export const SYNC_FAILED_REASON = 'SyncFailed'
/** policyv1.DisruptionBudgetCause: the cause type of a refused eviction. */
export const DISRUPTION_BUDGET_CAUSE = 'DisruptionBudget'

export interface MetaCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  observedGeneration?: number
  lastTransitionTime: string
  reason: string
  message: string
}

export interface PDBStatus {
  observedGeneration?: number
  disruptedPods?: Record<string, string>
  disruptionsAllowed: number
  currentHealthy: number
  desiredHealthy: number
  expectedPods: number
  conditions?: MetaCondition[]
}

export interface PDBSpec {
  minAvailable?: number | string
  maxUnavailable?: number | string
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] }
  unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow'
}

export function pdbStatus(pdb: KubeObject): PDBStatus {
  return (pdb.status ?? { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }) as PDBStatus
}

/** meta.SetStatusCondition: the transition time moves only when the status changes. */
export function setStatusCondition(list: MetaCondition[], c: Omit<MetaCondition, 'lastTransitionTime'>, now: number): void {
  const existing = list.find((x) => x.type === c.type)
  if (!existing) {
    list.push({ ...c, lastTransitionTime: rfc3339(now) })
    return
  }
  if (existing.status !== c.status) {
    existing.status = c.status
    existing.lastTransitionTime = rfc3339(now)
  }
  existing.reason = c.reason
  existing.message = c.message
  existing.observedGeneration = c.observedGeneration
}

/** UpdateDisruptionAllowedCondition: True/SufficientPods while a disruption is allowed. */
export function updateDisruptionAllowedCondition(status: PDBStatus, now: number): void {
  status.conditions ??= []
  const allowed = status.disruptionsAllowed > 0
  setStatusCondition(
    status.conditions,
    {
      type: DISRUPTION_ALLOWED_CONDITION,
      status: allowed ? 'True' : 'False',
      reason: allowed ? SUFFICIENT_PODS_REASON : INSUFFICIENT_PODS_REASON,
      message: '',
      observedGeneration: status.observedGeneration,
    },
    now,
  )
}

/** ConditionsAreUpToDate */
export function conditionsAreUpToDate(pdb: KubeObject): boolean {
  const st = pdbStatus(pdb)
  const c = st.conditions?.find((x) => x.type === DISRUPTION_ALLOWED_CONDITION)
  if (!c || st.observedGeneration !== pdb.metadata.generation) return false
  if (st.disruptionsAllowed > 0) return c.status === 'True' && c.reason === SUFFICIENT_PODS_REASON
  return c.status === 'False' && c.reason === INSUFFICIENT_PODS_REASON
}

/** intstr.GetScaledValueFromIntOrPercent: an int as is, a percent of total, rounded as asked. */
export function scaledValue(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v
  const pct = parseInt(v.replace(/%$/, ''), 10)
  const exact = (pct * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}
