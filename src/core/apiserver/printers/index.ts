/** Which printer serves which resource (the AddHandlers table). */

import { storageKey, type ResourceType } from '../../api/resources'
import { configMapPrinter, endpointsPrinter, eventPrinter, leasePrinter, namespacePrinter, nodePrinter, secretPrinter, serviceAccountPrinter, servicePrinter } from './core'
import { cronJobPrinter, jobPrinter } from './batch'
import { endpointSlicePrinter, ingressClassPrinter, ingressPrinter, networkPolicyPrinter } from './networking'
import { podPrinter } from './pod'
import {
  componentStatusPrinter,
  controllerRevisionPrinter,
  horizontalPodAutoscalerPrinter,
  podDisruptionBudgetPrinter,
  priorityClassPrinter,
  resourceQuotaPrinter,
  roleBindingPrinter,
} from './policy'
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage'
import { defaultPrinter, type Printer } from './table'
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, replicationControllerPrinter, statefulSetPrinter } from './workloads'

const PRINTERS: Record<string, Printer> = {
  pods: podPrinter,
  nodes: nodePrinter,
  services: servicePrinter,
  namespaces: namespacePrinter,
  events: eventPrinter,
  configmaps: configMapPrinter,
  secrets: secretPrinter,
  serviceaccounts: serviceAccountPrinter,
  endpoints: endpointsPrinter,
  replicationcontrollers: replicationControllerPrinter,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'coordination.k8s.io/leases': leasePrinter,
  'apps/controllerrevisions': controllerRevisionPrinter,
  'batch/jobs': jobPrinter,
  'batch/cronjobs': cronJobPrinter,
  'discovery.k8s.io/endpointslices': endpointSlicePrinter,
  'networking.k8s.io/ingresses': ingressPrinter,
  'networking.k8s.io/ingressclasses': ingressClassPrinter,
  'networking.k8s.io/networkpolicies': networkPolicyPrinter,
  persistentvolumes: persistentVolumePrinter,
  persistentvolumeclaims: persistentVolumeClaimPrinter,
  'storage.k8s.io/storageclasses': storageClassPrinter,
  'autoscaling/horizontalpodautoscalers': horizontalPodAutoscalerPrinter,
  'policy/poddisruptionbudgets': podDisruptionBudgetPrinter,
  'rbac.authorization.k8s.io/rolebindings': roleBindingPrinter,
  'rbac.authorization.k8s.io/clusterrolebindings': roleBindingPrinter,
  resourcequotas: resourceQuotaPrinter,
  'scheduling.k8s.io/priorityclasses': priorityClassPrinter,
  componentstatuses: componentStatusPrinter,
  // Role, ClusterRole, LimitRange and CustomResourceDefinition have no printer upstream: NAME, CREATED AT.
}

export function printerFor(t: ResourceType): Printer {
  return PRINTERS[storageKey(t)] ?? defaultPrinter
}

export { buildTable } from './table'
export type { Table, TableRow, TableColumnDefinition, PrintContext } from './table'
