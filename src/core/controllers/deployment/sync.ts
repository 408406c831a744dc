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
import { availableCondition, computeStatus, deploymentComplete, getCondition, progressDeadlineExceeded, setCondition, type Condition } from './progress'
import {
  byCreation,
  CHANGE_CAUSE_ANNOTATION,
  DEFAULT_POD_TEMPLATE_HASH_LABEL,
  DESIRED_REPLICAS_ANNOTATION,
  dspec,
  equalIgnoreHash,
  MAX_REPLICAS_ANNOTATION,
  maxSurgeOf,
  replicasOf,
  REVISION_ANNOTATION,
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

/**
 * getNewReplicaSet: the ReplicaSet for the current template, with its revision annotation
 * brought up to date; created (with the replicas the strategy allows) when missing.
 */
export function getNewReplicaSet(sc: SyncContext, create: boolean, initialReplicas: (d: KubeObject) => number): KubeObject | undefined {
  const d = sc.d
  const existing = findNewReplicaSet(sc)
  const olds = oldReplicaSets(sc, existing)
  const maxOld = olds.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0)
  const newRevision = maxOld + 1
  const spec = dspec(d)
  const desired = String(spec.replicas ?? 1)
  const maxReplicas = String((spec.replicas ?? 1) + maxSurgeOf(d))
  if (existing) {
    const rev = revisionOf(existing)
    const ann = existing.metadata.annotations ?? {}
    const wantRev = rev < newRevision ? String(newRevision) : String(rev)
    const cause = d.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]
    if (ann[REVISION_ANNOTATION] !== wantRev || ann[DESIRED_REPLICAS_ANNOTATION] !== desired || ann[MAX_REPLICAS_ANNOTATION] !== maxReplicas || (cause && ann[CHANGE_CAUSE_ANNOTATION] !== cause)) {
      const next = clone(existing)
      next.metadata.annotations = { ...ann, [REVISION_ANNOTATION]: wantRev, [DESIRED_REPLICAS_ANNOTATION]: desired, [MAX_REPLICAS_ANNOTATION]: maxReplicas }
      if (cause) next.metadata.annotations[CHANGE_CAUSE_ANNOTATION] = cause
      const updated = sc.ctx.api.update(sc.dc.rsType, next)
      sc.rsList = sc.rsList.map((rs) => (rs.metadata.uid === updated.metadata.uid ? updated : rs))
      annotateDeployment(sc, parseInt(wantRev, 10))
      return updated
    }
    annotateDeployment(sc, rev)
    return existing
  }
  if (!create) return undefined
  const collisionCount = (d.status as { collisionCount?: number } | undefined)?.collisionCount
  const hash = computeHash(spec.template, collisionCount)
  const template = clone(spec.template ?? {}) as { metadata?: { labels?: Record<string, string> } }
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [DEFAULT_POD_TEMPLATE_HASH_LABEL]: hash } }
  const selector = clone(spec.selector ?? {})
  selector.matchLabels = { ...selector.matchLabels, [DEFAULT_POD_TEMPLATE_HASH_LABEL]: hash }
  const annotations: Record<string, string> = { [DESIRED_REPLICAS_ANNOTATION]: desired, [MAX_REPLICAS_ANNOTATION]: maxReplicas, [REVISION_ANNOTATION]: String(newRevision) }
  const cause = d.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]
  if (cause) annotations[CHANGE_CAUSE_ANNOTATION] = cause
  const replicas = initialReplicas(d)
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: template.metadata.labels,
      annotations,
      ownerReferences: [ownerRefFor(d)],
    },
    spec: { replicas, minReadySeconds: spec.minReadySeconds ?? 0, selector, template },
  }
  const created = sc.ctx.api.create(sc.dc.rsType, rs)
  sc.rsList = [...sc.rsList, created]
  if (replicas > 0) sc.dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${replicas}`)
  annotateDeployment(sc, newRevision)
  setProgressing(sc, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${created.metadata.name}"` })
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

function writeStatus(sc: SyncContext, status: Record<string, unknown>): void {
  if (JSON.stringify(sc.d.status ?? {}) === JSON.stringify(status)) return
  const next = clone(sc.d)
  next.status = status
  sc.d = sc.ctx.api.update(sc.dc.dType, next, { subresource: 'status' })
}

/** syncRolloutStatus: counts, Available, Progressing (with the deadline). */
export function syncRolloutStatus(sc: SyncContext, newRS: KubeObject | undefined): void {
  const now = sc.ctx.clock.now()
  const status = computeStatus(sc.d, sc.rsList, newRS)
  let conds = (((sc.d.status as { conditions?: Condition[] })?.conditions ?? []) as Condition[]).slice()
  conds = setCondition(conds, availableCondition(sc.d, sc.rsList), now)
  const spec = dspec(sc.d)
  if (spec.paused) {
    conds = setCondition(conds, { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }, now)
  } else if (newRS) {
    const name = newRS.metadata.name
    const prog = getCondition(sc.d, 'Progressing')
    if (deploymentComplete(sc.d, status)) {
      conds = setCondition(conds, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.` }, now)
    } else if (progressDeadlineExceeded(sc.d, now) && prog?.reason !== 'NewReplicaSetAvailable') {
      conds = setCondition(conds, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${name}" has timed out progressing.` }, now)
    } else if (prog?.reason !== 'ProgressDeadlineExceeded' && progressed(sc.d, status)) {
      conds = setCondition(conds, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}" is progressing.` }, now)
    } else if (!prog) {
      conds = setCondition(conds, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${name}" is progressing.` }, now)
    }
    const deadline = spec.progressDeadlineSeconds
    if (deadline && !deploymentComplete(sc.d, status)) sc.dc.requeueAfter(sc.d, deadline * 1000 + 1000)
  }
  status.conditions = conds
  writeStatus(sc, status)
}

/** DeploymentProgressing: any count moved towards the goal since the last status. */
function progressed(d: KubeObject, next: Record<string, unknown>): boolean {
  const old = (d.status ?? {}) as Record<string, number | undefined>
  const n = (k: string) => (next[k] as number | undefined) ?? 0
  const o = (k: string) => old[k] ?? 0
  return n('updatedReplicas') > o('updatedReplicas') || n('availableReplicas') > o('availableReplicas') || n('replicas') - n('updatedReplicas') < o('replicas') - o('updatedReplicas')
}

/** A paused Deployment still scales and reports status, but rolls nothing out. */
export function syncDeploymentStatusOnly(sc: SyncContext): undefined {
  const newRS = getNewReplicaSet(sc, false, () => 0)
  if (newRS && !oldReplicaSets(sc, newRS).some((rs) => replicasOf(rs) > 0)) {
    const want = dspec(sc.d).replicas ?? 1
    if (replicasOf(newRS) !== want) scaleReplicaSet(sc, newRS, want)
  }
  syncRolloutStatus(sc, findNewReplicaSet(sc))
  return undefined
}
