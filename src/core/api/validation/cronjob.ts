/**
 * CronJob validation (pkg/apis/batch/validation validateCronJobSpec): the schedule must parse
 * as robfig/cron's ParseStandard does and carry no TZ (the timeZone field says that), the
 * concurrency policy is one of three, and the job template is validated like a Job's spec.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- validation walks free-form manifests */
import { cronSyntaxError } from '../../machinery/cron'
import { fieldErr, type FieldError } from '../../machinery/errors'
import { validateJob } from './workloads'

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace']

export function validateCronJob(cj: any, old?: any): FieldError[] {
  const errs: FieldError[] = []
  const spec = cj.spec ?? {}
  const schedule: string = spec.schedule ?? ''
  if (!schedule) errs.push(fieldErr.required('spec.schedule'))
  else {
    const err = cronSyntaxError(schedule)
    if (err) errs.push(fieldErr.invalid('spec.schedule', schedule, err))
    // A TZ the cluster had accepted before stays allowed on update.
    const allowTZ = typeof old?.spec?.schedule === 'string' && old.spec.schedule.includes('TZ')
    if (allowTZ && schedule.includes('TZ') && spec.timeZone !== undefined) errs.push(fieldErr.invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'))
    else if (!allowTZ && schedule.includes('TZ')) errs.push(fieldErr.invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'))
  }
  if (typeof spec.startingDeadlineSeconds === 'number' && spec.startingDeadlineSeconds < 0) errs.push(fieldErr.invalid('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds, 'must be greater than or equal to 0'))
  const cp = spec.concurrencyPolicy
  if (!cp) errs.push(fieldErr.required('spec.concurrencyPolicy', `supported values: ${CONCURRENCY_POLICIES.map((p) => JSON.stringify(p)).join(', ')}`))
  else if (!CONCURRENCY_POLICIES.includes(cp)) errs.push(fieldErr.notSupported('spec.concurrencyPolicy', cp, CONCURRENCY_POLICIES))
  // ValidateJobTemplateSpec: the Job rules under spec.jobTemplate.spec.
  for (const e of validateJob({ spec: spec.jobTemplate?.spec ?? {} })) errs.push({ ...e, field: e.field.replace(/^spec\b/, 'spec.jobTemplate.spec') })
  for (const k of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (typeof spec[k] === 'number' && spec[k] < 0) errs.push(fieldErr.invalid(`spec.${k}`, spec[k], 'must be greater than or equal to 0'))
  }
  return errs
}
