/**
 * The DaemonSet controller (pkg/controller/daemon): one pod per eligible node, pinned there
 * with required node affinity on metadata.name (the scheduler still binds it), with the
 * tolerations DaemonSet pods always get. Status counts as `kubectl get ds` shows them.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone, controllerRef } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { computeHash } from '../../machinery/hash'
import { toleratesTaint, type Taint, type Toleration } from '../../api/tolerations'
import { selectorFromLabelSelector } from '../../machinery/labels'
import { isPodActive, isPodAvailable, isPodReady, podFromTemplate } from '../controller-utils/pods'
import { podsToReplace } from './update'


/** AddOrUpdateDaemonPodTolerations */
export function daemonPodTolerations(existing: Toleration[], hostNetwork: boolean): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ]
  if (hostNetwork) add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' })
  const out = [...existing]
  for (const t of add) if (!out.some((x) => x.key === t.key && x.effect === t.effect)) out.push(t)
  return out
}

function tolerates(tols: Toleration[], taint: Taint): boolean {
  return tols.some((t) => toleratesTaint(t, taint))
}

export class DaemonSetController {
  private readonly queue: WorkQueue
  private readonly dsInformer: Informer
  private readonly podType: ResourceType
  private readonly dsType: ResourceType
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.dsType = ctx.api.registry.forGroupResource('apps', 'daemonsets')!
    this.podType = ctx.api.registry.forGroupResource('', 'pods')!
    this.dsInformer = ctx.informers.for('apps', 'daemonsets')
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
    const spec = ds.spec as { selector?: never; template: { metadata?: { labels?: Record<string, string> }; spec?: { tolerations?: Toleration[]; hostNetwork?: boolean; affinity?: unknown } }; minReadySeconds?: number }
    const selector = selectorFromLabelSelector(spec.selector)
    if (!selector) return undefined
    const hash = computeHash(spec.template)
    const pods = this.ctx.informers.pods().list(ds.metadata.namespace).filter((p) => controllerRef(p)?.uid === ds.metadata.uid)
    const nodes = this.ctx.informers.nodes().list()
    const now = this.ctx.clock.now()
    let desired = 0
    const byNode = new Map<string, KubeObject[]>()
    for (const node of nodes) {
      const name = node.metadata.name!
      const mine = pods.filter((p) => nodeTarget(p) === name && isPodActive(p))
      if (this.shouldRun(ds, node)) {
        desired++
        byNode.set(name, mine)
        if (mine.length === 0) this.createPod(ds, name, hash)
      } else {
        for (const p of mine) this.deletePod(ds, p)
      }
    }
    // A changed template: replace old pods within maxUnavailable (the next sync recreates them).
    for (const p of podsToReplace(ds, byNode, hash, now)) this.deletePod(ds, p)
    const current = this.ctx.informers.pods().list(ds.metadata.namespace).filter((p) => controllerRef(p)?.uid === ds.metadata.uid && isPodActive(p))
    const scheduled = current.filter((p) => (p.spec as { nodeName?: string }).nodeName)
    const status = {
      currentNumberScheduled: scheduled.length,
      desiredNumberScheduled: desired,
      numberAvailable: current.filter((p) => isPodAvailable(p, spec.minReadySeconds ?? 0, now)).length,
      numberMisscheduled: 0,
      numberReady: current.filter(isPodReady).length,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: scheduled.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length,
    } as Record<string, unknown>
    if (!status.numberAvailable) delete status.numberAvailable
    const unavailable = desired - ((status.numberAvailable as number) ?? 0)
    if (unavailable > 0) status.numberUnavailable = unavailable
    if (JSON.stringify(ds.status ?? {}) !== JSON.stringify(status)) {
      const next = clone(ds)
      next.status = status
      try {
        this.ctx.api.update(this.dsType, next, { subresource: 'status' })
      } catch {
        this.queue.addRateLimited(key)
      }
    }
    return undefined
  }

  private createPod(ds: KubeObject, nodeName: string, hash: string): void {
    const spec = ds.spec as { template: KubeObject['spec'] & object }
    const pod = podFromTemplate(spec.template, ds, `${ds.metadata.name}-`)
    pod.metadata.labels = { ...pod.metadata.labels, 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) }
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

/** The node a daemon pod is for: its binding, or the node its affinity pins it to. */
function nodeTarget(p: KubeObject): string | undefined {
  const spec = p.spec as { nodeName?: string; affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; values?: string[] }[] }[] } } } }
  if (spec.nodeName) return spec.nodeName
  const f = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.find((m) => m.key === 'metadata.name')
  return f?.values?.[0]
}
