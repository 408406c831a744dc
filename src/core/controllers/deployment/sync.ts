/**
 * The shared parts of a Deployment sync (sync.go): find or create the new ReplicaSet, scale
 * ReplicaSets with upstream's events, trim history, write status.
 */

import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import { computeHash } from '../../machinery/hash'
import { ownerRefFor } from '../controller-utils/pods'
import type { DeploymentController } from './deployment-controller'
import { parseTime } from '../../machinery/time'
import { computeStatus, deploymentComplete, deploymentProgressing, getCondition, progressDeadlineExceeded, replaceCondition, setCondition, type Condition } from './progress'
import {
  byCreation,
  DEFAULT_POD_TEMPLATE_HASH_LABEL,
  DESIRED_REPLICAS_ANNOTATION,
  dspec,
  equalIgnoreHash,
  MAX_REPLICAS_ANNOTATION,
  maxSurgeOf,
  replicasOf,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  revisionOf,
  statusOf,
} from './util'

export interface SyncContext {
  ctx: ComponentContext
  dc: DeploymentController
  d: KubeObject
  rsList: KubeObject[]
  podsOf(rs: KubeObject): KubeObject[]
}

export function findNewReplicaSet(sc: SyncContext): KubeObject | undefined {
  const tpl = dspec(sc.d).template
  // The oldest matching one wins, as FindNewReplicaSet sorts by creation.
  return [...sc.rsList].sort(byCreation).find((rs) => equalIgnoreHash((rs.spec as { template?: unknown }).template, tpl))
}

export function oldReplicaSets(sc: SyncContext, newRS: KubeObject | undefined): KubeObject[] {
  return sc.rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid)
}

function annotateDeployment(sc: SyncContext, revision: number): void {
  const d = sc.d
  if (d.metadata.annotations?.[REVISION_ANNOTATION] === String(revision)) return
  const next = clone(d)
  next.metadata.annotations = { ...next.metadata.annotations, [REVISION_ANNOTATION]: String(revision) }
  sc.d = sc.ctx.api.update(sc.dc.dType, next)
}

/** Deployment annotations a ReplicaSet never copies (skipCopyAnnotation). */
const SKIP_COPY_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
])

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's own annotations (change-cause...), raise
 * the revision, and when an old ReplicaSet comes back (a rollback) remember the revision it
 * had in revision-history. Returns whether anything changed.
 */
function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean): boolean {
  const ann = (rs.metadata.annotations ??= {})
  let changed = false
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY_ANNOTATIONS.has(k) || ann[k] === v) continue
    ann[k] = v
    changed = true
  }
  const had = ann[REVISION_ANNOTATION]
  const oldRevision = had ? parseInt(had, 10) : 0
  if (Number.isNaN(oldRevision)) return changed
  if (oldRevision < newRevision) {
    ann[REVISION_ANNOTATION] = String(newRevision)
    changed = true
    if (had !== undefined) ann[REVISION_HISTORY_ANNOTATION] = ann[REVISION_HISTORY_ANNOTATION] ? `${ann[REVISION_HISTORY_ANNOTATION]},${had}` : had
  }
  if (!exists) {
    const spec = dspec(d)
    ann[DESIRED_REPLICAS_ANNOTATION] = String(spec.replicas ?? 1)
    ann[MAX_REPLICAS_ANNOTATION] = String((spec.replicas ?? 1) + maxSurgeOf(d))
    changed = true
  }
  return changed
}

/**
 * getNewReplicaSet: the ReplicaSet for the current template, with its annotations brought up
 * to date; created (with the replicas the strategy allows) when missing.
 */
export function getNewReplicaSet(sc: SyncContext, create: boolean, initialReplicas: (d: KubeObject) => number): KubeObject | undefined {
  const d = sc.d
  const existing = findNewReplicaSet(sc)
  const olds = oldReplicaSets(sc, existing)
  const newRevision = olds.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0) + 1
  const spec = dspec(d)
  if (existing) {
    const next = clone(existing)
    const annotationsUpdated = setNewReplicaSetAnnotations(d, next, newRevision, true)
    const minReady = spec.minReadySeconds ?? 0
    if (annotationsUpdated || ((next.spec as { minReadySeconds?: number }).minReadySeconds ?? 0) !== minReady) {
      // minReadySeconds is omitempty: a zero is not written, as the API server would not send it.
      if (minReady) (next.spec as { minReadySeconds?: number }).minReadySeconds = minReady
      else delete (next.spec as { minReadySeconds?: number }).minReadySeconds
      const updated = sc.ctx.api.update(sc.dc.rsType, next)
      sc.rsList = sc.rsList.map((rs) => (rs.metadata.uid === updated.metadata.uid ? updated : rs))
      return updated
    }
    annotateDeployment(sc, revisionOf(existing))
    if (spec.progressDeadlineSeconds && !getCondition(sc.d, 'Progressing')) {
      setProgressing(sc, { type: 'Progressing', status: 'True', reason: 'FoundNewReplicaSet', message: `Found new replica set "${existing.metadata.name}"` })
    }
    return existing
  }
  if (!create) return undefined
  const collisionCount = (d.status as { collisionCount?: number } | undefined)?.collisionCount
  const hash = computeHash(spec.template, collisionCount)
  const template = clone(spec.template ?? {}) as { metadata?: { labels?: Record<string, string> } }
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [DEFAULT_POD_TEMPLATE_HASH_LABEL]: hash } }
  const selector = clone(spec.selector ?? {})
  selector.matchLabels = { ...selector.matchLabels, [DEFAULT_POD_TEMPLATE_HASH_LABEL]: hash }
  const replicas = initialReplicas(d)
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: template.metadata.labels,
      ownerReferences: [ownerRefFor(d)],
    },
    spec: { replicas, ...(spec.minReadySeconds ? { minReadySeconds: spec.minReadySeconds } : {}), selector, template },
  }
  setNewReplicaSetAnnotations(d, rs, newRevision, false)
  const created = sc.ctx.api.create(sc.dc.rsType, rs)
  sc.rsList = [...sc.rsList, created]
  if (replicas > 0) sc.dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${replicas}`)
  annotateDeployment(sc, newRevision)
  if (spec.progressDeadlineSeconds) {
    setProgressing(sc, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${created.metadata.name}"` })
  }
  return created
}

