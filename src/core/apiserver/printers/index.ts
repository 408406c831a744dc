/** Which printer serves which resource (the AddHandlers table). */

import { storageKey, type ResourceType } from '../../api/resources'
import { configMapPrinter, endpointsPrinter, eventPrinter, leasePrinter, namespacePrinter, nodePrinter, secretPrinter, serviceAccountPrinter, servicePrinter } from './core'
import { podPrinter } from './pod'
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
}

export function printerFor(t: ResourceType): Printer {
  return PRINTERS[storageKey(t)] ?? defaultPrinter
}

export { buildTable } from './table'
export type { Table, TableRow, TableColumnDefinition, PrintContext } from './table'
