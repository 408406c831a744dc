/**
 * The Job controller (pkg/controller/job/job_controller.go, v1.31 behaviour): run pods until
 * `completions` succeed, `parallelism` at a time, with a growing back-off after failures;
 * fail past backoffLimit or activeDeadlineSeconds. Finished pods are counted through the
 * batch.kubernetes.io/job-tracking finalizer, and the terminal condition (Complete / Failed)
 * comes only after the interim SuccessCriteriaMet / FailureTarget, once no pod is terminating.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone, controllerRef } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { selectorFromLabelSelector } from '../../machinery/labels'
import { parseTime, rfc3339 } from '../../machinery/time'
import { isPodActive, isPodReady, podPhase } from '../controller-utils/pods'
import { claimObjects } from '../controller-utils/ref-manager'
import {
  completionIndex,
  ensureJobConditionStatus,
  findCondition,
  formatIndexes,
  isIndexed,
  isJobFinished,
  isPodFailed,
  isTerminating,
  JOB_TRACKING_FINALIZER,
  jspec,
  jstatus,
  newCondition,
  parseIndexes,
  pastBackoffLimitOnFailure,
  remainingBackoff,
  type JobCondition,
  type JobStatus,
} from './job-utils'
import { podForJob } from './job-pod'
import { pastActiveDeadline, setCounts } from './job-status'
import { calculateFailedIndexes, hasBackoffLimitPerIndex, lastFailedPod, remainingTimePerIndex } from './backoff-per-index'
import { getFailJobMessage, matchPodFailurePolicy, podFailurePolicyOf } from './pod-failure-policy'
import { matchSuccessPolicy } from './success-policy'

/** Queue keys for pods whose Job is gone (cleanupOrphanPods), apart from Job keys. */
const ORPHAN_PREFIX = 'orphan-pod:'

/** MaxPodCreateDeletePerSync */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500

