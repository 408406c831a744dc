import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../api/types'
import { formatIndexes, parseIndexes, remainingBackoff } from './job-utils'

const job: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: {} }

function pod(phase: string, finishedAt: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${finishedAt}` },
    status: { phase, containerStatuses: [{ state: { terminated: { finishedAt } } }] },
  }
}

describe('completed indexes', () => {
  it('write ranges as the API does and read them back', () => {
    expect(formatIndexes([0, 1, 2, 4, 6, 7])).toBe('0-2,4,6-7')
    expect(formatIndexes([])).toBe('')
    expect([...parseIndexes('0-2,4,6-7')]).toEqual([0, 1, 2, 4, 6, 7])
  })
})

describe('pod failure back-off', () => {
  const t = (s: number) => Date.parse('2025-01-01T00:00:00Z') + s * 1000
  it('is 10s after one failure, doubling per failure since the last success', () => {
    const one = [pod('Failed', '2025-01-01T00:00:00Z')]
    expect(remainingBackoff(one, job, t(4))).toBe(6000)
    expect(remainingBackoff(one, job, t(11))).toBe(0)
    const three = [pod('Failed', '2025-01-01T00:00:00Z'), pod('Failed', '2025-01-01T00:00:10Z'), pod('Failed', '2025-01-01T00:00:20Z')]
    expect(remainingBackoff(three, job, t(20))).toBe(40_000)
    // A success resets the count.
    expect(remainingBackoff([...three, pod('Succeeded', '2025-01-01T00:00:30Z')], job, t(30))).toBe(0)
  })
  it('is capped at 10 minutes', () => {
    const many = Array.from({ length: 12 }, (_, i) => pod('Failed', `2025-01-01T00:00:${String(i).padStart(2, '0')}Z`))
    expect(remainingBackoff(many, job, t(11))).toBe(600_000)
  })
})
