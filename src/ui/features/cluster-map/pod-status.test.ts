import { describe, expect, it } from 'vitest'
import { podCategory } from './pod-status'

describe('podCategory', () => {
  it.each([
    ['Running', 'running'],
    ['Pending', 'pending'],
    ['ContainerCreating', 'pending'],
    ['Init:0/2', 'pending'],
    ['Terminating', 'terminating'],
    ['Completed', 'succeeded'],
    ['CrashLoopBackOff', 'failed'],
    ['Init:CrashLoopBackOff', 'failed'],
    ['ImagePullBackOff', 'failed'],
    ['OOMKilled', 'failed'],
    ['ExitCode:137', 'failed'],
    ['Whatever', 'unknown'],
    [undefined, 'unknown'],
  ] as const)('%s -> %s', (status, category) => {
    expect(podCategory(status)).toBe(category)
  })
})
