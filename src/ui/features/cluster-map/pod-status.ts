/**
 * Groups kubectl's pod STATUS text into a few display categories. Each category has a colour
 * AND a symbol, so status is never told by colour alone.
 */

export type PodCategory = 'running' | 'pending' | 'terminating' | 'succeeded' | 'failed' | 'unknown'

const FAILED = /^(Init:)?(Error|CrashLoopBackOff|ErrImagePull|ImagePullBackOff|InvalidImageName|OOMKilled|Failed|Evicted|ContainerStatusUnknown|CreateContainerError|CreateContainerConfigError|RunContainerError|NodeLost|StartError|Signal:\d+|ExitCode:\d+)$/
const PENDING = /^(Pending|ContainerCreating|PodInitializing|SchedulingGated|Init:\d+\/\d+)$/

export function podCategory(status: string | undefined): PodCategory {
  if (!status) return 'unknown'
  if (status === 'Running') return 'running'
  if (status === 'Terminating') return 'terminating'
  if (status === 'Completed' || status === 'Succeeded') return 'succeeded'
  if (PENDING.test(status)) return 'pending'
  if (FAILED.test(status)) return 'failed'
  return 'unknown'
}

export const CATEGORY_SYMBOL: Record<PodCategory, string> = {
  running: '●',
  pending: '◔',
  terminating: '◌',
  succeeded: '✓',
  failed: '✕',
  unknown: '?',
}
