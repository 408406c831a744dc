/** The pod a Job creates (manageJob): its template, the tracking finalizer, and for Indexed Jobs the index. */

import type { KubeObject } from '../../api/types'
import { podFromTemplate } from '../controller-utils/pods'
import { hasBackoffLimitPerIndex, JOB_INDEX_FAILURE_COUNT_ANNOTATION, JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION, newIndexFailureCounts } from './backoff-per-index'
import { JOB_COMPLETION_INDEX_ANNOTATION, JOB_TRACKING_FINALIZER, jspec } from './job-utils'

/**
 * A pod from the template, with the tracking finalizer and, for Indexed Jobs, its index (and,
 * with backoffLimitPerIndex, the index's failure counts carried over from `replaced`).
 */
export function podForJob(job: KubeObject, index: number | undefined, replaced?: KubeObject): KubeObject {
  const name = job.metadata.name!
  const pod = podFromTemplate(jspec(job).template as never, job, index === undefined ? `${name}-` : `${name}-${index}-`)
  pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER]
  if (index !== undefined) {
    pod.metadata.annotations = { ...pod.metadata.annotations, [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) }
    if (hasBackoffLimitPerIndex(job)) {
      // addIndexFailureCountAnnotation
      const { failures, ignored } = newIndexFailureCounts(job, replaced)
      pod.metadata.annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION] = String(failures)
      if (ignored > 0) pod.metadata.annotations[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION] = String(ignored)
    }
    pod.metadata.labels = { ...pod.metadata.labels, [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) }
    const spec = pod.spec as { hostname?: string; containers?: { env?: unknown[] }[]; initContainers?: { env?: unknown[] }[] }
    spec.hostname = `${name}-${index}`
    // addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the annotation.
    const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } }
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) c.env = [...(c.env ?? []), env]
  }
  return pod
}
