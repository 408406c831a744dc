/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go): every
 * 15 s it reads the target's replicas and pods, asks the metrics API for their CPU, computes
 * a recommendation, smooths it with the default behavior (scale up by at most max(100 %, 4
 * pods) per period; scale down to the highest recommendation of the last 300 s), writes the
 * target's replicas and reports conditions, current metrics and events.
 */

import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { selectorFromLabelSelector } from '../../machinery/labels'
import { rfc3339 } from '../../machinery/time'
import type { MetricsAPI } from '../../metrics/types'
import { getResourceReplicas } from './replica-calculator'

/* eslint-disable @typescript-eslint/no-explicit-any -- HPA and target objects are free-form */

/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000
/** --horizontal-pod-autoscaler-downscale-stabilization (the default behavior's window). */
export const HPA_DOWNSCALE_STABILIZATION_MS = 300_000
/** The metric autoscaling/v2 defaults to when none is given. */
export const DEFAULT_CPU_UTILIZATION = 80

const SCALE_TARGETS: Record<string, [string, string]> = {
  Deployment: ['apps', 'deployments'],
  ReplicaSet: ['apps', 'replicasets'],
  StatefulSet: ['apps', 'statefulsets'],
  ReplicationController: ['', 'replicationcontrollers'],
}
const CPU_METRIC = 'cpu resource utilization (percentage of request)'

export class HorizontalController {
  private readonly hpas: Informer
  private readonly pods: Informer
  private readonly hpaType: ResourceType
  private readonly queue: WorkQueue
  private readonly recorder: EventRecorder
  /** Recent recommendations per HPA, for the stabilization window. */
  private readonly recommendations = new Map<string, { at: number; replicas: number }[]>()

  constructor(
    private readonly ctx: ComponentContext,
    private readonly metrics: MetricsAPI,
  ) {
    this.hpaType = ctx.api.registry.forGroupResource('autoscaling', 'horizontalpodautoscalers')!
    this.hpas = ctx.informers.for('autoscaling', 'horizontalpodautoscalers')
    this.pods = ctx.informers.pods()
    this.recorder = ctx.recorder({ component: 'horizontal-pod-autoscaler' })
    this.queue = new WorkQueue(ctx.clock, (k) => this.reconcileKey(k))
    const key = (h: KubeObject) => `${h.metadata.namespace}/${h.metadata.name}`
    this.hpas.addEventHandler({ add: (h) => this.queue.add(key(h)), delete: (h) => this.recommendations.delete(key(h)) })
    ctx.clock.every(HPA_SYNC_PERIOD_MS, () => this.hpas.list().forEach((h) => this.queue.add(key(h))))
  }

  private reconcileKey(key: string): undefined {
    const hpa = this.hpas.getByKey(key)
    if (hpa && !hpa.metadata.deletionTimestamp) this.reconcileAutoscaler(clone(hpa), key)
    return undefined
  }

