/**
 * The taint-eviction controller (pkg/controller/tainteviction): pods on a node with a NoExecute
 * taint they do not tolerate are deleted, at once or when their tolerationSeconds run out
 * (300 s by default, from DefaultTolerationSeconds). While most of a small cluster's nodes are
 * down, the node lifecycle controller's disruption rules stop evictions.
 */

import { toleratesTaint, type Taint, type Toleration } from '../../api/tolerations'
import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import { parseTime, rfc3339 } from '../../machinery/time'

/** How often pending evictions are looked at; upstream uses a timed worker per pod. */
export const TAINT_EVICTION_CHECK_MS = 1_000
/** --unhealthy-zone-threshold: at least this share of nodes not Ready (with more than 2) halts evictions. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55


export class TaintEvictionController {
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.recorder = ctx.recorder({ component: 'taint-eviction-controller' })
    ctx.clock.every(TAINT_EVICTION_CHECK_MS, () => this.evict())
  }

  private evictionsHalted(nodes: KubeObject[]): boolean {
    const notReady = nodes.filter((n) => (n.status as { conditions?: { type: string; status: string }[] })?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True').length
    if (nodes.length === 0 || notReady === nodes.length) return true
    return notReady > 2 && notReady / nodes.length >= UNHEALTHY_ZONE_THRESHOLD
  }

  private evict(): void {
    const nodes = this.ctx.informers.nodes().list()
    const tainted = nodes.filter((n) => ((n.spec as { taints?: Taint[] })?.taints ?? []).some((t) => t.effect === 'NoExecute'))
    if (!tainted.length || this.evictionsHalted(nodes)) return
    const now = this.ctx.clock.now()
    const byNode = new Map(tainted.map((n) => [n.metadata.name!, ((n.spec as { taints: Taint[] }).taints ?? []).filter((t) => t.effect === 'NoExecute')]))
    for (const pod of this.ctx.informers.pods().list()) {
      const taints = byNode.get((pod.spec as { nodeName?: string }).nodeName ?? '')
      if (!taints || pod.metadata.deletionTimestamp) continue
      const tols = ((pod.spec as { tolerations?: Toleration[] }).tolerations ?? []) as Toleration[]
      let deadline = -Infinity
      let evict = false
      for (const taint of taints) {
        const tol = tols.filter((t) => toleratesTaint(t, taint))
        if (!tol.length) {
          evict = true
          deadline = Math.max(deadline, now)
          continue
        }
        const secs = tol.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined)
        if (secs.length === tol.length) {
          evict = true
          deadline = Math.max(deadline, (parseTime(taint.timeAdded) ?? now) + Math.max(0, Math.min(...secs)) * 1000)
        }
      }
      if (evict && deadline <= now) this.deletePod(pod)
    }
  }

  private deletePod(pod: KubeObject): void {
    const api = this.ctx.api
    const podType = api.registry.forGroupResource('', 'pods')!
    const next = clone(pod)
    const status = next.status as { conditions?: Record<string, unknown>[] }
    status.conditions = [
      ...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'),
      { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.clock.now()), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' },
    ]
    try {
      api.update(podType, next, { subresource: 'status' })
      this.recorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`)
      api.delete(podType, pod.metadata.namespace, pod.metadata.name!)
    } catch {
      // Already going.
    }
  }
}
