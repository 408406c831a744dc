/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go): at each scheduled
 * time create a Job named `<cronjob>-<scheduled minutes since the epoch>`, honouring suspend,
 * startingDeadlineSeconds and concurrencyPolicy; keep status.active and lastScheduleTime /
 * lastSuccessfulTime; trim finished Jobs to the history limits.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone, controllerRef } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { parseTime, rfc1123z, rfc3339 } from '../../machinery/time'
import { ownerRefFor } from '../controller-utils/pods'
import { mostRecentScheduleTime, parseSchedule, type Schedule } from './schedule'

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp'

/** nextScheduleDelta: come back a little after the scheduled time. */
export const NEXT_SCHEDULE_DELTA_MS = 100

interface CronJobSpec {
  schedule: string
  timeZone?: string
  startingDeadlineSeconds?: number
  concurrencyPolicy?: string
  suspend?: boolean
  successfulJobsHistoryLimit?: number
  failedJobsHistoryLimit?: number
  jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown }
}

interface JobRef {
  apiVersion: string
  kind: string
  name: string
  namespace: string
  resourceVersion?: string
  uid: string
}

interface CronJobStatus {
  active?: JobRef[]
  lastScheduleTime?: string
  lastSuccessfulTime?: string
}

function finishedCondition(job: KubeObject): { type: string; lastTransitionTime?: string } | undefined {
  const conds = (job.status as { conditions?: { type: string; status: string; lastTransitionTime?: string }[] } | undefined)?.conditions ?? []
  return conds.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')
}

