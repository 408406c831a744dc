/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per template
 * revision, rolled by the strategy, with status and conditions kept up to date.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { controllerRef } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { selectorFromLabelSelector } from '../../machinery/labels'
import { claimObjects } from '../controller-utils/ref-manager'
import { rolloutRecreate } from './recreate'
import { rolloutRolling } from './rolling'
import { checkPausedConditions, isScalingEvent, syncScaleOnly } from './scale'
import type { SyncContext } from './sync'
import { dspec } from './util'

export class DeploymentController {
  private readonly queue: WorkQueue
  private readonly dInformer: Informer
  private readonly rsInformer: Informer
  private readonly podInformer: Informer
  readonly rsType: ResourceType
  readonly dType: ResourceType
  readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.dType = ctx.api.registry.forGroupResource('apps', 'deployments')!
    this.rsType = ctx.api.registry.forGroupResource('apps', 'replicasets')!
    this.dInformer = ctx.informers.for('apps', 'deployments')
    this.rsInformer = ctx.informers.for('apps', 'replicasets')
    this.podInformer = ctx.informers.pods()
    this.recorder = ctx.recorder({ component: 'deployment-controller' })
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncDeployment(key))
    const enqueue = (d: KubeObject) => this.queue.add(`${d.metadata.namespace}/${d.metadata.name}`)
    this.dInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue })
    const enqueueOwner = (rs: KubeObject) => {
      const ref = controllerRef(rs)
      if (ref?.kind === 'Deployment') this.queue.add(`${rs.metadata.namespace}/${ref.name}`)
      else if (!ref) {
        for (const d of this.dInformer.list(rs.metadata.namespace)) {
          if (selectorFromLabelSelector(dspec(d).selector as never)?.matches(rs.metadata.labels)) enqueue(d)
        }
      }
    }
    this.rsInformer.addEventHandler({ add: enqueueOwner, update: (_o, n) => enqueueOwner(n), delete: enqueueOwner })
    // A pod vanishing matters to Recreate, which waits for old pods to be gone.
    this.podInformer.addEventHandler({
      delete: (p) => {
        const rsRef = controllerRef(p)
        if (rsRef?.kind !== 'ReplicaSet') return
        const rs = this.rsInformer.get(p.metadata.namespace, rsRef.name)
        if (rs) enqueueOwner(rs)
      },
    })
  }

  requeueAfter(d: KubeObject, ms: number): void {
    this.queue.addAfter(`${d.metadata.namespace}/${d.metadata.name}`, ms)
  }

  /** syncDeployment */
  syncDeployment(key: string): Error | undefined {
    const d = this.dInformer.getByKey(key)
    if (!d || d.metadata.deletionTimestamp) return undefined
    const spec = dspec(d)
    const selector = selectorFromLabelSelector(spec.selector as never)
    if (!selector || selector.isEmpty()) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.')
      return undefined
    }
    const rsList = claimObjects(this.ctx.api, this.rsType, d, selector, this.rsInformer.list(d.metadata.namespace))
    const podsOf = (rs: KubeObject) => this.podInformer.list(rs.metadata.namespace).filter((p) => controllerRef(p)?.uid === rs.metadata.uid)
    const sc: SyncContext = { ctx: this.ctx, dc: this, d, rsList, podsOf }
    checkPausedConditions(sc)
    if (spec.paused || isScalingEvent(sc)) return syncScaleOnly(sc)
    if (spec.strategy?.type === 'Recreate') return rolloutRecreate(sc)
    return rolloutRolling(sc)
  }
}
