/**
 * Scheduling throughput on the shape of upstream's scheduler_perf SchedulingBasic: N nodes
 * that exist only as API objects (no kubelets), M plain pods, time from the first pod created
 * to the last one bound. The clock is simulated; the figure is wall time on this machine.
 */

import { createCluster } from '../src/core/cluster'
import type { KubeObject } from '../src/core/api/types'

function node(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': `zone-${name.length % 3}` } },
    status: {
      allocatable: { cpu: '4', memory: '32Gi', pods: '110' },
      capacity: { cpu: '4', memory: '32Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  }
}

function pod(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: 'default' },
    spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '500Mi' } } }] },
  }
}

export function benchScheduling(nodes: number, pods: number): { podsPerSecond: number; wallMs: number; scheduled: number } {
  const c = createCluster({ seed: 1, workers: 0 })
  const api = c.api
  const nodeType = api.registry.lookup('nodes')!
  const podType = api.registry.lookup('pods')!
  for (let i = 0; i < nodes; i++) api.create(nodeType, node(`scheduler-perf-node-${i}`))
  c.advance(1000)
  const t0 = performance.now()
  for (let i = 0; i < pods; i++) api.create(podType, pod(i), { namespace: 'default' })
  // Let the scheduler drain its queue; no kubelets run, so nothing else competes.
  c.advance(1000)
  const wallMs = performance.now() - t0
  const scheduled = api.list(podType, { namespace: 'default', fieldSelector: 'spec.nodeName!=' }).items.length
  return { podsPerSecond: Math.round((scheduled / wallMs) * 1000), wallMs: Math.round(wallMs), scheduled }
}
