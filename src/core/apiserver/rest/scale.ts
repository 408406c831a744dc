/**
 * The scale subresource (autoscaling/v1 Scale): a view of spec.replicas, status.replicas and
 * the label selector of a Deployment, ReplicaSet, StatefulSet or ReplicationController.
 * Writing it changes only spec.replicas of the object behind it.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { selectorFromLabelSelector, selectorFromMap, type LabelSelector } from '../../machinery/labels'

export function toScale(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown }
  const status = (obj.status ?? {}) as { replicas?: number }
  // ReplicationControllers select with a plain map; the apps kinds with a LabelSelector.
  const sel =
    obj.kind === 'ReplicationController'
      ? selectorFromMap(spec.selector as Record<string, string> | undefined)
      : selectorFromLabelSelector(spec.selector as LabelSelector | undefined)
  const selector = sel?.toString() ?? ''
  const m = obj.metadata
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: selector ? { replicas: status.replicas ?? 0, selector } : { replicas: status.replicas ?? 0 },
  }
}

/** The object with the Scale's replicas (and its resourceVersion as a precondition). */
export function fromScale(_t: ResourceType, current: KubeObject, scale: KubeObject): KubeObject {
  const next: KubeObject = { ...current, metadata: { ...current.metadata }, spec: { ...(current.spec as object), replicas: (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0 } }
  next.metadata.resourceVersion = scale.metadata?.resourceVersion || current.metadata.resourceVersion
  return next
}
