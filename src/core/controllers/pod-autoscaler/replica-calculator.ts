/**
 * ReplicaCalculator.GetResourceReplicas (pkg/controller/podautoscaler/replica_calculator.go):
 * utilization = total usage of the ready pods / total of their requests; within the 10 %
 * tolerance nothing changes, else desired = ceil(usage ratio * ready pods).
 */

import type { KubeObject } from '../../api/types'
import { toMilli } from '../../machinery/quantity'
import type { PodMetrics } from '../../metrics/types'

/** --horizontal-pod-autoscaler-tolerance. */
export const HPA_TOLERANCE = 0.1

export interface ResourceReplicas {
  replicas: number
  utilization: number
  averageMilli: number
}

const isReady = (p: KubeObject) => ((p.status as any)?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True') // eslint-disable-line @typescript-eslint/no-explicit-any

/** Returns the recommendation, or the upstream error text when it cannot be computed. */
export function getResourceReplicas(currentReplicas: number, targetUtilization: number, pods: KubeObject[], metrics: PodMetrics[]): ResourceReplicas | string {
  if (!pods.length) return 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API'
  const byName = new Map(metrics.map((m) => [m.name, m]))
  // Upstream asks the metrics API first, then reads the pods' requests.
  if (!pods.some((p) => byName.has(p.metadata.name!))) return 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API'
  let usage = 0
  let requests = 0
  let counted = 0
  for (const p of pods) {
    for (const c of ((p.spec as { containers?: { name: string; resources?: { requests?: Record<string, string> } }[] }).containers ?? [])) {
      if (c.resources?.requests?.cpu === undefined) return `failed to get cpu utilization: missing request for cpu in container ${c.name} of Pod ${p.metadata.name}`
    }
    const m = byName.get(p.metadata.name!)
    if (!m || !isReady(p)) continue
    counted++
    usage += m.containers.reduce((a, c) => a + c.cpu, 0)
    requests += ((p.spec as { containers: { resources: { requests: Record<string, string> } }[] }).containers).reduce((a, c) => a + toMilli(c.resources.requests.cpu), 0)
  }
  if (!counted) return 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API'
  const utilization = Math.floor((usage * 100) / requests)
  const averageMilli = Math.floor(usage / counted)
  const ratio = utilization / targetUtilization
  if (Math.abs(1 - ratio) <= HPA_TOLERANCE) return { replicas: currentReplicas, utilization, averageMilli }
  return { replicas: Math.ceil(ratio * counted), utilization, averageMilli }
}