  private reconcileAutoscaler(hpa: KubeObject, key: string): void {
    const spec = hpa.spec as any
    const ref = spec.scaleTargetRef ?? {}
    const status = ((hpa.status ??= {}) as any)
    const conds = new Conditions(status, this.ctx.clock.now())
    const gr = SCALE_TARGETS[ref.kind]
    const t = gr ? this.ctx.api.registry.forGroupResource(gr[0], gr[1]) : undefined
    const target = t ? this.ctx.api.peek(t, hpa.metadata.namespace, ref.name) : undefined
    if (!t || !target) {
      const msg = `the HPA controller was unable to get the target's current scale: ${ref.kind ? `${(gr?.[1] ?? ref.kind.toLowerCase() + 's')}${gr?.[0] ? '.' + gr[0] : ''} "${ref.name}" not found` : 'no kind given'}`
      this.recorder.event(hpa, 'Warning', 'FailedGetScale', msg.replace('the HPA controller was unable to get the target\'s current scale: ', ''))
      conds.set('AbleToScale', 'False', 'FailedGetScale', msg)
      return this.writeStatus(hpa)
    }
    const current = (target.spec as any)?.replicas ?? 1
    status.currentReplicas = current
    const min = spec.minReplicas ?? 1
    const max = spec.maxReplicas ?? 1
    if (current === 0 && min !== 0) {
      status.desiredReplicas = 0
      conds.set('AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale')
      conds.set('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero')
      return this.writeStatus(hpa)
    }
    const metricSpecs: any[] = spec.metrics?.length ? spec.metrics : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }]
    const cpu = metricSpecs.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.target?.type === 'Utilization')
    const sel = selectorFromLabelSelector((target.spec as any)?.selector)
    const pods = this.pods.list(hpa.metadata.namespace).filter((p) => sel?.matches(p.metadata.labels) && !p.metadata.deletionTimestamp && !['Failed', 'Succeeded'].includes((p.status as any)?.phase))
    const result = cpu ? getResourceReplicas(current, cpu.resource.target.averageUtilization, pods, this.metrics.podMetrics(hpa.metadata.namespace), this.ctx.clock.now()) : 'the playground computes only cpu Utilization metrics'
    conds.set('AbleToScale', 'True', 'SucceededGetScale', 'the HPA controller was able to get the target\'s current scale')
    if (typeof result === 'string') {
      this.recorder.event(hpa, 'Warning', 'FailedGetResourceMetric', result)
      this.recorder.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of ${metricSpecs.length}), first error is: failed to get cpu resource metric value: ${result}`)
      conds.set('ScalingActive', 'False', 'FailedGetResourceMetric', `the HPA was unable to compute the replica count: ${result}`)
      status.currentMetrics = [{ type: '' }]
      return this.writeStatus(hpa)
    }
    status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: `${result.averageMilli}m`, averageUtilization: result.utilization } } }]
    conds.set('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${CPU_METRIC}`)
    const desired = this.normalize(key, current, result.replicas, min, max, conds)
    status.desiredReplicas = desired
    if (desired !== current) {
      const next = clone(target)
      ;(next.spec as any).replicas = desired
      try {
        this.ctx.api.update(t, next)
      } catch (e) {
        this.recorder.event(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${this.reason(desired, current)}; error: ${(e as Error).message}`)
        return this.writeStatus(hpa)
      }
      conds.set('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`)
      this.recorder.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${this.reason(desired, current)}`)
      status.lastScaleTime = rfc3339(this.ctx.clock.now())
    }
    this.writeStatus(hpa)
  }

  private reason(desired: number, current: number): string {
    return desired > current ? `${CPU_METRIC} above target` : 'All metrics below target'
  }

  /** normalizeDesiredReplicasWithBehaviors with the default behavior. */
  private normalize(key: string, current: number, proposed: number, min: number, max: number, conds: Conditions): number {
    const now = this.ctx.clock.now()
    const recs = (this.recommendations.get(key) ?? []).filter((r) => r.at > now - HPA_DOWNSCALE_STABILIZATION_MS)
    recs.push({ at: now, replicas: proposed })
    this.recommendations.set(key, recs)
    let stabilized = proposed
    if (proposed < current) stabilized = Math.min(current, Math.max(...recs.map((r) => r.replicas)))
    if (stabilized !== proposed) conds.set('AbleToScale', 'True', 'ScaleDownStabilized', 'recent recommendations were higher than current one, applying the highest recent recommendation')
    else conds.set('AbleToScale', 'True', 'ReadyForNewScale', 'recommended size matches current size')
    const upLimit = Math.max(current * 2, current + 4)
    let desired = stabilized
    if (desired > Math.min(upLimit, max)) {
      if (upLimit < max) conds.set('ScalingLimited', 'True', 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate')
      else conds.set('ScalingLimited', 'True', 'TooManyReplicas', 'the desired replica count is more than the maximum replica count')
      desired = Math.min(upLimit, max)
    } else if (desired < min) {
      desired = min
      conds.set('ScalingLimited', 'True', 'TooFewReplicas', 'the desired replica count is less than the minimum replica count')
    } else conds.set('ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range')
    return Math.min(max, Math.max(min, desired))
  }

  private writeStatus(hpa: KubeObject): void {
    try {
      this.ctx.api.update(this.hpaType, hpa, { subresource: 'status' })
    } catch {
      // A concurrent write: the next period tries again.
    }
  }
}

/** Conditions in upstream's order; lastTransitionTime moves only when the status flips. */
class Conditions {
  constructor(
    private readonly status: any,
    private readonly now: number,
  ) {}

  set(type: string, value: string, reason: string, message: string): void {
    const list: any[] = (this.status.conditions ??= [])
    const old = list.find((c) => c.type === type)
    const lastTransitionTime = old && old.status === value ? old.lastTransitionTime : rfc3339(this.now)
    const cond = { type, status: value, lastTransitionTime, reason, message }
    if (old) list[list.indexOf(old)] = cond
    else list.push(cond)
  }
}
