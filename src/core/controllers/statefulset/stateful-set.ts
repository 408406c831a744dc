/**
 * The StatefulSet controller (pkg/controller/statefulset, stateful_set_control.go): pods
 * `<set>-0..N-1` with their PVCs, created in order and each only once the one before is
 * Running and Ready (OrderedReady) or all at once (Parallel); scale-down from the highest
 * ordinal; RollingUpdate replaces pods from the highest ordinal down to the partition, one at
 * a time. A pod is re-created only once its predecessor of the same name is gone.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone, controllerRef } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { selectorFromLabelSelector } from '../../machinery/labels'
import { isPodAvailable } from '../controller-utils/pods'
import { claimObjects } from '../controller-utils/ref-manager'
import { getStatefulSetRevisions, ownedRevisions, truncateHistory, type Revisions } from './revisions'
import { claimsFor, isRunningAndReady, isTerminated, newStatefulPod, ordinalOf, revisionOfPod, sspec } from './stateful-pods'

export class StatefulSetController {
  private readonly queue: WorkQueue
  private readonly setInformer: Informer
  private readonly podInformer: Informer
  private readonly crInformer: Informer
  private readonly setType: ResourceType
  private readonly podType: ResourceType
  private readonly pvcType: ResourceType
  private readonly crType: ResourceType
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.setType = ctx.api.registry.forGroupResource('apps', 'statefulsets')!
    this.podType = ctx.api.registry.forGroupResource('', 'pods')!
    this.pvcType = ctx.api.registry.forGroupResource('', 'persistentvolumeclaims')!
    this.crType = ctx.api.registry.forGroupResource('apps', 'controllerrevisions')!
    this.setInformer = ctx.informers.for('apps', 'statefulsets')
    this.podInformer = ctx.informers.pods()
    this.crInformer = ctx.informers.for('apps', 'controllerrevisions')
    this.recorder = ctx.recorder({ component: 'statefulset-controller' })
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k))
    const enqueue = (s: KubeObject) => this.queue.add(`${s.metadata.namespace}/${s.metadata.name}`)
    this.setInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue })
    const enqueueOwner = (p: KubeObject) => {
      const ref = controllerRef(p)
      if (ref?.kind === 'StatefulSet') this.queue.add(`${p.metadata.namespace}/${ref.name}`)
    }
    this.podInformer.addEventHandler({ add: enqueueOwner, update: (_o, n) => enqueueOwner(n), delete: enqueueOwner })
  }

  /** sync: one step of UpdateStatefulSet, then status. */
  private sync(key: string): undefined {
    const set = this.setInformer.getByKey(key)
    if (!set) return undefined
    const selector = selectorFromLabelSelector(sspec(set).selector as never)
    if (!selector) return undefined
    const pods = claimObjects(this.ctx.api, this.podType, set, selector, this.podInformer.list(set.metadata.namespace)).filter((p) => ordinalOf(set, p) >= 0)
    const revs = getStatefulSetRevisions(this.ctx.api, this.crType, set, ownedRevisions(this.crInformer.list(set.metadata.namespace), set))
    if (!set.metadata.deletionTimestamp) this.updateStatefulSet(set, revs, pods)
    const now = this.podInformer.list(set.metadata.namespace).filter((p) => controllerRef(p)?.uid === set.metadata.uid && ordinalOf(set, p) >= 0)
    this.writeStatus(set, revs, now)
    truncateHistory(this.ctx.api, this.crType, set, revs, now)
    const min = sspec(set).minReadySeconds ?? 0
    if (min > 0 && now.some((p) => isRunningAndReady(p) && !isPodAvailable(p, min, this.ctx.clock.now()))) this.queue.addAfter(key, min * 1000)
    return undefined
  }

  private updateStatefulSet(set: KubeObject, revs: Revisions, pods: KubeObject[]): void {
    const spec = sspec(set)
    const replicas = spec.replicas ?? 1
    const monotonic = spec.podManagementPolicy !== 'Parallel'
    const byOrdinal = new Map(pods.map((p) => [ordinalOf(set, p), p]))
    const rolling = spec.updateStrategy?.type !== 'OnDelete'
    const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0

    // Replicas in order: replace finished pods, create missing ones, wait on unhealthy ones.
    for (let ord = 0; ord < replicas; ord++) {
      const pod = byOrdinal.get(ord)
      if (pod && isTerminated(pod) && !pod.metadata.deletionTimestamp) {
        const reason = pod.status && (pod.status as { phase?: string }).phase === 'Failed' ? 'RecreatingFailedPod' : 'RecreatingTerminatedPod'
        const what = reason === 'RecreatingFailedPod' ? 'failed' : 'terminated'
        this.recorder.event(set, 'Warning', reason, `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating ${what} Pod ${pod.metadata.name}`)
        this.deletePod(set, pod)
        if (monotonic) return
        continue
      }
      if (!pod) {
        const rev = rolling && ord < partition ? revs.current : revs.update
        if (!this.createPod(set, rev, ord)) return
        if (monotonic) return
        continue
      }
      if (monotonic && (pod.metadata.deletionTimestamp || !isRunningAndReady(pod))) return
    }

    // Condemned pods, highest ordinal first.
    const condemned = pods.filter((p) => ordinalOf(set, p) >= replicas).sort((a, b) => ordinalOf(set, b) - ordinalOf(set, a))
    for (const pod of condemned) {
      if (pod.metadata.deletionTimestamp) {
        if (monotonic) return
        continue
      }
      // OrderedReady scales down only while every other pod is healthy.
      if (monotonic && pods.some((p) => p !== pod && !p.metadata.deletionTimestamp && !isRunningAndReady(p))) return
      if (spec.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete') this.claimsFollowPod(set, pod)
      this.deletePod(set, pod)
      if (monotonic) return
    }

    // RollingUpdate: from the highest ordinal down to the partition, one pod at a time.
    if (!rolling) return
    for (let ord = replicas - 1; ord >= partition; ord--) {
      const pod = byOrdinal.get(ord)
      if (!pod) return
      if (revisionOfPod(pod) !== revs.update.metadata.name && !pod.metadata.deletionTimestamp) {
        this.deletePod(set, pod)
        return
      }
      if (pod.metadata.deletionTimestamp || !isRunningAndReady(pod)) return
    }
  }

  private createPod(set: KubeObject, rev: KubeObject, ord: number): boolean {
    const ns = set.metadata.namespace
    const pod = newStatefulPod(set, rev, ord)
    for (const claim of claimsFor(set, ord)) {
      if (this.ctx.api.peek(this.pvcType, ns, claim.metadata.name!)) continue
      try {
        this.ctx.api.create(this.pvcType, { ...claim, status: { phase: 'Pending' } })
        this.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`)
      } catch (e) {
        this.recorder.event(set, 'Warning', 'FailedCreate', `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e instanceof Error ? e.message : String(e)}`)
        return false
      }
    }
    if (this.ctx.api.peek(this.podType, ns, pod.metadata.name!)) return false
    try {
      this.ctx.api.create(this.podType, pod)
      this.recorder.event(set, 'Normal', 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`)
      return true
    } catch (e) {
      this.recorder.event(set, 'Warning', 'FailedCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e instanceof Error ? e.message : String(e)}`)
      return false
    }
  }

  /** whenScaled: Delete - the condemned pod becomes its claims' owner, so they go with it. */
  private claimsFollowPod(set: KubeObject, pod: KubeObject): void {
    for (const claim of claimsFor(set, ordinalOf(set, pod))) {
      const cur = this.ctx.api.peek(this.pvcType, set.metadata.namespace, claim.metadata.name!)
      if (!cur || cur.metadata.ownerReferences?.some((r) => r.uid === pod.metadata.uid)) continue
      const next = clone(cur)
      next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name!, uid: pod.metadata.uid! }]
      try {
        this.ctx.api.update(this.pvcType, next)
      } catch {
        // Changed meanwhile: the next scale-down pass tries again.
      }
    }
  }

  private deletePod(set: KubeObject, pod: KubeObject): void {
    try {
      this.ctx.api.delete(this.podType, pod.metadata.namespace, pod.metadata.name!)
      this.recorder.event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`)
    } catch {
      // Already gone.
    }
  }

  /** computeReplicaStatus + completeRollingUpdate */
  private writeStatus(set: KubeObject, revs: Revisions, pods: KubeObject[]): void {
    const spec = sspec(set)
    const now = this.ctx.clock.now()
    const cur = revs.current.metadata.name!
    const upd = revs.update.metadata.name!
    const live = pods.filter((p) => !p.metadata.deletionTimestamp)
    const st: Record<string, unknown> = {
      observedGeneration: set.metadata.generation,
      replicas: pods.length,
      readyReplicas: pods.filter(isRunningAndReady).length,
      currentReplicas: live.filter((p) => revisionOfPod(p) === cur).length,
      updatedReplicas: live.filter((p) => revisionOfPod(p) === upd).length,
      currentRevision: cur,
      updateRevision: upd,
      collisionCount: (set.status as { collisionCount?: number } | undefined)?.collisionCount ?? 0,
      availableReplicas: pods.filter((p) => isRunningAndReady(p) && isPodAvailable(p, spec.minReadySeconds ?? 0, now)).length,
    }
    if (spec.updateStrategy?.type !== 'OnDelete' && st.updatedReplicas === st.replicas && st.readyReplicas === st.replicas) {
      st.currentRevision = upd
      st.currentReplicas = st.updatedReplicas
    }
    // omitempty on readyReplicas, currentReplicas, updatedReplicas.
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (!st[k]) delete st[k]
    const fresh = this.setInformer.get(set.metadata.namespace, set.metadata.name!)
    if (!fresh || JSON.stringify(fresh.status ?? {}) === JSON.stringify(st)) return
    const next = clone(fresh)
    next.status = st
    try {
      this.ctx.api.update(this.setType, next, { subresource: 'status' })
    } catch {
      this.queue.addRateLimited(`${set.metadata.namespace}/${set.metadata.name}`)
    }
  }
}
