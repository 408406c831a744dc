/**
 * The kubelet of one node: registers the Node, renews its Lease every 10 s, reports node
 * status (written when it changes or every 5 minutes), runs the pods bound to it through
 * pod workers, and stops doing all of that when the node loses power.
 */

import type { KubeObject } from '../api/types'
import { clone } from '../api/types'
import type { ComponentContext } from '../client/context'
import type { EventRecorder } from '../client/events'
import { isStatusError } from '../machinery/errors'
import { rfc3339, rfc3339Micro } from '../machinery/time'
import type { Clock } from '../sim/clock'
import type { Random } from '../sim/random'
import type { ImageCatalogue } from './images/catalogue'
import { ImageStore } from './images/image-store'
import { nodeObject, readyConditions, type NodeShape } from './node-spec'
import { PodWorker } from './pod-worker'
import type { ContainerSpec, ProgramOutcome } from './runtime/program'
import { ContainerRuntime } from './runtime/runtime'
import { buildPodStatus } from './status'

/** kubelet --node-status-update-frequency and --node-status-report-frequency; Lease duration. */
export const NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000
export const NODE_LEASE_DURATION_SECONDS = 40
export const NODE_LEASE_RENEW_INTERVAL_MS = 10_000
/** kubelet --sync-frequency: the periodic pod sync that refreshes configMap and secret volumes. */
export const SYNC_FREQUENCY_MS = 60_000

export interface KubeletHooks {
  /** The simulated runtime's answer for what a container does (the shell lives there). */
  program?(pod: KubeObject, c: ContainerSpec): ProgramOutcome | undefined
}

export class Kubelet {
  readonly images: ImageStore
  /** The node's container runtime: sandboxes, containers, their files, processes and logs. */
  readonly runtime: ContainerRuntime
  readonly clock: Clock
  readonly random: Random
  private workers = new Map<string, PodWorker>()
  private recorder: EventRecorder
  private powered = true
  /** False while a network partition cuts the node from the control plane (pods keep running). */
  private connected = true
  private lastReport = 0
  private nextIP = 2
  private ips = new Map<string, string>()
  private loops: { cancel(): void }[] = []

  constructor(
    private readonly ctx: ComponentContext,
    readonly shape: NodeShape,
    catalogue: ImageCatalogue,
    private readonly hooks: KubeletHooks = {},
  ) {
    this.clock = ctx.clock
    this.random = ctx.random
    this.images = new ImageStore(ctx.clock, ctx.random, catalogue)
    this.recorder = ctx.recorder({ component: 'kubelet', host: shape.name })
    const api = ctx.api
    this.runtime = new ContainerRuntime(
      ctx.clock,
      {
        peek: (resource, ns, name) => api.peek(api.registry.forGroupResource('', resource)!, ns, name),
        services: (ns) => api.list(api.registry.forGroupResource('', 'services')!, { namespace: ns }).items,
      },
      { name: shape.name, cpu: shape.cpu, memoryBytes: shape.memoryKi * 1024, internalIP: shape.internalIP },
    )
  }

  get name(): string {
    return this.shape.name
  }

  now(): number {
    return this.clock.now()
  }

  isPowered(): boolean {
    return this.powered
  }

  /** Whether the kubelet can reach the API server (and hear from it). */
  reachable(): boolean {
    return this.powered && this.connected
  }

  program(pod: KubeObject, c: ContainerSpec): ProgramOutcome | undefined {
    return this.hooks.program?.(pod, c)
  }