export class CronJobController {
  private readonly queue: WorkQueue
  private readonly cjInformer: Informer
  private readonly jobInformer: Informer
  private readonly cjType: ResourceType
  private readonly jobType: ResourceType
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.cjType = ctx.api.registry.forGroupResource('batch', 'cronjobs')!
    this.jobType = ctx.api.registry.forGroupResource('batch', 'jobs')!
    this.cjInformer = ctx.informers.for('batch', 'cronjobs')
    this.jobInformer = ctx.informers.for('batch', 'jobs')
    this.recorder = ctx.recorder({ component: 'cronjob-controller' })
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k))
    const enqueue = (o: KubeObject) => this.queue.add(`${o.metadata.namespace}/${o.metadata.name}`)
    this.cjInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n) })
    const enqueueOwner = (j: KubeObject) => {
      const ref = controllerRef(j)
      if (ref?.kind === 'CronJob') this.queue.add(`${j.metadata.namespace}/${ref.name}`)
    }
    this.jobInformer.addEventHandler({ add: enqueueOwner, update: (_o, n) => enqueueOwner(n), delete: enqueueOwner })
  }

  /** syncCronJob */
  private sync(key: string): undefined {
    const cj = this.cjInformer.getByKey(key)
    if (!cj) return undefined
    const spec = cj.spec as CronJobSpec
    const now = this.ctx.clock.now()
    const jobs = this.jobInformer.list(cj.metadata.namespace).filter((j) => controllerRef(j)?.uid === cj.metadata.uid)
    const st: CronJobStatus = clone((cj.status ?? {}) as CronJobStatus)
    this.reconcileActive(cj, st, jobs)
    if (cj.metadata.deletionTimestamp) return this.writeStatus(cj, st)

    if (spec.timeZone && !knownTimeZone(spec.timeZone)) {
      this.recorder.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${spec.timeZone}": unknown time zone ${spec.timeZone}`)
      return this.writeStatus(cj, st)
    }
    let sched: Schedule
    try {
      sched = parseSchedule(spec.schedule, spec.timeZone)
    } catch (e) {
      this.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${spec.schedule}" : ${e instanceof Error ? e.message : String(e)}`)
      return this.writeStatus(cj, st)
    }
    this.cleanupFinishedJobs(cj, jobs)
    const requeue = () => {
      const base = parseTime(st.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now
      const next = sched.next(Math.max(base, now))
      if (next !== undefined) this.queue.addAfter(key, next - now + NEXT_SCHEDULE_DELTA_MS)
    }
    if (spec.suspend) {
      this.writeStatus(cj, st)
      return undefined
    }
    let earliest = parseTime(st.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now
    if (spec.startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - spec.startingDeadlineSeconds * 1000)
    const recent = mostRecentScheduleTime(sched, earliest, now)
    if (recent.missed > 100) {
      this.recorder.event(cj, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${recent.missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`)
    }
    const scheduled = recent.time
    if (scheduled === undefined) {
      this.writeStatus(cj, st)
      requeue()
      return undefined
    }
    if (spec.startingDeadlineSeconds !== undefined && scheduled + spec.startingDeadlineSeconds * 1000 < now) {
      this.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`)
      this.writeStatus(cj, st)
      requeue()
      return undefined
    }
    const name = `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`
    if ((st.active ?? []).some((r) => r.name === name) || jobs.some((j) => j.metadata.name === name)) {
      this.writeStatus(cj, st)
      requeue()
      return undefined
    }
    if (spec.concurrencyPolicy === 'Forbid' && (st.active ?? []).length > 0) {
      this.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid')
      this.writeStatus(cj, st)
      requeue()
      return undefined
    }
    if (spec.concurrencyPolicy === 'Replace') {
      for (const ref of st.active ?? []) this.deleteJob(cj, ref.name)
      st.active = []
    }
    const created = this.createJob(cj, name, scheduled)
    if (created) {
      st.active = [...(st.active ?? []), jobRef(created)]
      st.lastScheduleTime = rfc3339(scheduled)
    }
    this.writeStatus(cj, st)
    requeue()
    return undefined
  }

  /** Drop finished or vanished Jobs from status.active, noting each completion. */
  private reconcileActive(cj: KubeObject, st: CronJobStatus, jobs: KubeObject[]): void {
    const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]))
    const active: JobRef[] = []
    for (const ref of st.active ?? []) {
      const job = byUid.get(ref.uid)
      if (!job) continue
      const done = finishedCondition(job)
      if (!done) {
        active.push(ref)
        continue
      }
      this.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${done.type}`)
      if (done.type === 'Complete') {
        const t = (job.status as { completionTime?: string }).completionTime ?? done.lastTransitionTime
        if (t && (!st.lastSuccessfulTime || t > st.lastSuccessfulTime)) st.lastSuccessfulTime = t
      }
    }
    // Jobs it owns that are running but not listed (adopted or created before a restart).
    for (const j of jobs) {
      if (!finishedCondition(j) && !active.some((r) => r.uid === j.metadata.uid) && !j.metadata.deletionTimestamp) active.push(jobRef(j))
    }
    if (active.length) st.active = active
    else delete st.active
  }

  /** getJobFromTemplate2 */
  private createJob(cj: KubeObject, name: string, scheduled: number): KubeObject | undefined {
    const tpl = clone((cj.spec as CronJobSpec).jobTemplate ?? {})
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, namespace: cj.metadata.namespace, ownerReferences: [ownerRefFor(cj)] },
      spec: tpl.spec ?? {},
    }
    if (tpl.metadata?.labels) job.metadata.labels = { ...tpl.metadata.labels }
    // CronJobsScheduledAnnotation (beta since v1.28): the run's time in the CronJob's zone.
    job.metadata.annotations = { ...tpl.metadata?.annotations, [SCHEDULED_TIMESTAMP_ANNOTATION]: inZone(scheduled, (cj.spec as CronJobSpec).timeZone) }
    try {
      const created = this.ctx.api.create(this.jobType, job)
      this.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`)
      return created
    } catch (e) {
      this.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e instanceof Error ? e.message : String(e)}`)
      return undefined
    }
  }

  private deleteJob(cj: KubeObject, name: string): void {
    try {
      this.ctx.api.delete(this.jobType, cj.metadata.namespace, name, { propagationPolicy: 'Background' })
      this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`)
    } catch {
      // Already gone.
    }
  }

  /** cleanupFinishedJobs: keep the newest successful / failed Jobs up to the history limits. */
  private cleanupFinishedJobs(cj: KubeObject, jobs: KubeObject[]): void {
    const spec = cj.spec as CronJobSpec
    const byStart = (a: KubeObject, b: KubeObject) => {
      const sa = (a.status as { startTime?: string } | undefined)?.startTime ?? ''
      const sb = (b.status as { startTime?: string } | undefined)?.startTime ?? ''
      return sa === sb ? ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1) : sa < sb ? -1 : 1
    }
    for (const [type, limit] of [['Complete', spec.successfulJobsHistoryLimit], ['Failed', spec.failedJobsHistoryLimit]] as const) {
      if (limit === undefined) continue
      const done = jobs.filter((j) => finishedCondition(j)?.type === type && !j.metadata.deletionTimestamp).sort(byStart)
      for (const j of done.slice(0, Math.max(0, done.length - limit))) this.deleteJob(cj, j.metadata.name!)
    }
  }

  private writeStatus(cj: KubeObject, st: CronJobStatus): undefined {
    const cur = this.cjInformer.get(cj.metadata.namespace, cj.metadata.name!)
    if (!cur || JSON.stringify(cur.status ?? {}) === JSON.stringify(st)) return undefined
    const next = clone(cur)
    next.status = st
    try {
      this.ctx.api.update(this.cjType, next, { subresource: 'status' })
    } catch {
      this.queue.addRateLimited(`${cj.metadata.namespace}/${cj.metadata.name}`)
    }
    return undefined
  }
}

/** RFC 3339 in a time zone, as Go's time.In(loc).Format(time.RFC3339) prints it. */
export function inZone(ms: number, tz: string | undefined): string {
  if (!tz || tz === 'UTC' || tz === 'Etc/UTC') return rfc3339(ms)
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' } as Intl.DateTimeFormatOptions)
  const name = fmt.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (!m) return rfc3339(ms)
  const offsetMs = (m[1] === '-' ? -1 : 1) * (parseInt(m[2]!, 10) * 60 + parseInt(m[3]!, 10)) * 60_000
  return `${rfc3339(ms + offsetMs).slice(0, -1)}${m[1]}${m[2]}:${m[3]}`
}

/** time.LoadLocation's check, through the IANA database the JavaScript runtime carries. */
function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

function jobRef(j: KubeObject): JobRef {
  return { apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name!, namespace: j.metadata.namespace!, resourceVersion: j.metadata.resourceVersion, uid: j.metadata.uid! }
}
