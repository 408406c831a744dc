/** Printers of Jobs and CronJobs (printJob, printCronJob). */

/* eslint-disable @typescript-eslint/no-explicit-any -- printers read free-form objects */
import { humanDuration } from '../../machinery/duration'
import { formatLabelSelector } from '../../machinery/labels'
import { parseTime } from '../../machinery/time'
import { age, col, translateTimestampSince, type Printer } from './table'

function containerCells(podSpec: any): [string, string] {
  const cs = (podSpec?.containers ?? []) as { name: string; image?: string }[]
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')]
}

/** A condition of this type that is True (hasJobCondition: the first of the type decides). */
function hasCondition(conds: any[] | undefined, type: string): boolean {
  const c = (conds ?? []).find((x) => x.type === type)
  return c?.status === 'True'
}

export function jobStatus(job: any): string {
  const conds = job.status?.conditions
  if (hasCondition(conds, 'Complete')) return 'Complete'
  if (hasCondition(conds, 'Failed')) return 'Failed'
  if (job.metadata?.deletionTimestamp) return 'Terminating'
  if (hasCondition(conds, 'Suspended')) return 'Suspended'
  if (hasCondition(conds, 'FailureTarget')) return 'FailureTarget'
  return 'Running'
}

export const jobPrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Status', 'string'),
    col('Completions', 'string'),
    col('Duration', 'string'),
    col('Age', 'string'),
    col('Containers', 'string', 1),
    col('Images', 'string', 1),
    col('Selector', 'string', 1),
  ],
  row(job: any, ctx) {
    const spec = job.spec ?? {}
    const st = job.status ?? {}
    const succeeded = st.succeeded ?? 0
    let completions: string
    if (spec.completions !== undefined && spec.completions !== null) completions = `${succeeded}/${spec.completions}`
    else completions = (spec.parallelism ?? 0) > 1 ? `${succeeded}/1 of ${spec.parallelism}` : `${succeeded}/1`
    const start = parseTime(st.startTime)
    const done = parseTime(st.completionTime)
    const duration = start === undefined ? '' : humanDuration((done ?? ctx.now) - start)
    const [names, images] = containerCells(spec.template?.spec)
    return [job.metadata.name, jobStatus(job), completions, duration, age(job, ctx.now), names, images, formatLabelSelector(spec.selector)]
  },
}

export const cronJobPrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Schedule', 'string'),
    col('Timezone', 'string'),
    col('Suspend', 'boolean'),
    col('Active', 'integer'),
    col('Last Schedule', 'string'),
    col('Age', 'string'),
    col('Containers', 'string', 1),
    col('Images', 'string', 1),
    col('Selector', 'string', 1),
  ],
  row(cj: any, ctx) {
    const spec = cj.spec ?? {}
    const last = cj.status?.lastScheduleTime ? translateTimestampSince(cj.status.lastScheduleTime, ctx.now) : '<none>'
    const suspend = spec.suspend === undefined || spec.suspend === null ? '<unset>' : spec.suspend ? 'True' : 'False'
    const jobSpec = spec.jobTemplate?.spec ?? {}
    const [names, images] = containerCells(jobSpec.template?.spec)
    return [cj.metadata.name, spec.schedule ?? '', spec.timeZone ?? '<none>', suspend, (cj.status?.active ?? []).length, last, age(cj, ctx.now), names, images, formatLabelSelector(jobSpec.selector)]
  },
}
