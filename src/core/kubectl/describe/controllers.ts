/** `kubectl describe` of DaemonSets, StatefulSets, Jobs and CronJobs (describe.go's describers for them). */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import type { KubeObject } from '../../api/types'
import { humanDuration } from '../../machinery/duration'
import { formatLabels, selectorFromLabelSelector } from '../../machinery/labels'
import { quantityString } from '../../machinery/quantity-string'
import { parseTime } from '../../machinery/time'
import { describePodTemplate } from './containers'
import { describeEvents } from './events'
import { describeTime, intOrString, printAnnotationsMultiline, printController, printLabelsMultiline } from './format'
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'
import { podStatusForController } from './workloads'

const selectorText = (sel: any) => selectorFromLabelSelector(sel)?.toString() ?? ''
const isSet = (v: unknown) => v !== undefined && v !== null

export function describeDaemonSet(ctx: DescribeContext, ds: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const st = ds.status ?? {}
  w.write(LEVEL_0, `Name:\t${ds.metadata.name}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorText(ds.spec?.selector)}\n`)
  w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`)
  printLabelsMultiline(w, 'Labels', ds.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations)
  // these five lines have no tab in upstream's format, so they do not align
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`)
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`)
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`)
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`)
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`)
  const [running, waiting, succeeded, failed] = podStatusForController(ctx, ds)
  w.write(LEVEL_0, `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`)
  describePodTemplate(ds.spec?.template, w)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

function describeVolumeClaimTemplates(templates: any[] | undefined, w: PrefixWriter): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'Volume Claims:\n')
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`)
    const beta = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class']
    w.write(LEVEL_1, `StorageClass:\t${beta ?? pvc.spec?.storageClassName ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ')
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ')
    const storage = pvc.spec?.resources?.requests?.storage
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantityString(storage) : '<default>'}\n`)
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`)
  }
}

export function describeStatefulSet(ctx: DescribeContext, sts: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = sts.spec ?? {}
  w.write(LEVEL_0, `Name:\t${sts.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${sts.metadata.namespace}\n`)
  w.write(LEVEL_0, `CreationTimestamp:\t${describeTime(sts.metadata.creationTimestamp)}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`)
  printLabelsMultiline(w, 'Labels', sts.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations)
  w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${sts.status?.replicas ?? 0} total\n`)
  w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`)
  const ru = spec.updateStrategy?.rollingUpdate
  if (ru && isSet(ru.partition)) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`)
    if (isSet(ru.maxUnavailable)) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`)
  }
  const [running, waiting, succeeded, failed] = podStatusForController(ctx, sts)
  w.write(LEVEL_0, `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`)
  describePodTemplate(spec.template, w)
  describeVolumeClaimTemplates(spec.volumeClaimTemplates, w)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

export function describeJob(ctx: DescribeContext, job: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = job.spec ?? {}
  const st = job.status ?? {}
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`)
  w.write(LEVEL_0, `Selector:\t${selectorText(spec.selector)}\n`)
  printLabelsMultiline(w, 'Labels', job.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations)
  const controlledBy = printController(job)
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
  if (isSet(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`)
  w.write(LEVEL_0, `Completions:\t${isSet(spec.completions) ? spec.completions : '<unset>'}\n`)
  if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`)
  if (isSet(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend ? 'true' : 'false'}\n`)
  if (isSet(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`)
  if (isSet(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`)
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${describeTime(st.startTime)}\n`)
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${describeTime(st.completionTime)}\n`)
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(parseTime(st.completionTime)! - parseTime(st.startTime)!)}\n`)
  if (isSet(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`)
  const counts = `${st.active ?? 0} Active${isSet(st.ready) ? ` (${st.ready} Ready)` : ''} / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`
  w.write(LEVEL_0, `Pods Statuses:\t${counts}\n`)
  if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes ?? '', 50)}\n`)
  describePodTemplate(spec.template, w)
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}

/** capIndexesListOrNone: cut at the first comma at or after the soft limit, then "...". */
function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return '<none>'
  const comma = indexes.indexOf(',', softLimit)
  return comma < 0 || softLimit >= indexes.length ? indexes : `${indexes.slice(0, comma + 1)}...`
}

export function describeCronJob(ctx: DescribeContext, cj: any, events: KubeObject[] | undefined): string {
  const w = new PrefixWriter()
  const spec = cj.spec ?? {}
  const unset = (v: unknown, suffix = '') => (isSet(v) ? `${v}${suffix}` : '<unset>')
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`)
  printLabelsMultiline(w, 'Labels', cj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations)
  w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`)
  w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`)
  w.write(LEVEL_0, `Suspend:\t${isSet(spec.suspend) ? (spec.suspend ? 'True' : 'False') : '<unset>'}\n`)
  w.write(LEVEL_0, `Successful Job History Limit:\t${unset(spec.successfulJobsHistoryLimit)}\n`)
  w.write(LEVEL_0, `Failed Job History Limit:\t${unset(spec.failedJobsHistoryLimit)}\n`)
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${unset(spec.startingDeadlineSeconds, 's')}\n`)
  const jt = spec.jobTemplate?.spec ?? {}
  w.write(LEVEL_0, `Selector:\t${jt.selector ? selectorText(jt.selector) : '<unset>'}\n`)
  w.write(LEVEL_0, `Parallelism:\t${unset(jt.parallelism)}\n`)
  w.write(LEVEL_0, `Completions:\t${unset(jt.completions)}\n`)
  if (isSet(jt.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`)
  describePodTemplate(jt.template, w)
  w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? describeTime(cj.status.lastScheduleTime) : '<unset>'}\n`)
  const active: any[] = cj.status?.active ?? []
  w.write(LEVEL_0, 'Active Jobs:\t')
  if (!active.length) w.writeLine('<none>')
  else w.writeLine(active.map((j) => j.name).join(', '))
  if (events) describeEvents(events, w, ctx.now)
  return w.toString()
}
