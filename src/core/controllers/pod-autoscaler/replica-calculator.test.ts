import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../api/types'
import type { PodMetrics } from '../../metrics/types'
import { getResourceReplicas } from './replica-calculator'

const T0 = '2025-01-01T00:00:00Z'
const NOW = Date.parse('2025-01-01T01:00:00Z')

function pod(name: string, phase = 'Running', ready = 'True'): KubeObject {
  const status = { phase, startTime: T0, conditions: [{ type: 'Ready', status: ready, lastTransitionTime: '2025-01-01T00:00:10Z' }] }
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'app', resources: { requests: { cpu: '100m' } } }] }, status }
}

const sample = (name: string, cpu: number): PodMetrics => ({ namespace: 'default', name, labels: {}, timestamp: NOW - 5000, windowMs: 15000, containers: [{ name: 'app', cpu, memory: 0 }] })

describe('getResourceReplicas (groupPods)', () => {
  it('on a scale-up, pods not yet ready count as using nothing', () => {
    // Ready pods alone say 100 % of a 62 % target (4 replicas); with the Pending one at 0 it is 66 %: within tolerance.
    const r = getResourceReplicas(3, 62, [pod('a'), pod('b'), pod('c', 'Pending', 'False')], [sample('a', 100), sample('b', 100)], NOW)
    expect(r).toEqual({ replicas: 3, utilization: 100, averageMilli: 100 })
  })

  it('on a scale-down, a pod without a sample counts as using all it requested', () => {
    const r = getResourceReplicas(3, 50, [pod('a'), pod('b'), pod('c')], [sample('a', 10), sample('b', 10)], NOW)
    expect(r).toEqual({ replicas: 3, utilization: 10, averageMilli: 10 })
  })

  it('a pod that has never been ready is left out; one that was ready counts', () => {
    const never = pod('c', 'Running', 'False')
    ;(never.status as { conditions: { lastTransitionTime: string }[] }).conditions[0]!.lastTransitionTime = '2025-01-01T00:00:05Z'
    const r = getResourceReplicas(3, 50, [pod('a'), pod('b'), never], [sample('a', 100), sample('b', 100), sample('c', 100)], NOW)
    // a and b at 200 % of 50 % want 4; c is unready, so the recount gives (200 + 0) / 300 = 67 %: ceil(1.33 * 3) = 4.
    expect(r).toEqual({ replicas: 4, utilization: 100, averageMilli: 100 })
  })

  it('no usable sample at all: the upstream error', () => {
    expect(getResourceReplicas(1, 50, [pod('a', 'Running', 'False')], [sample('a', 10)], Date.parse(T0) + 60_000)).toBe('failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)')
  })
})