/** scaleReplicaSetAndRecordEvent */
export function scaleReplicaSet(sc: SyncContext, rs: KubeObject, to: number): KubeObject {
  const from = replicasOf(rs)
  const spec = dspec(sc.d)
  const desired = String(spec.replicas ?? 1)
  const maxReplicas = String((spec.replicas ?? 1) + maxSurgeOf(sc.d))
  const ann = rs.metadata.annotations ?? {}
  if (from === to && ann[DESIRED_REPLICAS_ANNOTATION] === desired && ann[MAX_REPLICAS_ANNOTATION] === maxReplicas) return rs
  const next = clone(rs)
  ;(next.spec as { replicas: number }).replicas = to
  next.metadata.annotations = { ...ann, [DESIRED_REPLICAS_ANNOTATION]: desired, [MAX_REPLICAS_ANNOTATION]: maxReplicas }
  const updated = sc.ctx.api.update(sc.dc.rsType, next)
  sc.rsList = sc.rsList.map((x) => (x.metadata.uid === updated.metadata.uid ? updated : x))
  if (from !== to) {
    const dir = to > from ? 'up' : 'down'
    sc.dc.recorder.event(sc.d, 'Normal', 'ScalingReplicaSet', `Scaled ${dir} replica set ${rs.metadata.name} to ${to} from ${from}`)
  }
  return updated
}

/** cleanupDeployment: keep at most revisionHistoryLimit old, empty ReplicaSets. */
export function cleanupDeployment(sc: SyncContext, olds: KubeObject[]): void {
  const limit = dspec(sc.d).revisionHistoryLimit ?? 10
  const dead = olds.filter((rs) => replicasOf(rs) === 0 && (statusOf(rs).replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp)
  const excess = dead.length - limit
  if (excess <= 0) return
  dead.sort((a, b) => revisionOf(a) - revisionOf(b))
  for (const rs of dead.slice(0, excess)) {
    try {
      sc.ctx.api.delete(sc.dc.rsType, rs.metadata.namespace, rs.metadata.name!)
    } catch {
      // Already gone.
    }
  }
}

function setProgressing(sc: SyncContext, c: Omit<Condition, 'lastUpdateTime' | 'lastTransitionTime'>): void {
  const now = sc.ctx.clock.now()
  const conds = setCondition(((sc.d.status as { conditions?: Condition[] })?.conditions ?? []) as Condition[], c, now)
  writeStatus(sc, { ...((sc.d.status as object) ?? {}), conditions: conds })
}

export function writeStatus(sc: SyncContext, status: Record<string, unknown>): void {
  if (JSON.stringify(sc.d.status ?? {}) === JSON.stringify(status)) return
  const next = clone(sc.d)
  next.status = status
  sc.d = sc.ctx.api.update(sc.dc.dType, next, { subresource: 'status' })
}

/** syncRolloutStatus (progress.go): counts, Available, and Progressing with the deadline. */
export function syncRolloutStatus(sc: SyncContext, newRS: KubeObject | undefined): void {
  const now = sc.ctx.clock.now()
  const status = computeStatus(sc.d, sc.rsList, newRS, now)
  let conds = status.conditions as Condition[]
  const spec = dspec(sc.d)
  const hasDeadline = !!spec.progressDeadlineSeconds
  if (!hasDeadline) conds = conds.filter((c) => c.type !== 'Progressing')
  const current = getCondition(sc.d, 'Progressing')
  const complete = status.replicas === status.updatedReplicas && current?.reason === 'NewReplicaSetAvailable'
  if (hasDeadline && !complete) {
    const name = newRS?.metadata.name
    if (deploymentComplete(sc.d, status)) {
      const message = name ? `ReplicaSet "${name}" has successfully progressed.` : ''
      conds = setCondition(conds, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message }, now)
    } else if (deploymentProgressing(sc.d, status)) {
      const message = name ? `ReplicaSet "${name}" is progressing.` : `Deployment "${sc.d.metadata.name}" is progressing.`
      conds = replaceCondition(conds, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message }, now)
    } else if (progressDeadlineExceeded(sc.d, conds, now)) {
      conds = setCondition(conds, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${name}" has timed out progressing.` }, now)
    }
  }
  status.conditions = conds
  // A finished rollout that later loses a pod is not a stuck rollout: no deadline to watch.
  if (!complete) requeueStuckDeployment(sc, status, now)
  writeStatus(sc, status)
}

/** requeueStuckDeployment: come back when the progress deadline would pass. */
function requeueStuckDeployment(sc: SyncContext, status: Record<string, unknown>, now: number): void {
  const deadline = dspec(sc.d).progressDeadlineSeconds
  const current = getCondition(sc.d, 'Progressing')
  if (!deadline || !current || deploymentComplete(sc.d, status) || current.reason === 'ProgressDeadlineExceeded') return
  const from = parseTime(current.lastUpdateTime) ?? now
  const after = from + deadline * 1000 - now
  sc.dc.requeueAfter(sc.d, after < 1000 ? 0 : after + 1000)
}
