/* eslint-disable @typescript-eslint/no-explicit-any -- tests read free-form JSON responses */
import { describe, expect, it } from 'vitest'
import { createCluster } from '../../cluster'
import { createRestHandler } from './handler'

function setup() {
  const cluster = createCluster({ seed: 3 })
  const h = createRestHandler(cluster.core.api, cluster.core.clock)
  const call = (method: string, path: string, body?: unknown) => {
    const r = h.handle({ method, path, query: '', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    return JSON.parse(r.body ?? '{}') as Record<string, any>
  }
  return { cluster, call }
}

// What kubectl 1.31's `autoscale` POSTs.
const v1Hpa = {
  kind: 'HorizontalPodAutoscaler',
  apiVersion: 'autoscaling/v1',
  metadata: { name: 'web' },
  spec: { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, maxReplicas: 3, targetCPUUtilizationPercentage: 50 },
}

describe('autoscaling/v1 HorizontalPodAutoscalers', () => {
  it('are stored as v2 with the CPU target as a metric, and answered in v1', () => {
    const { cluster, call } = setup()
    const created = call('POST', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers', v1Hpa)
    expect(created).toMatchObject({ apiVersion: 'autoscaling/v1', metadata: { name: 'web' }, spec: { minReplicas: 1, maxReplicas: 3, targetCPUUtilizationPercentage: 50 } })
    expect(created.spec.metrics).toBeUndefined()
    const v2 = call('GET', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web')
    expect(v2.spec.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }])
    expect(v2.spec.targetCPUUtilizationPercentage).toBeUndefined()
    expect(cluster.kubectl('get hpa web').stdout).toContain('cpu: <unknown>/50%')
    const list = call('GET', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers')
    expect(list.items[0].spec.targetCPUUtilizationPercentage).toBe(50)
  })

  it('get the v2 default CPU target of 80% when v1 names none', () => {
    const { call } = setup()
    const { targetCPUUtilizationPercentage: _, ...spec } = v1Hpa.spec
    const created = call('POST', '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers', { ...v1Hpa, spec })
    expect(created.spec.targetCPUUtilizationPercentage).toBe(80)
  })
})
