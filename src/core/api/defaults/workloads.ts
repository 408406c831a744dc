/** Defaulting for apps/v1 workloads (pkg/apis/apps/v1/defaults.go). */

/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks free-form manifests */
import { defaultPodTemplate } from './pod'

export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600
export const DEFAULT_REVISION_HISTORY_LIMIT = 10

export function defaultDeployment(d: any): void {
  d.spec ??= {}
  const s = d.spec
  s.replicas ??= 1
  s.strategy ??= {}
  s.strategy.type ??= 'RollingUpdate'
  if (s.strategy.type === 'RollingUpdate') {
    s.strategy.rollingUpdate ??= {}
    s.strategy.rollingUpdate.maxUnavailable ??= '25%'
    s.strategy.rollingUpdate.maxSurge ??= '25%'
  }
  s.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT
  s.progressDeadlineSeconds ??= DEFAULT_PROGRESS_DEADLINE_SECONDS
  defaultPodTemplate(s.template)
}

export function defaultReplicaSet(rs: any): void {
  rs.spec ??= {}
  rs.spec.replicas ??= 1
  defaultPodTemplate(rs.spec.template)
}

export function defaultReplicationController(rc: any): void {
  rc.spec ??= {}
  rc.spec.replicas ??= 1
  const tl = rc.spec.template?.metadata?.labels
  // An RC without selector selects its template's labels; without labels it gets them too.
  if (!rc.spec.selector && tl) rc.spec.selector = { ...tl }
  if (rc.metadata && !rc.metadata.labels && tl) rc.metadata.labels = { ...tl }
  defaultPodTemplate(rc.spec.template)
}

export function defaultDaemonSet(ds: any): void {
  ds.spec ??= {}
  const s = ds.spec
  s.updateStrategy ??= {}
  s.updateStrategy.type ??= 'RollingUpdate'
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate ??= {}
    s.updateStrategy.rollingUpdate.maxUnavailable ??= 1
    s.updateStrategy.rollingUpdate.maxSurge ??= 0
  }
  s.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT
  defaultPodTemplate(s.template)
}

export function defaultStatefulSet(sts: any): void {
  sts.spec ??= {}
  const s = sts.spec
  s.replicas ??= 1
  s.podManagementPolicy ??= 'OrderedReady'
  s.updateStrategy ??= {}
  s.updateStrategy.type ??= 'RollingUpdate'
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate ??= {}
    s.updateStrategy.rollingUpdate.partition ??= 0
  }
  s.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT
  s.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' }
  for (const t of Array.isArray(s.volumeClaimTemplates) ? s.volumeClaimTemplates : []) {
    t.apiVersion ??= 'v1'
    t.kind ??= 'PersistentVolumeClaim'
    t.spec ??= {}
    t.spec.volumeMode ??= 'Filesystem'
    t.status ??= { phase: 'Pending' }
  }
  defaultPodTemplate(s.template)
}

export function defaultJob(job: any): void {
  job.spec ??= {}
  const s = job.spec
  // A Job's pods must not restart forever: defaulting leaves restartPolicy for validation to reject.
  if (s.completions === undefined && s.parallelism === undefined) s.completions = 1
  s.parallelism ??= 1
  // With a per-index limit the Job-wide one is effectively off (math.MaxInt32).
  s.backoffLimit ??= s.backoffLimitPerIndex !== undefined ? 2147483647 : 6
  s.completionMode ??= 'NonIndexed'
  s.suspend ??= false
  s.podReplacementPolicy ??= s.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'
  for (const r of Array.isArray(s.podFailurePolicy?.rules) ? s.podFailurePolicy.rules : []) {
    for (const p of Array.isArray(r?.onPodConditions) ? r.onPodConditions : []) p.status ??= 'True'
  }
  if (s.manualSelector !== true && job.metadata?.uid) generateJobSelector(job)
  defaultPodTemplate(s.template)
}

/**
 * generateSelector (pkg/registry/batch/job/strategy.go): pods of a Job carry its name and uid
 * as labels, and the selector matches the uid, so a Job only ever owns its own pods. Needs
 * the uid, which the API server assigns before defaulting on create.
 */
function generateJobSelector(job: any): void {
  const s = job.spec
  s.template ??= {}
  s.template.metadata ??= {}
  const labels = (s.template.metadata.labels ??= {})
  for (const k of ['batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name', 'controller-uid', 'job-name']) {
    labels[k] ??= k.endsWith('uid') ? job.metadata.uid : job.metadata.name
  }
  s.selector ??= {}
  s.selector.matchLabels ??= {}
  s.selector.matchLabels['batch.kubernetes.io/controller-uid'] ??= job.metadata.uid
}

export function defaultCronJob(cj: any): void {
  cj.spec ??= {}
  const s = cj.spec
  s.concurrencyPolicy ??= 'Allow'
  s.suspend ??= false
  s.successfulJobsHistoryLimit ??= 3
  s.failedJobsHistoryLimit ??= 1
  s.jobTemplate ??= {}
  s.jobTemplate.metadata ??= { creationTimestamp: null }
  s.jobTemplate.spec ??= {}
  const js = s.jobTemplate.spec
  defaultPodTemplate(js.template)
}