  /** Register the Node object and start the heartbeats. */
  start(): void {
    const api = this.ctx.api
    const nodes = api.registry.forGroupResource('', 'nodes')!
    const now = this.now()
    const existing = api.peek(nodes, undefined, this.name)
    if (!existing) {
      api.create(nodes, nodeObject(this.shape, now))
      const node = api.peek(nodes, undefined, this.name)!
      this.recorder.eventFor({ kind: 'Node', name: this.name, uid: this.name }, 'Normal', 'Starting', 'Starting kubelet.')
      for (const [reason, msg] of [
        ['NodeHasSufficientMemory', 'status is now: NodeHasSufficientMemory'],
        ['NodeHasNoDiskPressure', 'status is now: NodeHasNoDiskPressure'],
        ['NodeHasSufficientPID', 'status is now: NodeHasSufficientPID'],
        ['NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
      ] as const) {
        this.recorder.eventFor({ kind: 'Node', name: this.name, uid: this.name }, 'Normal', reason, reason === 'NodeAllocatableEnforced' ? msg : `Node ${this.name} ${msg}`)
      }
      void node
    }
    this.lastReport = now
    this.renewLease()
    this.loops.push(this.clock.every(NODE_LEASE_RENEW_INTERVAL_MS, () => this.renewLease()))
    this.loops.push(this.clock.every(NODE_STATUS_UPDATE_FREQUENCY_MS, () => this.syncNodeStatus()))
    this.loops.push(this.clock.every(SYNC_FREQUENCY_MS, () => this.syncVolumes()))
  }

  private renewLease(): void {
    if (!this.reachable()) return
    const api = this.ctx.api
    const leases = api.registry.forGroupResource('coordination.k8s.io', 'leases')!
    const node = api.peek(api.registry.forGroupResource('', 'nodes')!, undefined, this.name)
    const existing = api.peek(leases, 'kube-node-lease', this.name)
    const renewTime = rfc3339Micro(this.now())
    try {
      if (!existing) {
        api.create(leases, {
          apiVersion: 'coordination.k8s.io/v1',
          kind: 'Lease',
          metadata: {
            name: this.name,
            namespace: 'kube-node-lease',
            ownerReferences: node ? [{ apiVersion: 'v1', kind: 'Node', name: this.name, uid: node.metadata.uid! }] : undefined,
          },
          spec: { holderIdentity: this.name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime },
        })
      } else {
        const next = clone(existing)
        ;(next.spec as { renewTime: string }).renewTime = renewTime
        api.update(leases, next)
      }
    } catch {
      // The namespace may not exist yet during bootstrap; the next renewal retries.
    }
  }

  private syncVolumes(): void {
    if (!this.powered) return
    for (const w of this.workers.values()) if (!w.done && !w.terminating) this.runtime.refreshVolumes(w.pod)
  }

  /** Computed every 10 s, written when something changed or every 5 minutes. */
  private syncNodeStatus(): void {
    if (!this.reachable()) return
    const api = this.ctx.api
    const nodes = api.registry.forGroupResource('', 'nodes')!
    const node = api.peek(nodes, undefined, this.name)
    if (!node) return
    const now = this.now()
    const status = node.status as { conditions?: { type: string; status: string; lastTransitionTime: string }[]; images?: unknown[] }
    const images = this.images.list()
    const ready = status.conditions?.find((c) => c.type === 'Ready')
    const kubeletWasReady = ready?.status === 'True'
    const imagesChanged = JSON.stringify(images) !== JSON.stringify(status.images ?? [])
    if (kubeletWasReady && !imagesChanged && now - this.lastReport < NODE_STATUS_REPORT_FREQUENCY_MS) return
    const next = clone(node)
    const s = next.status as Record<string, unknown>
    const transitions = new Map((status.conditions ?? []).map((c) => [c.type, c]))
    s.conditions = (readyConditions(now, now) as { type: string; status: string; lastTransitionTime: string }[]).map((c) => {
      const prev = transitions.get(c.type)
      return prev && prev.status === c.status ? { ...c, lastTransitionTime: prev.lastTransitionTime } : c
    })
    s.images = images
    this.lastReport = now
    try {
      api.update(nodes, next, { subresource: 'status' })
      if (!kubeletWasReady) this.recorder.eventFor({ kind: 'Node', name: this.name, uid: this.name }, 'Normal', 'NodeReady', `Node ${this.name} status is now: NodeReady`)
    } catch {
      // Conflict with the node controller: the next tick writes again.
    }
  }

  allocatePodIP(uid: string): string {
    const existing = this.ips.get(uid)
    if (existing) return existing
    const base = this.shape.podCIDR.split('/')[0]!.split('.').slice(0, 3).join('.')
    const ip = `${base}.${this.nextIP++}`
    this.ips.set(uid, ip)
    return ip
  }

  event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    if (this.reachable()) this.recorder.event(pod, type, reason, message, fieldPath)
  }

