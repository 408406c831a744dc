/**
 * backoffLimitPerIndex for Indexed Jobs (pkg/controller/job/indexed_job_utils.go): each pod
 * carries how often its index failed before (batch.kubernetes.io/job-index-failure-count); an
 * index whose pod fails with that count at the limit, or by a FailIndex rule, is failed for
 * good (status.failedIndexes) and gets no more pods; each index backs off on its own.
 */

import type { KubeObject } from '../../api/types'
import { completionIndex, finishedTime, jspec, parseIndexes, podBackoff } from './job-utils'
import { matchPodFailurePolicy, podFailurePolicyOf } from './pod-failure-policy'

export const JOB_INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count'
export const JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-ignored-failure-count'

export const backoffLimitPerIndexOf = (job: KubeObject): number | undefined => (jspec(job) as { backoffLimitPerIndex?: number }).backoffLimitPerIndex
export const hasBackoffLimitPerIndex = (job: KubeObject): boolean => backoffLimitPerIndexOf(job) !== undefined

function annotationCount(pod: KubeObject, key: string): number {
  const v = pod.metadata.annotations?.[key]
  return v && /^\d+$/.test(v) ? parseInt(v, 10) : 0
}

/** isIndexFailed: a FailIndex rule matched, or a counted failure with the index's budget spent. */
function isIndexFailed(job: KubeObject, pod: KubeObject, isFailed: (p: KubeObject) => boolean): boolean {
  if (!isFailed(pod)) return false
  const m = matchPodFailurePolicy(podFailurePolicyOf(job), pod)
  if (m.action === 'FailIndex') return true
  return m.countFailed && annotationCount(pod, JOB_INDEX_FAILURE_COUNT_ANNOTATION) >= (backoffLimitPerIndexOf(job) ?? 0)
}

/** calculateFailedIndexes: those already recorded plus any newly failed for good. */
export function calculateFailedIndexes(job: KubeObject, pods: KubeObject[], recorded: string | undefined, isFailed: (p: KubeObject) => boolean): Set<number> {
  const completions = jspec(job).completions ?? 0
  const out = parseIndexes(recorded)
  for (const p of pods) {
    const ix = completionIndex(p)
    if (ix !== undefined && ix < completions && isIndexFailed(job, p, isFailed)) out.add(ix)
  }
  return out
}

/** The index's last failed pod: the one a new pod replaces. */
export function lastFailedPod(pods: KubeObject[], index: number, isFailed: (p: KubeObject) => boolean, now: number): KubeObject | undefined {
  let last: KubeObject | undefined
  for (const p of pods) {
    if (completionIndex(p) !== index || !isFailed(p)) continue
    if (!last || finishedTime(p, now) >= finishedTime(last, now)) last = p
  }
  return last
}

/** getNewIndexFailureCounts: the replaced pod's counts plus its own failure. */
export function newIndexFailureCounts(job: KubeObject, replaced: KubeObject | undefined): { failures: number; ignored: number } {
  if (!replaced) return { failures: 0, ignored: 0 }
  let failures = annotationCount(replaced, JOB_INDEX_FAILURE_COUNT_ANNOTATION)
  let ignored = annotationCount(replaced, JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION)
  if (matchPodFailurePolicy(podFailurePolicyOf(job), replaced).countFailed) failures++
  else ignored++
  return { failures, ignored }
}

/** getRemainingTimePerIndex: the index's own back-off after its last failure. */
export function remainingTimePerIndex(replaced: KubeObject | undefined, now: number): number {
  if (!replaced) return 0
  const count = annotationCount(replaced, JOB_INDEX_FAILURE_COUNT_ANNOTATION) + annotationCount(replaced, JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION) + 1
  return podBackoff(count, finishedTime(replaced, now), now)
}