export class JobController {
  private readonly queue: WorkQueue
  private readonly jobInformer: Informer
  private readonly podInformer: Informer
  private readonly jobType: ResourceType
  private readonly podType: ResourceType
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.jobType = ctx.api.registry.forGroupResource('batch', 'jobs')!
    this.podType = ctx.api.registry.forGroupResource('', 'pods')!
    this.jobInformer = ctx.informers.for('batch', 'jobs')
    this.podInformer = ctx.informers.pods()
    this.recorder = ctx.recorder({ component: 'job-controller' })
    this.queue = new WorkQueue(ctx.clock, (k) => this.syncJob(k))
    const enqueue = (j: KubeObject) => this.queue.add(`${j.metadata.namespace}/${j.metadata.name}`)
    this.jobInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue })
    const enqueueOwner = (p: KubeObject) => {
      const ref = controllerRef(p)
      const tracked = p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)
      // A tracked pod whose Job is gone would stay Terminating for ever (enqueueOrphanPod).
      if (tracked && (ref?.kind !== 'Job' || this.jobInformer.get(p.metadata.namespace, ref.name)?.metadata.uid !== ref.uid)) {
        this.queue.add(`${ORPHAN_PREFIX}${p.metadata.namespace}/${p.metadata.name}`)
      } else if (ref?.kind === 'Job') this.queue.add(`${p.metadata.namespace}/${ref.name}`)
    }
    this.podInformer.addEventHandler({ add: enqueueOwner, update: (_o, n) => enqueueOwner(n), delete: enqueueOwner })
  }

  /** syncJob */
  syncJob(key: string): Error | undefined {
    if (key.startsWith(ORPHAN_PREFIX)) {
      const pod = this.podInformer.getByKey(key.slice(ORPHAN_PREFIX.length))
      if (pod) this.removeFinalizer(pod)
      return undefined
    }
    const job = this.jobInformer.getByKey(key)
    if (!job || isJobFinished(job)) return undefined
    const spec = jspec(job)
    const now = this.ctx.clock.now()
    const selector = selectorFromLabelSelector(spec.selector as never)
    if (!selector) return undefined
    const pods = claimObjects(this.ctx.api, this.podType, job, selector, this.podInformer.list(job.metadata.namespace))
    const st: JobStatus = clone(jstatus(job))
    st.uncountedTerminatedPods ??= {}
    const suspended = !!spec.suspend
    if (!st.startTime && !suspended) st.startTime = rfc3339(now)
    const tracked = pods.filter((p) => p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER))
    const isFailed = (p: KubeObject) => isPodFailed(p, job)
    // A failure an Ignore rule matches is neither counted nor backed off from.
    const policy = podFailurePolicyOf(job)
    const counts = (p: KubeObject) => matchPodFailurePolicy(policy, p).countFailed
    const newSucceeded = tracked.filter((p) => podPhase(p) === 'Succeeded')
    const newFailed = tracked.filter((p) => isFailed(p) && counts(p))
    const indexed = isIndexed(job)
    const completions = spec.completions
    const succeededIndexes = parseIndexes(st.completedIndexes)
    if (indexed) {
      for (const p of newSucceeded) {
        const ix = completionIndex(p)
        if (ix !== undefined && ix < (completions ?? 0)) succeededIndexes.add(ix)
      }
    }
    const succeeded = indexed ? succeededIndexes.size : (st.succeeded ?? 0) + newSucceeded.length
    const failed = (st.failed ?? 0) + newFailed.length
    let active = pods.filter(isPodActive)
    let terminating = pods.filter(isTerminating).length

    let finished: JobCondition | undefined = findCondition(st, 'SuccessCriteriaMet') ?? findCondition(st, 'FailureTarget')
    const failJobMessage = finished ? undefined : getFailJobMessage(job, pods, isFailed)
    // The interim FailureTarget records the FailJob rule's message before the pods go.
    if (failJobMessage) finished = newCondition('FailureTarget', 'PodFailurePolicy', failJobMessage, now)
    if (!finished) {
      if (failed > (spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
        finished = newCondition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now)
      } else if (pastActiveDeadline(job, st, now)) {
        finished = newCondition('FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline', now)
      } else if (spec.activeDeadlineSeconds !== undefined && !suspended && st.startTime) {
        this.queue.addAfter(key, (parseTime(st.startTime) ?? now) + spec.activeDeadlineSeconds * 1000 - now)
      }
    }
    let failedIndexes: Set<number> | undefined
    if (indexed && hasBackoffLimitPerIndex(job)) {
      failedIndexes = calculateFailedIndexes(job, pods, st.failedIndexes, isFailed)
      const max = (spec as { maxFailedIndexes?: number }).maxFailedIndexes
      if (finished) {
        // Already decided.
      } else if (max !== undefined && failedIndexes.size > max) {
        finished = newCondition('FailureTarget', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes', now)
      } else if (failedIndexes.size > 0 && failedIndexes.size + succeededIndexes.size >= (completions ?? 0)) {
        finished = newCondition('FailureTarget', 'FailedIndexes', 'Job has failed indexes', now)
      }
    }
    if (indexed && !finished) {
      const met = matchSuccessPolicy(job, succeededIndexes)
      if (met) finished = newCondition('SuccessCriteriaMet', 'SuccessPolicy', met, now)
    }
    if (finished) {
      // A Job that is done, either way, stops its remaining pods.
      terminating += this.deletePods(job, active)
      active = []
    } else if (!job.metadata.deletionTimestamp) {
      const skip = new Set([...succeededIndexes, ...(failedIndexes ?? [])])
      active = this.manageJob(job, pods, active, succeeded, skip, now, (n) => (terminating += n))
      const complete = completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= completions && active.length === 0
      if (complete) finished = newCondition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', now)
      else this.suspendConditions(job, st, now)
    }

    // Count the finished pods: note them as uncounted, drop their finalizers, then add them up.
    const toRelease = tracked.filter((p) => !!finished || podPhase(p) === 'Succeeded' || isFailed(p) || !!job.metadata.deletionTimestamp)
    const failing = finished && finished.type !== 'SuccessCriteriaMet'
    const uncountedFailed = toRelease.filter((p) => podPhase(p) !== 'Succeeded' && (isFailed(p) || failing) && counts(p))
    const uncountedSucceeded = indexed ? [] : toRelease.filter((p) => podPhase(p) === 'Succeeded')
    st.uncountedTerminatedPods = {}
    if (uncountedSucceeded.length) st.uncountedTerminatedPods.succeeded = uncountedSucceeded.map((p) => p.metadata.uid!)
    if (uncountedFailed.length) st.uncountedTerminatedPods.failed = uncountedFailed.map((p) => p.metadata.uid!)
    if (indexed) {
      st.completedIndexes = formatIndexes(succeededIndexes)
      st.succeeded = succeededIndexes.size
      if (failedIndexes) st.failedIndexes = formatIndexes(failedIndexes)
    }
    if (finished && !findCondition(st, finished.type)) st.conditions = [...(st.conditions ?? []), finished]
    setCounts(st, active, terminating)
    this.writeStatus(job, st)
    for (const p of toRelease) this.removeFinalizer(p)
    if (!indexed) st.succeeded = (st.succeeded ?? 0) + uncountedSucceeded.length
    st.failed = (st.failed ?? 0) + uncountedFailed.length
    st.uncountedTerminatedPods = {}

    // enactJobFinished: the terminal condition once no pod is still terminating.
    let done: JobCondition | undefined
    if (finished && terminating === 0) {
      const type = finished.type === 'SuccessCriteriaMet' ? 'Complete' : 'Failed'
      done = newCondition(type, finished.reason ?? '', finished.message ?? '', now)
      st.conditions = [...(st.conditions ?? []).filter((c) => c.type !== type), done]
      if (type === 'Complete') st.completionTime = done.lastTransitionTime
    }
    this.writeStatus(job, st)
    if (done?.type === 'Complete') {
      if (completions !== undefined && (st.succeeded ?? 0) > completions) this.recorder.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached')
      this.recorder.event(job, 'Normal', 'Completed', 'Job completed')
    } else if (done) this.recorder.event(job, 'Warning', done.reason ?? '', done.message ?? '')
    return undefined
  }

  /** The Suspended condition and its events; resuming restarts the active deadline clock. */
  private suspendConditions(job: KubeObject, st: JobStatus, now: number): void {
    if (jspec(job).suspend) {
      if (ensureJobConditionStatus(st, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)) this.recorder.event(job, 'Normal', 'Suspended', 'Job suspended')
    } else if (ensureJobConditionStatus(st, 'Suspended', 'False', 'JobResumed', 'Job resumed', now)) {
      this.recorder.event(job, 'Normal', 'Resumed', 'Job resumed')
      st.startTime = rfc3339(now)
    }
  }



  /** manageJob: delete extra pods or create missing ones, after the failure back-off. Returns the active pods. */
  private manageJob(job: KubeObject, pods: KubeObject[], active: KubeObject[], succeeded: number, done: Set<number>, now: number, addTerminating: (n: number) => void): KubeObject[] {
    const spec = jspec(job)
    if (spec.suspend) {
      addTerminating(this.deletePods(job, active))
      return []
    }
    const parallelism = spec.parallelism ?? 1
    const want = spec.completions === undefined ? (succeeded > 0 ? active.length : parallelism) : Math.max(0, Math.min(spec.completions - succeeded, parallelism))
    if (active.length > want) {
      // Not-ready before ready, then the newest: the cheapest pods to lose.
      const victims = [...active].sort((a, b) => Number(isPodReady(a)) - Number(isPodReady(b)) || ((b.metadata.creationTimestamp ?? '') < (a.metadata.creationTimestamp ?? '') ? -1 : 1))
      const rm = victims.slice(0, Math.min(active.length - want, MAX_POD_CREATE_DELETE_PER_SYNC))
      addTerminating(this.deletePods(job, rm))
      return active.filter((p) => !rm.includes(p))
    }
    const terminating = spec.podReplacementPolicy === 'Failed' ? pods.filter(isTerminating).length : 0
    let diff = want - terminating - active.length
    if (diff <= 0) return active
    const perIndex = hasBackoffLimitPerIndex(job)
    const wait = perIndex ? 0 : remainingBackoff(pods, job, now, (p) => matchPodFailurePolicy(podFailurePolicyOf(job), p).countFailed)
    if (wait > 0) {
      this.queue.addAfter(`${job.metadata.namespace}/${job.metadata.name}`, wait)
      return active
    }
    diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC)
    let indexes: (number | undefined)[] = []
    if (isIndexed(job)) {
      const taken = new Set([...done, ...active.map(completionIndex).filter((i): i is number => i !== undefined)])
      for (let i = 0; i < (spec.completions ?? 0) && indexes.length < diff; i++) if (!taken.has(i)) indexes.push(i)
    } else for (let i = 0; i < diff; i++) indexes.push(undefined)
    const replaced = new Map(indexes.map((ix) => [ix, perIndex && ix !== undefined ? lastFailedPod(pods, ix, (p) => isPodFailed(p, job), now) : undefined]))
    if (perIndex) {
      // getPodCreationInfoForIndependentIndexes: each index waits out its own back-off.
      const waits = indexes.map((ix) => remainingTimePerIndex(replaced.get(ix), now))
      const ready = indexes.filter((_ix, i) => waits[i] === 0)
      if (!ready.length && indexes.length) {
        this.queue.addAfter(`${job.metadata.namespace}/${job.metadata.name}`, Math.min(...waits))
        return active
      }
      indexes = ready
    }
    const created: KubeObject[] = []
    for (const ix of indexes) {
      const pod = podForJob(job, ix, replaced.get(ix))
      try {
        const c = this.ctx.api.create(this.podType, pod, { namespace: job.metadata.namespace })
        this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${c.metadata.name}`)
        created.push(c)
      } catch (e) {
        this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`)
        break
      }
    }
    return [...active, ...created]
  }

  /** deleteJobPods: returns how many were deleted (they are terminating now). */
  private deletePods(job: KubeObject, pods: KubeObject[]): number {
    let n = 0
    for (const p of pods) {
      try {
        this.ctx.api.delete(this.podType, p.metadata.namespace, p.metadata.name!)
        this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`)
        n++
      } catch {
        // Already gone.
      }
    }
    return n
  }

  private removeFinalizer(p: KubeObject): void {
    const cur = this.ctx.api.peek(this.podType, p.metadata.namespace, p.metadata.name!)
    if (!cur?.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER)) return
    const next = clone(cur)
    next.metadata.finalizers = next.metadata.finalizers!.filter((f) => f !== JOB_TRACKING_FINALIZER)
    if (!next.metadata.finalizers.length) delete next.metadata.finalizers
    try {
      this.ctx.api.update(this.podType, next)
    } catch {
      // Changed meanwhile: the next sync sees it again.
    }
  }



  private writeStatus(job: KubeObject, st: JobStatus): void {
    // omitempty: an empty list or string is not stored, so it must not be compared either.
    if (!st.conditions?.length) delete st.conditions
    if (!st.completedIndexes) delete st.completedIndexes
    if (!st.succeeded) delete st.succeeded
    if (!st.failed) delete st.failed
    if (!st.active) delete st.active
    const cur = this.jobInformer.get(job.metadata.namespace, job.metadata.name!)
    if (!cur || JSON.stringify(cur.status ?? {}) === JSON.stringify(st)) return
    const next = clone(cur)
    next.status = clone(st)
    try {
      this.ctx.api.update(this.jobType, next, { subresource: 'status' })
    } catch {
      this.queue.addRateLimited(`${job.metadata.namespace}/${job.metadata.name}`)
    }
  }
}
