/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, pinned there
 * with required node affinity on metadata.name (the scheduler still binds it), with the
 * tolerations DaemonSet pods always get. Each template is a ControllerRevision (history.ts)
 * whose hash labels the pods; RollingUpdate replaces them (update.ts). Status counts as
 * `kubectl get ds` shows them.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone, controllerRef } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { toleratesTaint, type Taint, type Toleration } from '../../api/tolerations'
import { selectorFromLabelSelector } from '../../machinery/labels'
import { CONTROLLER_REVISION_HASH_LABEL, controlledRevisions } from '../controller-utils/history'
import { isPodAvailable, isPodReady, podFromTemplate, podPhase } from '../controller-utils/pods'
import { byCreation, daemonPodTolerations, DAEMONSET_TEMPLATE_GENERATION_KEY, isPodUpdated, nodeTarget, podsShouldBeOnNode } from './daemon-pods'
import { cleanupHistory, constructHistory } from './history'
import { desiredCounts, rollingUpdate, rollingUpdateOf } from './update'

function tolerates(tols: Toleration[], taint: Taint): boolean {
  return tols.some((t) => toleratesTaint(t, taint))
}

export class DaemonSetController {
  private readonly queue: WorkQueue
  private readonly dsInformer: Informer
  private readonly podType: ResourceType
  private readonly dsType: ResourceType
  private readonly crType: ResourceType
  private readonly crInformer: Informer
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.dsType = ctx.api.registry.forGroupResource('apps', 'daemonsets')!
    this.podType = ctx.api.registry.forGroupResource('', 'pods')!
    this.crType = ctx.api.registry.forGroupResource('apps', 'controllerrevisions')!
    this.dsInformer = ctx.informers.for('apps', 'daemonsets')
    this.crInformer = ctx.informers.for('apps', 'controllerrevisions')
    this.recorder = ctx.recorder({ component: 'daemonset-controller' })
    this.queue = new WorkQueue(ctx.clock, (k) => this.syncDaemonSet(k))
    const enqueue = (o: KubeObject) => this.queue.add(`${o.metadata.namespace}/${o.metadata.name}`)
    const enqueueAll = () => this.dsInformer.list().forEach(enqueue)
    this.dsInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n) })
    ctx.informers.nodes().addEventHandler({ add: enqueueAll, update: enqueueAll, delete: enqueueAll })
    const owner = (p: KubeObject) => {
      const ref = controllerRef(p)
      if (ref?.kind === 'DaemonSet') this.queue.add(`${p.metadata.namespace}/${ref.name}`)
    }
    ctx.informers.pods().addEventHandler({ add: owner, update: (_o, n) => owner(n), delete: owner })
  }

  private shouldRun(ds: KubeObject, node: KubeObject): boolean {
    const spec = (ds.spec as { template?: { spec?: { nodeSelector?: Record<string, string>; tolerations?: Toleration[]; hostNetwork?: boolean } } }).template?.spec ?? {}
    const labels = node.metadata.labels ?? {}
    for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false
    const tols = daemonPodTolerations(spec.tolerations ?? [], !!spec.hostNetwork)
    for (const taint of ((node.spec as { taints?: { key: string; value?: string; effect: string }[] })?.taints ?? [])) {
      if ((taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerates(tols, taint)) return false
    }
    return true
  }

  syncDaemonSet(key: string): undefined {
    const ds = this.dsInformer.getByKey(key)
    if (!ds || ds.metadata.deletionTimestamp) return undefined
    const spec = ds.spec as { selector?: never; minReadySeconds?: number }
    if (!selectorFromLabelSelector(spec.selector)) return undefined
    let history
    try {
      history = constructHistory(this.ctx.api, this.crType, ds, controlledRevisions(this.crInformer.list(ds.metadata.namespace), ds))
    } catch {
      this.queue.addRateLimited(key)
      return undefined
    }
    const { old, hash } = history
    const nodes = this.ctx.informers.nodes().list()
    const now = this.ctx.clock.now()
    const eligible = new Set(nodes.filter((n) => this.shouldRun(ds, n)).map((n) => n.metadata.name!))
    const surge = desiredCounts(ds, eligible.size).maxSurge > 0
    // manage: what each node needs, then the rolling update's share.
    let byNode = this.nodeToDaemonPods(ds)
    const check = { ds, hash, surge, minReadySeconds: spec.minReadySeconds ?? 0, now }
    for (const node of nodes) {
      const plan = podsShouldBeOnNode(eligible.has(node.metadata.name!), byNode.get(node.metadata.name!) ?? [], check)
      for (const p of plan.delete) this.deletePod(ds, p)
      if (plan.create) this.createPod(ds, node.metadata.name!, hash)
    }
    if (rollingUpdateOf(ds)) {
      byNode = this.nodeToDaemonPods(ds)
      const r = rollingUpdate({ ds, hash, nodeToDaemonPods: byNode, shouldRun: (n) => eligible.has(n), desired: eligible.size, now })
      for (const p of r.deletePods) this.deletePod(ds, p)
      for (const n of r.createOn) this.createPod(ds, n, hash)
    }
    byNode = this.nodeToDaemonPods(ds)
    cleanupHistory(this.ctx.api, this.crType, ds, old, [...byNode.values()].flat())
    this.updateStatus(key, ds, nodes.map((n) => n.metadata.name!), eligible, byNode, hash)
    // Availability after minReadySeconds is a moment no event marks.
    const min = spec.minReadySeconds ?? 0
    if (min && [...byNode.values()].flat().some((p) => isPodReady(p) && !isPodAvailable(p, min, now))) this.queue.addAfter(key, min * 1000)
    return undefined
  }

  /** getNodesToDaemonPods: finished pods already being deleted are out of the picture. */
  private nodeToDaemonPods(ds: KubeObject): Map<string, KubeObject[]> {
    const out = new Map<string, KubeObject[]>()
    for (const p of this.ctx.informers.pods().list(ds.metadata.namespace)) {
      if (controllerRef(p)?.uid !== ds.metadata.uid) continue
      const phase = podPhase(p)
      if ((phase === 'Succeeded' || phase === 'Failed') && p.metadata.deletionTimestamp) continue
      const node = nodeTarget(p)
      if (!node) continue
      out.set(node, [...(out.get(node) ?? []), p])
    }
    return out
  }

  /** updateDaemonSetStatus: per node, the oldest pod counts. */
  private updateStatus(key: string, ds: KubeObject, nodes: string[], eligible: Set<string>, byNode: Map<string, KubeObject[]>, hash: string): void {
    const min = (ds.spec as { minReadySeconds?: number }).minReadySeconds ?? 0
    const now = this.ctx.clock.now()
    let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0
    for (const node of nodes) {
      const pods = byNode.get(node) ?? []
      if (!eligible.has(node)) {
        if (pods.length) misscheduled++
        continue
      }
      desired++
      if (!pods.length) continue
      current++
      const pod = [...pods].sort(byCreation)[0]!
      if (isPodReady(pod)) {
        ready++
        if (isPodAvailable(pod, min, now)) available++
      }
      if (isPodUpdated(pod, hash, ds.metadata.generation)) updated++
    }
    // Field order and omitempty as the API writes them.
    const status: Record<string, unknown> = { currentNumberScheduled: current, desiredNumberScheduled: desired, numberMisscheduled: misscheduled, numberReady: ready, observedGeneration: ds.metadata.generation }
    if (available) status.numberAvailable = available
    if (desired - available > 0) status.numberUnavailable = desired - available
    if (updated) status.updatedNumberScheduled = updated
    const collisionCount = (ds.status as { collisionCount?: number } | undefined)?.collisionCount
    if (collisionCount) status.collisionCount = collisionCount
    const ordered = Object.fromEntries(Object.keys(status).sort().map((k) => [k, status[k]]))
    if (JSON.stringify(ds.status ?? {}) === JSON.stringify(ordered)) return
    const next = clone(ds)
    next.status = ordered
    try {
      this.ctx.api.update(this.dsType, next, { subresource: 'status' })
    } catch {
      this.queue.addRateLimited(key)
    }
  }

  private createPod(ds: KubeObject, nodeName: string, hash: string): void {
    const spec = ds.spec as { template: KubeObject['spec'] & object }
    const pod = podFromTemplate(spec.template, ds, `${ds.metadata.name}-`)
    pod.metadata.labels = { ...pod.metadata.labels, [CONTROLLER_REVISION_HASH_LABEL]: hash, [DAEMONSET_TEMPLATE_GENERATION_KEY]: String(ds.metadata.generation ?? 1) }
    const ps = pod.spec as { tolerations?: Toleration[]; hostNetwork?: boolean; affinity?: Record<string, unknown> }
    ps.tolerations = daemonPodTolerations(ps.tolerations ?? [], !!ps.hostNetwork)
    ps.affinity = {
      ...(ps.affinity ?? {}),
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } },
    }
    try {
      const created = this.ctx.api.create(this.podType, pod, { namespace: ds.metadata.namespace })
      this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`)
    } catch (e) {
      this.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  private deletePod(ds: KubeObject, p: KubeObject): void {
    try {
      this.ctx.api.delete(this.podType, p.metadata.namespace, p.metadata.name!)
      this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`)
    } catch {
      // Already gone.
    }
  }
}