  /** Called for every pod bound to this node, on add and update. */
  syncPod(pod: KubeObject): void {
    const uid = pod.metadata.uid!
    let w = this.workers.get(uid)
    if (!w) {
      const phase = (pod.status as { phase?: string } | undefined)?.phase
      if (phase === 'Succeeded' || phase === 'Failed') {
        if (pod.metadata.deletionTimestamp && this.powered) this.deletePod(pod)
        return
      }
      if (!this.powered) return
      if (pod.metadata.deletionTimestamp) {
        this.deletePod(pod)
        return
      }
      w = new PodWorker(this, pod)
      this.workers.set(uid, w)
      w.start()
      return
    }
    w.pod = pod
    if (pod.metadata.deletionTimestamp && this.powered) w.terminate(pod.metadata.deletionGracePeriodSeconds ?? 30)
  }

  forgetPod(pod: KubeObject): void {
    const w = this.workers.get(pod.metadata.uid!)
    if (w) {
      w.stop()
      this.workers.delete(pod.metadata.uid!)
    }
    this.ips.delete(pod.metadata.uid!)
    this.runtime.removePod(pod.metadata.uid!)
  }

  workerFor(uid: string): PodWorker | undefined {
    return this.workers.get(uid)
  }

  writeStatus(w: PodWorker): void {
    if (!this.reachable()) return
    const api = this.ctx.api
    const pods = api.registry.forGroupResource('', 'pods')!
    const current = api.peek(pods, w.pod.metadata.namespace, w.pod.metadata.name!)
    if (!current || current.metadata.uid !== w.rt.uid) return
    const next = clone(current)
    next.status = buildPodStatus(current, w.rt, this.shape.internalIP, this.now())
    try {
      w.pod = api.update(pods, next, { subresource: 'status' })
    } catch (e) {
      if (!isStatusError(e)) throw e
    }
  }

  podTerminated(w: PodWorker): void {
    this.workers.delete(w.rt.uid)
    this.deletePod(w.pod)
  }

  private deletePod(pod: KubeObject): void {
    if (!this.reachable()) return
    const api = this.ctx.api
    const pods = api.registry.forGroupResource('', 'pods')!
    try {
      api.delete(pods, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } })
    } catch {
      // Already gone.
    }
  }

  /** Power loss: no more heartbeats, status writes or container actions. */
  powerOff(): void {
    this.powered = false
    for (const w of this.workers.values()) w.stop()
  }

  /** Power back: the machine boots, the kubelet registers again; its pods are re-synced by the host. */
  powerOn(): void {
    this.powered = true
    this.workers.clear()
    this.renewLease()
    this.syncNodeStatus()
  }

  /** The node loses its network path to the control plane; containers keep running. */
  partition(): void {
    this.connected = false
  }

  /** The partition heals: heartbeats resume and the host re-syncs pods; statuses are rewritten. */
  heal(): void {
    this.connected = true
    this.renewLease()
    this.syncNodeStatus()
    for (const w of this.workers.values()) this.writeStatus(w)
  }

  /** Pods this kubelet runs whose API objects are gone (deleted while it was unreachable). */
  forgetMissing(existing: Set<string>): void {
    for (const [uid, w] of this.workers) {
      if (!existing.has(uid)) {
        w.stop()
        this.workers.delete(uid)
      }
    }
  }

  lastHeartbeat(): string {
    return rfc3339(this.lastReport)
  }
}
