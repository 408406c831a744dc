/**
 * Scaling a Deployment without rolling it (sync.go sync, scale, isScalingEvent): a paused
 * Deployment, or one whose replicas changed mid-rollout, resizes its ReplicaSets in
 * proportion to their size, so a rollout in progress keeps its shape.
 */

import type { KubeObject } from '../../api/types'
import { getCondition, setCondition, type Condition } from './progress'
import { cleanupDeployment, findNewReplicaSet, getNewReplicaSet, oldReplicaSets, scaleReplicaSet, writeStatus, type SyncContext } from './sync'
import { computeStatus } from './progress'
import { DESIRED_REPLICAS_ANNOTATION, dspec, MAX_REPLICAS_ANNOTATION, maxSurgeOf, replicasOf, sumReplicas } from './util'

const active = (rss: KubeObject[]) => rss.filter((rs) => replicasOf(rs) > 0)

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(sc: SyncContext): void {
  const spec = dspec(sc.d)
  if (!spec.progressDeadlineSeconds) return
  const cond = getCondition(sc.d, 'Progressing')
  if (cond?.reason === 'ProgressDeadlineExceeded') return
  const pausedCondExists = cond?.reason === 'DeploymentPaused'
  const conds = ((sc.d.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).slice()
  const now = sc.ctx.clock.now()
  let next: Condition[] | undefined
  if (spec.paused && !pausedCondExists) next = setCondition(conds, { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' }, now)
  else if (!spec.paused && pausedCondExists) next = setCondition(conds, { type: 'Progressing', status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed' }, now)
  if (next) writeStatus(sc, { ...((sc.d.status as object) ?? {}), conditions: next })
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count. */
export function isScalingEvent(sc: SyncContext): boolean {
  const want = String(dspec(sc.d).replicas ?? 1)
  return active(sc.rsList).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]
    return desired !== undefined && desired !== want
  })
}

/** getReplicaSetFraction: this ReplicaSet's share of the change, rounded half away from zero. */
function fraction(sc: SyncContext, rs: KubeObject): number {
  const replicas = dspec(sc.d).replicas ?? 1
  if (replicas === 0) return -replicasOf(rs)
  const deploymentReplicas = replicas + maxSurgeOf(sc.d)
  const annotated = parseInt(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? '', 10)
  const base = Number.isNaN(annotated) ? ((sc.d.status as { replicas?: number } | undefined)?.replicas ?? 0) : annotated
  const size = (replicasOf(rs) * deploymentReplicas) / base
  return Math.sign(size) * Math.round(Math.abs(size)) - replicasOf(rs)
}

/** scale: one active ReplicaSet takes the whole count; several share the change in proportion. */
export function scale(sc: SyncContext, newRS: KubeObject | undefined, olds: KubeObject[]): void {
  const replicas = dspec(sc.d).replicas ?? 1
  const all = [...(newRS ? [newRS] : []), ...olds]
  const act = active(all)
  const activeOrLatest = act.length === 1 ? act[0] : act.length === 0 ? (newRS ?? [...olds].sort(newestFirst)[0]) : undefined
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) !== replicas) scaleReplicaSet(sc, activeOrLatest, replicas)
    return
  }
  // A saturated new ReplicaSet means the old ones go to zero.
  if (newRS && replicasOf(newRS) === replicas && ((newRS.status as { availableReplicas?: number } | undefined)?.availableReplicas ?? 0) === replicas) {
    for (const rs of active(olds)) scaleReplicaSet(sc, rs, 0)
    return
  }
  if (dspec(sc.d).strategy?.type !== 'RollingUpdate') return
  const allowed = replicas > 0 ? replicas + maxSurgeOf(sc.d) : 0
  const toAdd = allowed - sumReplicas(act)
  // Growing favours the biggest (then newest) ReplicaSet, shrinking the biggest (then oldest).
  const sorted = [...act].sort((a, b) => replicasOf(b) - replicasOf(a) || (toAdd > 0 ? newestFirst(a, b) : -newestFirst(a, b)))
  let added = 0
  const sizes = new Map<KubeObject, number>()
  for (const rs of sorted) {
    let proportion = 0
    if (toAdd !== 0 && replicasOf(rs) !== 0 && toAdd !== added) {
      const f = fraction(sc, rs)
      proportion = toAdd > 0 ? Math.min(f, toAdd - added) : Math.max(f, toAdd - added)
    }
    sizes.set(rs, replicasOf(rs) + proportion)
    added += proportion
  }
  sorted.forEach((rs, i) => {
    let size = sizes.get(rs)!
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added)
    scaleReplicaSet(sc, rs, size)
  })
}

function newestFirst(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? ''
  const tb = b.metadata.creationTimestamp ?? ''
  if (ta !== tb) return ta > tb ? -1 : 1
  return (a.metadata.name ?? '') > (b.metadata.name ?? '') ? -1 : 1
}

/** sync: scale without rolling (paused, or a scaling event), then write status. */
export function syncScaleOnly(sc: SyncContext): undefined {
  const newRS = getNewReplicaSet(sc, false, () => 0)
  const olds = oldReplicaSets(sc, newRS)
  scale(sc, newRS, olds)
  if (dspec(sc.d).paused) cleanupDeployment(sc, oldReplicaSets(sc, newRS))
  const status = computeStatus(sc.d, sc.rsList, findNewReplicaSet(sc), sc.ctx.clock.now())
  writeStatus(sc, status)
  return undefined
}
