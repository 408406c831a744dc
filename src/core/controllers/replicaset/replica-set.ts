/**
 * The ReplicaSet controller (pkg/controller/replicaset), also serving ReplicationControllers:
 * keep `replicas` active pods that match the selector, adopting orphans, releasing pods whose
 * labels stop matching, deleting the best candidates first when there are too many.
 * Informers here are updated synchronously with the store, so a sync never sees a stale
 * cache and upstream's expectations bookkeeping has nothing to guard against.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone, controllerRef } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { selectorFromLabelSelector, selectorFromMap, type Selector } from '../../machinery/labels'
import { isPodActive, isPodAvailable, isPodReady, podFromTemplate } from '../controller-utils/pods'
import { claimObjects } from '../controller-utils/ref-manager'
import { rankPodsForDeletion } from './ranking'

/** kube-controller-manager's burstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500

interface RSSpec {
  replicas?: number
  minReadySeconds?: number
  selector?: unknown
  template?: { metadata?: { labels?: Record<string, string> } }
}

export class ReplicaSetController {
  private readonly queue: WorkQueue
  private readonly rsInformer: Informer
  private readonly podInformer: Informer
  private readonly rsType: ResourceType
  private readonly podType: ResourceType
  private readonly recorder: EventRecorder

  constructor(
    private readonly ctx: ComponentContext,
    readonly kind: 'ReplicaSet' | 'ReplicationController' = 'ReplicaSet',
  ) {
    const group = kind === 'ReplicaSet' ? 'apps' : ''
    const plural = kind === 'ReplicaSet' ? 'replicasets' : 'replicationcontrollers'
    this.rsType = ctx.api.registry.forGroupResource(group, plural)!
    this.podType = ctx.api.registry.forGroupResource('', 'pods')!
    this.rsInformer = ctx.informers.for(group, plural)
    this.podInformer = ctx.informers.pods()
    this.recorder = ctx.recorder({ component: kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller' })
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key))
    const enqueue = (o: KubeObject) => this.queue.add(`${o.metadata.namespace}/${o.metadata.name}`)
    this.rsInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue })
    this.podInformer.addEventHandler({
      add: (p) => this.enqueueOwnerOrMatching(p),
      update: (o, n) => {
        this.enqueueOwnerOrMatching(n)
        const oldRef = controllerRef(o)
        if (oldRef && oldRef.uid !== controllerRef(n)?.uid) this.enqueueOwner(o)
      },
      delete: (p) => this.enqueueOwner(p),
    })
  }

  private selectorOf(rs: KubeObject): Selector | null {
    const spec = rs.spec as RSSpec
    return this.kind === 'ReplicaSet' ? selectorFromLabelSelector(spec.selector as never) : selectorFromMap(spec.selector as Record<string, string>)
  }

  private enqueueOwner(pod: KubeObject): void {
    const ref = controllerRef(pod)
    if (ref?.kind === this.kind) this.queue.add(`${pod.metadata.namespace}/${ref.name}`)
  }

  private enqueueOwnerOrMatching(pod: KubeObject): void {
    if (controllerRef(pod)) return this.enqueueOwner(pod)
    for (const rs of this.rsInformer.list(pod.metadata.namespace)) {
      if (this.selectorOf(rs)?.matches(pod.metadata.labels)) this.queue.add(`${rs.metadata.namespace}/${rs.metadata.name}`)
    }
  }

  /** syncReplicaSet */
  sync(key: string): Error | undefined {
    const rs = this.rsInformer.getByKey(key)
    if (!rs) return undefined
    const spec = rs.spec as RSSpec
    const selector = this.selectorOf(rs)
    if (!selector) return undefined
    const ns = rs.metadata.namespace!
    const candidates = this.podInformer.list(ns).filter(isPodActive)
    const pods = claimObjects(this.ctx.api, this.podType, rs, selector, candidates)
    let err: Error | undefined
    if (!rs.metadata.deletionTimestamp) err = this.manageReplicas(pods, rs)
    this.updateStatus(rs, this.podInformer.list(ns).filter((p) => isPodActive(p) && controllerRef(p)?.uid === rs.metadata.uid))
    const min = spec.minReadySeconds ?? 0
    if (min > 0) {
      // Come back when a ready pod becomes available.
      const pending = pods.some((p) => isPodReady(p) && !isPodAvailable(p, min, this.ctx.clock.now()))
      if (pending) this.queue.addAfter(key, min * 1000)
    }
    return err
  }

  private manageReplicas(pods: KubeObject[], rs: KubeObject): Error | undefined {
    const spec = rs.spec as RSSpec
    const diff = pods.length - (spec.replicas ?? 1)
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS)
      for (let i = 0; i < n; i++) {
        const pod = podFromTemplate(spec.template as never, rs, `${rs.metadata.name}-`)
        try {
          const created = this.ctx.api.create(this.podType, pod, { namespace: rs.metadata.namespace })
          this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`)
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e)
          this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${msg}`)
          return e instanceof Error ? e : new Error(msg)
        }
      }
    } else if (diff > 0) {
      const victims = rankPodsForDeletion(pods, this.podInformer.list(rs.metadata.namespace), this.ctx.clock.now()).slice(0, Math.min(diff, BURST_REPLICAS))
      for (const p of victims) {
        try {
          this.ctx.api.delete(this.podType, p.metadata.namespace, p.metadata.name!)
          this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`)
        } catch {
          // Already gone.
        }
      }
    }
    return undefined
  }

  private updateStatus(rs: KubeObject, pods: KubeObject[]): void {
    const spec = rs.spec as RSSpec
    const now = this.ctx.clock.now()
    const templateLabels = spec.template?.metadata?.labels ?? {}
    const status: Record<string, unknown> = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, spec.minReadySeconds ?? 0, now)).length,
      observedGeneration: rs.metadata.generation,
    }
    // Zero counts are omitted, as the API's omitempty does.
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (!status[k]) delete status[k]
    const current = rs.status as Record<string, unknown> | undefined
    if (current && (current as { conditions?: unknown }).conditions) status.conditions = (current as { conditions?: unknown }).conditions
    if (JSON.stringify(current ?? {}) === JSON.stringify(status)) return
    const next = clone(rs)
    next.status = status
    try {
      this.ctx.api.update(this.rsType, next, { subresource: 'status' })
    } catch {
      this.queue.addRateLimited(`${rs.metadata.namespace}/${rs.metadata.name}`)
    }
  }
}
