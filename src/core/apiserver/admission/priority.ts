/**
 * Priority admission: a pod's priorityClassName becomes spec.priority (and its preemption
 * policy); no class means the global default class, or 0.
 */

import { newForbidden } from '../../machinery/errors'
import type { AdmissionPlugin } from './chain'

export const priorityAdmission: AdmissionPlugin = {
  name: 'Priority',
  mutate(a) {
    if (a.operation !== 'CREATE' || a.resource.plural !== 'pods') return
    const spec = a.object.spec as { priorityClassName?: string; priority?: number; preemptionPolicy?: string }
    const pcType = a.api.registry.forGroupResource('scheduling.k8s.io', 'priorityclasses')!
    if (spec.priorityClassName) {
      const pc = a.api.peek(pcType, undefined, spec.priorityClassName)
      if (!pc) {
        throw newForbidden('pods', '', a.object.metadata.name ?? '', `no PriorityClass with name ${spec.priorityClassName} was found`)
      }
      spec.priority = pc.value as number
      if (pc.preemptionPolicy) spec.preemptionPolicy = pc.preemptionPolicy as string
      return
    }
    const global = a.api.store.list('scheduling.k8s.io/priorityclasses').find((pc) => pc.globalDefault === true)
    if (global) {
      spec.priorityClassName = global.metadata.name
      spec.priority = global.value as number
    }
  },
}
