/**
 * autoscaling/v1 <-> autoscaling/v2 for HorizontalPodAutoscalers (upstream's
 * pkg/apis/autoscaling/v1 conversion), so a client speaking v1 (kubectl autoscale, which
 * POSTs a v1 object with targetCPUUtilizationPercentage) is stored in v2 and answered in v1.
 * v1 holds only the CPU utilization target; upstream keeps the rest of a v2 object in
 * autoscaling.alpha.kubernetes.io/* annotations for round trips, which is not done here: a
 * v1 answer carries the CPU target, replica counts and times only.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- HPA specs are read as free-form objects */
import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'

const V1 = 'autoscaling/v1'
const V2 = 'autoscaling/v2'

function isHpaV1(t: ResourceType, version: string): boolean {
  return t.group === 'autoscaling' && t.kind === 'HorizontalPodAutoscaler' && version === 'v1'
}

function drop<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k]
  return o
}

/** A v1 object as the v2 object the server stores. */
export function hpaFromV1(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as any
  const status = obj.status as any
  const cpu = spec.targetCPUUtilizationPercentage
  const current = status?.currentCPUUtilizationPercentage
  return {
    ...obj,
    apiVersion: V2,
    spec: drop({
      scaleTargetRef: spec.scaleTargetRef,
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
      metrics: cpu === undefined || cpu === null ? undefined : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }],
    }),
    status: status
      ? drop({
          observedGeneration: status.observedGeneration,
          lastScaleTime: status.lastScaleTime,
          currentReplicas: status.currentReplicas,
          desiredReplicas: status.desiredReplicas,
          currentMetrics: current === undefined || current === null ? undefined : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }],
        })
      : undefined,
  }
}

/** A stored v2 object as a v1 client reads it. */
export function hpaToV1(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as any
  const status = (obj.status ?? {}) as any
  const cpuOf = (metrics: any[] | undefined, field: 'target' | 'current') =>
    metrics?.find((m) => m?.type === 'Resource' && m.resource?.name === 'cpu' && m.resource?.[field]?.averageUtilization !== undefined)?.resource[field].averageUtilization
  const target = cpuOf(spec.metrics, 'target')
  return {
    ...obj,
    apiVersion: V1,
    spec: drop({ scaleTargetRef: spec.scaleTargetRef, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas, targetCPUUtilizationPercentage: target }),
    status: drop({
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
      currentCPUUtilizationPercentage: cpuOf(status.currentMetrics, 'current'),
    }),
  }
}

/** The request's object in the version the server stores. */
export function fromRequestVersion(t: ResourceType, version: string, obj: KubeObject): KubeObject {
  return isHpaV1(t, version) ? hpaFromV1(obj) : obj
}

/** A stored object in the version the request asked for. */
export function toRequestVersion<T extends KubeObject>(t: ResourceType, version: string, obj: T): T {
  return isHpaV1(t, version) ? (hpaToV1(obj) as T) : obj
}
