/**
 * ReplicaCalculator.GetResourceReplicas (pkg/controller/podautoscaler/replica_calculator.go):
 * groupPods sets aside Pending and not-yet-ready pods (unready), pods without a sample
 * (missing) and deleted or failed ones (ignored); utilization = usage / requests of the rest.
 * Within the 10 % tolerance nothing changes; else desired = ceil(ratio * ready pods), except
 * that on a scale-up unready pods count as using nothing and missing ones are filled in
 * (0 % up, 100 % down), and a recount that flips the direction keeps the current size.
 */

import type { KubeObject } from '../../api/types'
import { toMilli } from '../../machinery/quantity'
import { parseTime } from '../../machinery/time'
import type { PodMetrics } from '../../metrics/types'

/** --horizontal-pod-autoscaler-tolerance. */
export const HPA_TOLERANCE = 0.1
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
export const DELAY_OF_INITIAL_READINESS_STATUS_MS = 30_000

export interface ResourceReplicas {
  replicas: number
  utilization: number
  averageMilli: number
}

const NO_METRICS = 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API'

/* eslint-disable @typescript-eslint/no-explicit-any -- pod status is free-form here */
function readyCondition(p: KubeObject): { status: string; lastTransitionTime?: string } | undefined {
  return ((p.status as any)?.conditions ?? []).find((c: any) => c.type === 'Ready')
}

/** groupPods for cpu: whether a pod's sample is set aside as unready. */
function isUnready(p: KubeObject, m: PodMetrics, now: number): boolean {
  const cond = readyCondition(p)
  const start = parseTime((p.status as any)?.startTime)
  if (!cond || start === undefined) return true
  const transition = parseTime(cond.lastTransitionTime) ?? start
  // Still initialising: unready, or no full metric window since the last readiness change.
  if (start + CPU_INITIALIZATION_PERIOD_MS > now) return cond.status === 'False' || m.timestamp < transition + m.windowMs
  // Later: only a pod that has never been ready.
  return cond.status === 'False' && start + DELAY_OF_INITIAL_READINESS_STATUS_MS > transition
}

const podRequest = (p: KubeObject) => ((p.spec as any).containers as { resources: { requests: Record<string, string> } }[]).reduce((a, c) => a + toMilli(c.resources.requests.cpu), 0)

/** Returns the recommendation, or the upstream error text when it cannot be computed. */
export function getResourceReplicas(currentReplicas: number, targetUtilization: number, pods: KubeObject[], metrics: PodMetrics[], now: number): ResourceReplicas | string {
  if (!pods.length) return NO_METRICS
  const byName = new Map(metrics.map((m) => [m.name, m]))
  // Upstream asks the metrics API first, then reads the pods' requests.
  if (!pods.some((p) => byName.has(p.metadata.name!))) return NO_METRICS
  const usage = new Map<string, number>()
  const requests = new Map<string, number>()
  const unready: string[] = []
  const missing: string[] = []
  let readyPodCount = 0
  for (const p of pods) {
    for (const c of (p.spec as { containers?: { name: string; resources?: { requests?: Record<string, string> } }[] }).containers ?? []) {
      if (c.resources?.requests?.cpu === undefined) return `failed to get cpu utilization: missing request for cpu in container ${c.name} of Pod ${p.metadata.name}`
    }
    const name = p.metadata.name!
    requests.set(name, podRequest(p))
    if (p.metadata.deletionTimestamp || (p.status as any)?.phase === 'Failed') continue
    if (((p.status as any)?.phase ?? 'Pending') === 'Pending') {
      unready.push(name)
      continue
    }
    const m = byName.get(name)
    if (!m) {
      missing.push(name)
      continue
    }
    if (isUnready(p, m, now)) {
      unready.push(name)
      continue
    }
    readyPodCount++
    usage.set(name, m.containers.reduce((a, c) => a + c.cpu, 0))
  }
  if (!usage.size) return 'failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)'
  const ratioOf = (u: Map<string, number>) => {
    let total = 0
    let req = 0
    for (const [n, v] of u) {
      total += v
      req += requests.get(n) ?? 0
    }
    const utilization = Math.floor((total * 100) / req)
    return { ratio: utilization / targetUtilization, utilization, averageMilli: Math.floor(total / u.size) }
  }
  const { ratio, utilization, averageMilli } = ratioOf(usage)
  const keep = { replicas: currentReplicas, utilization, averageMilli }
  const scaleUpWithUnready = unready.length > 0 && ratio > 1
  if (!scaleUpWithUnready && !missing.length) {
    if (Math.abs(1 - ratio) <= HPA_TOLERANCE) return keep
    return { replicas: Math.ceil(ratio * readyPodCount), utilization, averageMilli }
  }
  if (ratio < 1) for (const n of missing) usage.set(n, Math.floor(((requests.get(n) ?? 0) * Math.max(100, targetUtilization)) / 100))
  else if (ratio > 1) for (const n of missing) usage.set(n, 0)
  if (scaleUpWithUnready) for (const n of unready) usage.set(n, 0)
  const next = ratioOf(usage).ratio
  if (Math.abs(1 - next) <= HPA_TOLERANCE || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return keep
  const replicas = Math.ceil(next * usage.size)
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return keep
  return { replicas, utilization, averageMilli }
}
