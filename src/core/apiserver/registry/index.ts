/**
 * One strategy per resource (pkg/registry/<group>/<resource>). Resources without special
 * behaviour get the default: subdomain names, no generation.
 */

import type { ResourceType } from '../../api/resources'
import { storageKey } from '../../api/resources'
import type { Strategy } from '../strategy'
import { podStrategy } from './pods'
import { deploymentStrategy, replicaSetStrategy, daemonSetStrategy, statefulSetStrategy, replicationControllerStrategy, jobStrategy, cronJobStrategy } from './workloads'
import { serviceStrategy } from './services'
import { namespaceStrategy, nodeStrategy } from './cluster-scoped'
import { configMapStrategy, secretStrategy } from './config'
import { persistentVolumeClaimStrategy, persistentVolumeStrategy } from './storage'
import { defaultHorizontalPodAutoscaler, defaultLimitRange, defaultNetworkPolicy, defaultPriorityClass, defaultRoleBinding, defaultStorageClass } from '../../api/defaults/misc'
import { podDisruptionBudgetStrategy } from './policy'

const DEFAULT: Strategy = { nameRule: 'subdomain' }

const STRATEGIES: Record<string, Strategy> = {
  pods: podStrategy,
  services: serviceStrategy,
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  configmaps: configMapStrategy,
  secrets: secretStrategy,
  persistentvolumeclaims: persistentVolumeClaimStrategy,
  persistentvolumes: persistentVolumeStrategy,
  replicationcontrollers: replicationControllerStrategy,
  'apps/deployments': deploymentStrategy,
  'apps/replicasets': replicaSetStrategy,
  'apps/daemonsets': daemonSetStrategy,
  'apps/statefulsets': statefulSetStrategy,
  'batch/jobs': jobStrategy,
  'batch/cronjobs': cronJobStrategy,
  'policy/poddisruptionbudgets': podDisruptionBudgetStrategy,
  events: { nameRule: 'none' },
  'events.k8s.io/events': { nameRule: 'none' },
  'rbac.authorization.k8s.io/roles': { nameRule: 'none' },
  'rbac.authorization.k8s.io/clusterroles': { nameRule: 'none' },
  'rbac.authorization.k8s.io/rolebindings': { nameRule: 'none', prepareForCreate: defaultRoleBinding, prepareForUpdate: defaultRoleBinding },
  'rbac.authorization.k8s.io/clusterrolebindings': { nameRule: 'none', prepareForCreate: defaultRoleBinding, prepareForUpdate: defaultRoleBinding },
  'networking.k8s.io/networkpolicies': { nameRule: 'subdomain', generation: true, prepareForCreate: defaultNetworkPolicy, prepareForUpdate: defaultNetworkPolicy },
  limitranges: { nameRule: 'subdomain', prepareForCreate: defaultLimitRange, prepareForUpdate: defaultLimitRange },
  'storage.k8s.io/storageclasses': { nameRule: 'subdomain', prepareForCreate: defaultStorageClass, prepareForUpdate: defaultStorageClass },
  'scheduling.k8s.io/priorityclasses': { nameRule: 'subdomain', prepareForCreate: defaultPriorityClass, prepareForUpdate: defaultPriorityClass },
  'autoscaling/horizontalpodautoscalers': { nameRule: 'subdomain', prepareForCreate: defaultHorizontalPodAutoscaler, prepareForUpdate: defaultHorizontalPodAutoscaler },
}

export function strategyFor(t: ResourceType): Strategy {
  return STRATEGIES[storageKey(t)] ?? DEFAULT
}
