/**
 * Which describer serves which kind (describe.go's describerMap), each with the events
 * kubectl looks up for it; kinds without one get the generic describer.
 */

import type { ResourceType } from '../../api/resources'
import { storageKey } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { describeConfigMap, describeSecret, describeServiceAccount } from './config'
import { describeCronJob, describeDaemonSet, describeJob, describeStatefulSet } from './controllers'
import { refFor, searchEvents } from './events'
import { describeGeneric } from './generic'
import { describeHorizontalPodAutoscaler } from './hpa'
import { describeEndpointSlice, describeIngress, describeIngressClass, describeNetworkPolicy, describePodDisruptionBudget, describePriorityClass } from './networking'
import { describeNode, nodeEvents } from './node'
import { describePod, podEvents } from './pod'
import { describeLimitRange, describeResourceQuota } from './quota'
import { describeRole, describeRoleBinding } from './rbac'
import { describeEndpoints, describeNamespace, describeService } from './service'
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage'
import type { DescribeContext } from './types'
import { describeDeployment, describeReplicaSet } from './workloads'

type DescribeFn = (ctx: DescribeContext, obj: KubeObject, events: KubeObject[] | undefined) => string

interface Entry {
  describe: DescribeFn
  /** How this describer finds its object's events; the default matches name, namespace, kind and uid. */
  events?: (ctx: DescribeContext, obj: KubeObject) => KubeObject[]
  /** Some describers (namespaces, secrets, RBAC) show no events. */
  noEvents?: boolean
}

const DESCRIBERS: Record<string, Entry> = {
  pods: { describe: describePod, events: podEvents },
  nodes: { describe: describeNode, events: nodeEvents },
  services: { describe: describeService },
  namespaces: { describe: (ctx, o) => describeNamespace(ctx, o), noEvents: true },
  configmaps: { describe: describeConfigMap },
  secrets: { describe: (ctx, o) => describeSecret(ctx, o), noEvents: true },
  serviceaccounts: { describe: describeServiceAccount },
  'apps/daemonsets': { describe: describeDaemonSet },
  'apps/statefulsets': { describe: describeStatefulSet },
  'batch/jobs': { describe: describeJob },
  'batch/cronjobs': { describe: describeCronJob },
  endpoints: { describe: describeEndpoints },
  persistentvolumeclaims: { describe: describePersistentVolumeClaim },
  persistentvolumes: { describe: describePersistentVolume },
  'storage.k8s.io/storageclasses': { describe: describeStorageClass },
  'networking.k8s.io/ingresses': { describe: describeIngress },
  'networking.k8s.io/ingressclasses': { describe: describeIngressClass },
  'policy/poddisruptionbudgets': { describe: describePodDisruptionBudget },
  'scheduling.k8s.io/priorityclasses': { describe: describePriorityClass },
  'rbac.authorization.k8s.io/roles': { describe: (ctx, o) => describeRole(ctx, o), noEvents: true },
  'rbac.authorization.k8s.io/clusterroles': { describe: (ctx, o) => describeRole(ctx, o), noEvents: true },
  'rbac.authorization.k8s.io/rolebindings': { describe: (ctx, o) => describeRoleBinding(ctx, o), noEvents: true },
  'rbac.authorization.k8s.io/clusterrolebindings': { describe: (ctx, o) => describeRoleBinding(ctx, o), noEvents: true },
  'autoscaling/horizontalpodautoscalers': { describe: describeHorizontalPodAutoscaler },
  'networking.k8s.io/networkpolicies': { describe: (ctx, o) => describeNetworkPolicy(ctx, o), noEvents: true },
  resourcequotas: { describe: (ctx, o) => describeResourceQuota(ctx, o), noEvents: true },
  limitranges: { describe: (ctx, o) => describeLimitRange(ctx, o), noEvents: true },
  'discovery.k8s.io/endpointslices': { describe: describeEndpointSlice },
  'apps/deployments': { describe: describeDeployment },
  'apps/replicasets': { describe: describeReplicaSet },
}

/** The full text `kubectl describe` prints for one object. */
export function describeObject(ctx: DescribeContext, t: ResourceType, obj: KubeObject): string {
  const entry = DESCRIBERS[storageKey(t)] ?? { describe: describeGeneric }
  let events: KubeObject[] | undefined
  if (ctx.showEvents && !entry.noEvents) events = entry.events ? entry.events(ctx, obj) : searchEvents(ctx.api, refFor(obj))
  return entry.describe(ctx, obj, events)
}

export type { DescribeContext } from './types'
