/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * ttlSecondsAfterFinished is deleted (its pods with it, in the background) that long after
 * its Complete or Failed condition.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { parseTime } from '../../machinery/time'
import { findCondition, isJobFinished, jspec } from './job-utils'

export class TTLAfterFinishedController {
  private readonly queue: WorkQueue
  private readonly jobInformer: Informer
  private readonly jobType: ResourceType

  constructor(private readonly ctx: ComponentContext) {
    this.jobType = ctx.api.registry.forGroupResource('batch', 'jobs')!
    this.jobInformer = ctx.informers.for('batch', 'jobs')
    this.queue = new WorkQueue(ctx.clock, (k) => this.processJob(k))
    const enqueue = (j: KubeObject) => {
      if (jspec(j).ttlSecondsAfterFinished !== undefined && !j.metadata.deletionTimestamp && isJobFinished(j)) this.queue.add(`${j.metadata.namespace}/${j.metadata.name}`)
    }
    this.jobInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n) })
  }

  /** processJob: delete when the TTL has passed, else come back then. */
  private processJob(key: string): undefined {
    const job = this.jobInformer.getByKey(key)
    if (!job || job.metadata.deletionTimestamp || !isJobFinished(job)) return undefined
    const ttl = jspec(job).ttlSecondsAfterFinished
    if (ttl === undefined) return undefined
    const cond = findCondition(job, 'Complete') ?? findCondition(job, 'Failed')
    const finishedAt = parseTime(cond?.lastTransitionTime) ?? this.ctx.clock.now()
    const left = finishedAt + ttl * 1000 - this.ctx.clock.now()
    if (left > 0) {
      this.queue.addAfter(key, left)
      return undefined
    }
    try {
      this.ctx.api.delete(this.jobType, job.metadata.namespace, job.metadata.name!, { propagationPolicy: 'Background' })
    } catch {
      // Already gone.
    }
    return undefined
  }
}
