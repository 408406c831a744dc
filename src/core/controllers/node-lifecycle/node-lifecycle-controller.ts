/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): every node-monitor-period it
 * checks each node's Lease; a node silent for node-monitor-grace-period gets its conditions set
 * to Unknown ("Kubelet stopped posting node status."), the unreachable taints, its pods marked
 * not Ready, and NodeNotReady events. When the kubelet reports again the taints come off.
 * Evictions themselves are the taint-eviction controller's job.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import { parseTime, rfc3339 } from '../../machinery/time'

/** kube-controller-manager --node-monitor-period and --node-monitor-grace-period (v1.31). */
export const NODE_MONITOR_PERIOD_MS = 5_000
export const NODE_MONITOR_GRACE_PERIOD_MS = 40_000

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable'
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready'
const PRESSURE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure']

interface Condition {
  type: string
  status: string
  lastHeartbeatTime?: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}
interface Taint {
  key: string
  value?: string
  effect: string
  timeAdded?: string
}

export class NodeLifecycleController {
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.recorder = ctx.recorder({ component: 'node-controller' })
    ctx.clock.every(NODE_MONITOR_PERIOD_MS, () => this.monitorNodeHealth())
  }

  /** monitorNodeHealth */
  monitorNodeHealth(): void {
    const api = this.ctx.api
    const nodeType = api.registry.forGroupResource('', 'nodes')!
    const leaseType = api.registry.forGroupResource('coordination.k8s.io', 'leases')!
    const now = this.ctx.clock.now()
    for (const node of this.ctx.informers.nodes().list()) {
      const name = node.metadata.name!
      const lease = api.peek(leaseType, 'kube-node-lease', name)
      const renewed = parseTime((lease?.spec as { renewTime?: string } | undefined)?.renewTime) ?? parseTime(node.metadata.creationTimestamp) ?? now
      const conds = ((node.status as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[]
      const ready = conds.find((c) => c.type === 'Ready')
      const silent = now - renewed > NODE_MONITOR_GRACE_PERIOD_MS
      if (silent && ready && ready.status !== 'Unknown') this.markUnknown(node, nodeType)
      else this.reconcileTaints(node, nodeType, ready)
    }
  }

  private markUnknown(node: KubeObject, nodeType: ResourceType): void {
    const now = rfc3339(this.ctx.clock.now())
    const next = clone(node)
    const status = next.status as { conditions: Condition[] }
    const wasReady = status.conditions.find((c) => c.type === 'Ready')?.status === 'True'
    status.conditions = status.conditions.map((c) =>
      c.type === 'Ready' || PRESSURE_CONDITIONS.includes(c.type)
        ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now }
        : c,
    )
    try {
      this.ctx.api.update(nodeType, next, { subresource: 'status' })
    } catch {
      return
    }
    if (wasReady) {
      this.recorder.eventFor({ kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid, apiVersion: 'v1' }, 'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`)
      this.markPodsNotReady(node.metadata.name!)
    }
    this.reconcileTaints(this.ctx.api.peek(nodeType, undefined, node.metadata.name!)!, nodeType, { type: 'Ready', status: 'Unknown' })
  }

  /** MarkPodsNotReady: only the Ready condition changes; kubectl still shows the pods Running. */
  private markPodsNotReady(nodeName: string): void {
    const api = this.ctx.api
    const podType = api.registry.forGroupResource('', 'pods')!
    const now = rfc3339(this.ctx.clock.now())
    for (const pod of this.ctx.informers.pods().list()) {
      if ((pod.spec as { nodeName?: string }).nodeName !== nodeName) continue
      const next = clone(pod)
      const conds = ((next.status as { conditions?: Condition[] }).conditions ?? []) as Condition[]
      const ready = conds.find((c) => c.type === 'Ready')
      if (!ready || ready.status === 'False') continue
      ready.status = 'False'
      ready.lastTransitionTime = now
      try {
        api.update(podType, next, { subresource: 'status' })
        this.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready')
      } catch {
        // Gone meanwhile.
      }
    }
  }

  /** Unreachable taints while the Ready condition is Unknown, not-ready while False, none when True. */
  private reconcileTaints(node: KubeObject, nodeType: ResourceType, ready: Condition | undefined): void {
    const taints = (((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[]).slice()
    const want = ready?.status === 'Unknown' ? TAINT_UNREACHABLE : ready?.status === 'False' ? TAINT_NOT_READY : undefined
    const now = rfc3339(this.ctx.clock.now())
    const next = taints.filter((t) => !((t.key === TAINT_UNREACHABLE || t.key === TAINT_NOT_READY) && t.key !== want))
    if (want) {
      if (!next.some((t) => t.key === want && t.effect === 'NoSchedule')) next.push({ key: want, effect: 'NoSchedule', timeAdded: now })
      if (!next.some((t) => t.key === want && t.effect === 'NoExecute')) next.push({ key: want, effect: 'NoExecute', timeAdded: now })
    }
    if (JSON.stringify(next) === JSON.stringify(taints)) return
    const updated = clone(node)
    const spec = (updated.spec ?? {}) as { taints?: Taint[] }
    if (next.length) spec.taints = next
    else delete spec.taints
    updated.spec = spec
    try {
      this.ctx.api.update(nodeType, updated)
    } catch {
      // Retried on the next monitor period.
    }
  }
}
