/**
 * Which pods a ReplicaSet deletes first when scaling down (controller.ActivePodsWithRanks):
 * unscheduled, then Pending before Unknown before Running, not ready before ready, lower
 * pod-deletion-cost, more pods of the same owner on its node, ready more recently, more
 * restarts, created more recently.
 */

import type { KubeObject } from '../../api/types'
import { controllerRef } from '../../api/types'
import { parseTime } from '../../machinery/time'
import { isPodReady, podCondition, podPhase, restartCount } from '../controller-utils/pods'

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

export function rankPodsForDeletion(pods: KubeObject[], relatedPods: KubeObject[], now: number): KubeObject[] {
  const perNode = new Map<string, number>()
  const owner = (p: KubeObject) => controllerRef(p)?.uid ?? ''
  for (const p of relatedPods) {
    const node = (p.spec as { nodeName?: string }).nodeName
    if (node) perNode.set(`${owner(p)}|${node}`, (perNode.get(`${owner(p)}|${node}`) ?? 0) + 1)
  }
  const rank = (p: KubeObject) => perNode.get(`${owner(p)}|${(p.spec as { nodeName?: string }).nodeName ?? ''}`) ?? 0
  const cost = (p: KubeObject) => parseInt(p.metadata.annotations?.[POD_DELETION_COST] ?? '0', 10) || 0
  const readySince = (p: KubeObject) => parseTime(podCondition(p, 'Ready')?.lastTransitionTime) ?? now
  const created = (p: KubeObject) => parseTime(p.metadata.creationTimestamp) ?? 0
  return [...pods].sort((a, b) => {
    const na = !!(a.spec as { nodeName?: string }).nodeName
    const nb = !!(b.spec as { nodeName?: string }).nodeName
    if (na !== nb) return na ? 1 : -1
    const pa = PHASE_ORDER[podPhase(a)] ?? 0
    const pb = PHASE_ORDER[podPhase(b)] ?? 0
    if (pa !== pb) return pa - pb
    const ra = isPodReady(a)
    const rb = isPodReady(b)
    if (ra !== rb) return ra ? 1 : -1
    if (cost(a) !== cost(b)) return cost(a) - cost(b)
    if (rank(a) !== rank(b)) return rank(b) - rank(a)
    if (ra && rb && readySince(a) !== readySince(b)) return readySince(b) - readySince(a)
    if (restartCount(a) !== restartCount(b)) return restartCount(b) - restartCount(a)
    if (created(a) !== created(b)) return created(b) - created(a)
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1
  })
}
