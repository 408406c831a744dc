/**
 * The pv-protection controller (pkg/controller/volume/pvprotection): a deleted volume keeps
 * its kubernetes.io/pv-protection finalizer, and so stays Terminating, while it is Bound to
 * a claim; once the binder releases it, the finalizer goes and the delete completes.
 */

import { PV_PROTECTION_FINALIZER } from '../../apiserver/admission/storage-object-in-use-protection'
import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'

export class PVProtectionController {
  private readonly queue: WorkQueue
  private readonly pvInformer: Informer
  private readonly pvType: ResourceType

  constructor(private readonly ctx: ComponentContext) {
    this.pvType = ctx.api.registry.forGroupResource('', 'persistentvolumes')!
    this.pvInformer = ctx.informers.for('', 'persistentvolumes')
    this.queue = new WorkQueue(ctx.clock, (key) => this.processPV(key))
    const enqueue = (o: KubeObject) => this.queue.add(o.metadata.name!)
    this.pvInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n) })
  }

  private processPV(key: string): Error | undefined {
    const pv = this.pvInformer.getByKey(key)
    if (!pv) return undefined
    const finalizers = pv.metadata.finalizers ?? []
    const has = finalizers.includes(PV_PROTECTION_FINALIZER)
    const next = clone(pv)
    if (pv.metadata.deletionTimestamp) {
      // isBeingUsed: a Bound volume is in use.
      if (!has || (pv.status as { phase?: string } | undefined)?.phase === 'Bound') return undefined
      next.metadata.finalizers = finalizers.filter((f) => f !== PV_PROTECTION_FINALIZER)
    } else if (!has) {
      next.metadata.finalizers = [...finalizers, PV_PROTECTION_FINALIZER]
    } else return undefined
    this.ctx.api.update(this.pvType, next)
    return undefined
  }
}
