/**
 * The Job pod failure policy (pkg/controller/job/pod_failure_policy.go): the first rule whose
 * onExitCodes or onPodConditions matches a failed pod decides what that failure does: fail
 * the Job (FailJob), fail only its index (FailIndex), not count (Ignore) or count (Count).
 */

import type { KubeObject } from '../../api/types'
import { jspec } from './job-utils'

export type PodFailurePolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count'

export interface PodFailurePolicyRule {
  action: PodFailurePolicyAction
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] }
  onPodConditions?: { type: string; status?: string }[]
}

export interface PodFailurePolicy {
  rules: PodFailurePolicyRule[]
}

interface ContainerStatus {
  name: string
  state?: { terminated?: { exitCode?: number } }
}

export interface PolicyMatch {
  /** Set for a FailJob rule: the message of the Job's FailureTarget and Failed conditions. */
  failJobMessage?: string
  /** Whether the failure counts towards backoffLimit (and backoffLimitPerIndex). */
  countFailed: boolean
  action?: PodFailurePolicyAction
}

export const podFailurePolicyOf = (job: KubeObject): PodFailurePolicy | undefined => (jspec(job) as { podFailurePolicy?: PodFailurePolicy }).podFailurePolicy

/** getMatchingContainerFromList: a terminated container with a non-zero exit code the rule matches. */
function matchingContainer(list: ContainerStatus[], req: NonNullable<PodFailurePolicyRule['onExitCodes']>): ContainerStatus | undefined {
  for (const cs of list) {
    const code = cs.state?.terminated?.exitCode
    if (code === undefined || code === 0) continue
    if (req.containerName !== undefined && req.containerName !== cs.name) continue
    const listed = (req.values ?? []).includes(code)
    if (req.operator === 'In' ? listed : req.operator === 'NotIn' ? !listed : false) return cs
  }
  return undefined
}

/** matchPodFailurePolicy */
export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, pod: KubeObject): PolicyMatch {
  if (!policy) return { countFailed: true }
  const st = (pod.status ?? {}) as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]; conditions?: { type: string; status: string }[] }
  const where = `${pod.metadata.namespace}/${pod.metadata.name}`
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    let failJobMessage: string | undefined
    if (rule.onExitCodes) {
      const cs = matchingContainer(st.containerStatuses ?? [], rule.onExitCodes) ?? matchingContainer(st.initContainerStatuses ?? [], rule.onExitCodes)
      if (!cs) continue
      failJobMessage = `Container ${cs.name} for pod ${where} failed with exit code ${cs.state!.terminated!.exitCode} matching ${rule.action} rule at index ${index}`
    } else if (rule.onPodConditions) {
      const cond = (st.conditions ?? []).find((c) => rule.onPodConditions!.some((p) => p.type === c.type && (p.status ?? 'True') === c.status))
      if (!cond) continue
      failJobMessage = `Pod ${where} has condition ${cond.type} matching ${rule.action} rule at index ${index}`
    } else continue
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' }
      case 'FailIndex':
        return { countFailed: true, action: 'FailIndex' }
      case 'Count':
        return { countFailed: true, action: 'Count' }
      case 'FailJob':
        return { failJobMessage, countFailed: true, action: 'FailJob' }
    }
  }
  return { countFailed: true }
}

/** getFailJobMessage: the first failed pod that matches a FailJob rule. */
export function getFailJobMessage(job: KubeObject, pods: KubeObject[], isFailed: (p: KubeObject) => boolean): string | undefined {
  const policy = podFailurePolicyOf(job)
  if (!policy) return undefined
  for (const p of pods) {
    if (!isFailed(p)) continue
    const m = matchPodFailurePolicy(policy, p).failJobMessage
    if (m) return m
  }
  return undefined
}
