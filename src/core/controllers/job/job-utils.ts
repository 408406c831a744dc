/**
 * Job helpers (pkg/controller/job: utils.go, backoff_utils.go, indexed_job_utils.go): which
 * pods count as failed, the pod-failure back-off, completion indexes and their ranges.
 */

import type { KubeObject } from '../../api/types'
import { parseTime, rfc3339 } from '../../machinery/time'
import { podPhase } from '../controller-utils/pods'

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 10 * 60_000
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking'
export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index'

export interface JobSpec {
  parallelism?: number
  completions?: number
  backoffLimit?: number
  activeDeadlineSeconds?: number
  ttlSecondsAfterFinished?: number
  completionMode?: string
  suspend?: boolean
  podReplacementPolicy?: string
  selector?: unknown
  template?: { metadata?: Record<string, unknown>; spec?: { restartPolicy?: string; containers?: { env?: unknown[] }[]; hostname?: string } }
}

export interface JobCondition {
  type: string
  status: string
  lastProbeTime: string
  lastTransitionTime: string
  reason?: string
  message?: string
}

export interface JobStatus {
  conditions?: JobCondition[]
  startTime?: string
  completionTime?: string
  active?: number
  succeeded?: number
  failed?: number
  terminating?: number
  ready?: number
  completedIndexes?: string
  failedIndexes?: string
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] }
}

export const jspec = (j: KubeObject) => j.spec as JobSpec
export const jstatus = (j: KubeObject) => (j.status ?? {}) as JobStatus

export function findCondition(j: KubeObject | JobStatus, type: string): JobCondition | undefined {
  const st = 'metadata' in j ? jstatus(j as KubeObject) : (j as JobStatus)
  return (st.conditions ?? []).find((c) => c.type === type && c.status === 'True')
}

/** IsJobFinished: a Complete or Failed condition that is True. */
export function isJobFinished(j: KubeObject): boolean {
  return !!(findCondition(j, 'Complete') || findCondition(j, 'Failed'))
}

export function newCondition(type: string, reason: string, message: string, now: number): JobCondition {
  const t = rfc3339(now)
  return { type, status: 'True', lastProbeTime: t, lastTransitionTime: t, reason, message }
}

export const isIndexed = (j: KubeObject) => jspec(j).completionMode === 'Indexed'

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded. */
export function isPodFailed(p: KubeObject, job: KubeObject): boolean {
  if (podPhase(p) === 'Failed') return true
  // onlyReplaceFailedPods: with a pod failure policy a pod is judged only once it has failed.
  if (jspec(job).podReplacementPolicy === 'Failed' || (jspec(job) as { podFailurePolicy?: unknown }).podFailurePolicy) return false
  return !!p.metadata.deletionTimestamp && podPhase(p) !== 'Succeeded'
}

export function isTerminating(p: KubeObject): boolean {
  const phase = podPhase(p)
  return !!p.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded'
}

/** getFinishedTime: the last container's finish, else when it was deleted, else now. */
export function finishedTime(p: KubeObject, now: number): number {
  const cs = (p.status as { containerStatuses?: { state?: { terminated?: { finishedAt?: string } } }[] } | undefined)?.containerStatuses ?? []
  let t: number | undefined
  for (const c of cs) {
    const f = parseTime(c.state?.terminated?.finishedAt)
    if (f !== undefined && (t === undefined || f > t)) t = f
  }
  return t ?? parseTime(p.metadata.deletionTimestamp) ?? now
}

/**
 * The back-off before new pods (getRemainingTimeForFailuresCount): 10s doubling per failure
 * since the last success, capped at 10 minutes, counted from the last failure. Worked out
 * from the pods themselves, so a restarted controller keeps it. `counts` leaves out failures
 * the pod failure policy ignores.
 */
export function remainingBackoff(pods: KubeObject[], job: KubeObject, now: number, counts: (p: KubeObject) => boolean = () => true): number {
  let lastSuccess = -Infinity
  for (const p of pods) if (podPhase(p) === 'Succeeded') lastSuccess = Math.max(lastSuccess, finishedTime(p, now))
  let failures = 0
  let lastFailure = -Infinity
  for (const p of pods) {
    if (!isPodFailed(p, job) || !counts(p)) continue
    const t = finishedTime(p, now)
    if (t <= lastSuccess) continue
    failures++
    lastFailure = Math.max(lastFailure, t)
  }
  return podBackoff(failures, lastFailure, now)
}

/** getRemainingTimeForFailuresCount: what is left of the back-off after `failures` failures. */
export function podBackoff(failures: number, lastFailure: number, now: number): number {
  if (!failures) return 0
  let backoff = DEFAULT_JOB_POD_FAILURE_BACKOFF_MS
  for (let i = 1; i < failures; i++) {
    backoff *= 2
    if (backoff >= MAX_JOB_POD_FAILURE_BACKOFF_MS) {
      backoff = MAX_JOB_POD_FAILURE_BACKOFF_MS
      break
    }
  }
  const elapsed = now - lastFailure
  return backoff < elapsed ? 0 : backoff - elapsed
}

export function completionIndex(p: KubeObject): number | undefined {
  const v = p.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION]
  if (v === undefined || !/^\d+$/.test(v)) return undefined
  return parseInt(v, 10)
}

/** completedIndexes as the API writes it: "0-2,4,6-7". */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`)
    i = j + 1
  }
  return parts.join(',')
}

export function parseIndexes(text: string | undefined): Set<number> {
  const out = new Set<number>()
  for (const part of (text ?? '').split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part)
    if (!m) continue
    const a = parseInt(m[1]!, 10)
    const b = m[2] ? parseInt(m[2], 10) : a
    for (let i = a; i <= b; i++) out.add(i)
  }
  return out
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts count as failures. */
export function pastBackoffLimitOnFailure(job: KubeObject, pods: KubeObject[]): boolean {
  if (jspec(job).template?.spec?.restartPolicy !== 'OnFailure') return false
  let restarts = 0
  for (const p of pods) {
    const phase = podPhase(p)
    if (phase !== 'Running' && phase !== 'Pending') continue
    const st = p.status as { containerStatuses?: { restartCount?: number }[]; initContainerStatuses?: { restartCount?: number }[] } | undefined
    for (const c of [...(st?.initContainerStatuses ?? []), ...(st?.containerStatuses ?? [])]) restarts += c.restartCount ?? 0
  }
  const limit = jspec(job).backoffLimit ?? 6
  return limit === 0 ? restarts > 0 : restarts >= limit
}

/**
 * ensureJobConditionStatus: set a condition's status, reason and message (a False condition
 * is never added, only updated). Returns whether anything changed.
 */
export function ensureJobConditionStatus(st: JobStatus, type: string, status: 'True' | 'False', reason: string, message: string, now: number): boolean {
  const conds = (st.conditions ??= [])
  const t = rfc3339(now)
  const c = conds.find((x) => x.type === type)
  if (!c) {
    if (status === 'False') return false
    conds.push({ type, status, lastProbeTime: t, lastTransitionTime: t, reason, message })
    return true
  }
  if (c.status === status && c.reason === reason && c.message === message) return false
  if (c.status !== status) c.lastTransitionTime = t
  Object.assign(c, { status, reason, message, lastProbeTime: t })
  return true
}
