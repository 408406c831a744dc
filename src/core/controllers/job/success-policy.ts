/**
 * The Job success policy (pkg/controller/job/success_policy.go, beta in v1.31): an Indexed Job
 * meets its success criteria once a rule's succeededIndexes have all succeeded, or
 * succeededCount of them (or of all indexes) have.
 */

import type { KubeObject } from '../../api/types'
import { jspec, parseIndexes } from './job-utils'

export interface SuccessPolicy {
  rules: { succeededIndexes?: string; succeededCount?: number }[]
}

export const successPolicyOf = (job: KubeObject): SuccessPolicy | undefined => (jspec(job) as { successPolicy?: SuccessPolicy }).successPolicy

/** matchSuccessPolicy: the SuccessCriteriaMet message, or undefined. */
export function matchSuccessPolicy(job: KubeObject, succeeded: Set<number>): string | undefined {
  const policy = successPolicyOf(job)
  const completions = jspec(job).completions ?? 0
  if (!policy || !succeeded.size) return undefined
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    if (rule.succeededIndexes !== undefined) {
      const required = [...parseIndexes(rule.succeededIndexes)].filter((i) => i < completions)
      if (!required.length) continue
      const done = required.filter((i) => succeeded.has(i)).length
      if (rule.succeededCount === undefined ? done === required.length : done >= rule.succeededCount) return `Matched rules at index ${index}`
    } else if (rule.succeededCount !== undefined && succeeded.size >= rule.succeededCount) return `Matched rules at index ${index}`
  }
  return undefined
}
