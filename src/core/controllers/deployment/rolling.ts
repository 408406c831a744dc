/** RollingUpdate (rolling.go): surge the new ReplicaSet, then scale old ones down within maxUnavailable. */

import type { KubeObject } from '../../api/types'
import { isPodAvailable } from '../controller-utils/pods'
import { cleanupDeployment, getNewReplicaSet, oldReplicaSets, scaleReplicaSet, syncRolloutStatus, type SyncContext } from './sync'
import { byCreation, dspec, maxSurgeOf, maxUnavailableOf, replicasOf, statusOf, sumReplicas, sumStatus } from './util'
import { computeStatus, deploymentComplete } from './progress'

/** NewRSNewReplicas for RollingUpdate. */
function newRSReplicas(sc: SyncContext, newRS: KubeObject | undefined): number {
  const replicas = dspec(sc.d).replicas ?? 1
  const current = sumReplicas(sc.rsList)
  const maxTotal = replicas + maxSurgeOf(sc.d)
  const have = newRS ? replicasOf(newRS) : 0
  if (current >= maxTotal) return have
  return have + Math.max(0, Math.min(maxTotal - current, replicas - have))
}

export function rolloutRolling(sc: SyncContext): undefined {
  const newRS = getNewReplicaSet(sc, true, () => newRSReplicas(sc, undefined))
  if (newRS && reconcileNewReplicaSet(sc, newRS)) {
    syncRolloutStatus(sc, current(sc, newRS))
    return undefined
  }
  const nrs = current(sc, newRS)
  if (reconcileOldReplicaSets(sc, nrs)) {
    syncRolloutStatus(sc, current(sc, nrs))
    return undefined
  }
  const status = computeStatus(sc.d, sc.rsList, nrs, sc.ctx.clock.now())
  if (deploymentComplete(sc.d, status)) cleanupDeployment(sc, oldReplicaSets(sc, nrs))
  syncRolloutStatus(sc, nrs)
  return undefined
}

function current(sc: SyncContext, rs: KubeObject | undefined): KubeObject | undefined {
  return rs && sc.rsList.find((x) => x.metadata.uid === rs.metadata.uid)
}

function reconcileNewReplicaSet(sc: SyncContext, newRS: KubeObject): boolean {
  const replicas = dspec(sc.d).replicas ?? 1
  const have = replicasOf(newRS)
  if (have === replicas) return false
  if (have > replicas) {
    scaleReplicaSet(sc, newRS, replicas)
    return true
  }
  const want = newRSReplicas(sc, newRS)
  if (want === have) return false
  scaleReplicaSet(sc, newRS, want)
  return true
}

function reconcileOldReplicaSets(sc: SyncContext, newRS: KubeObject | undefined): boolean {
  const olds = oldReplicaSets(sc, newRS).sort(byCreation)
  if (sumReplicas(olds) === 0) return false
  const replicas = dspec(sc.d).replicas ?? 1
  const allPods = sumReplicas(sc.rsList)
  const minAvailable = replicas - maxUnavailableOf(sc.d)
  const newUnavailable = newRS ? replicasOf(newRS) - (statusOf(newRS).availableReplicas ?? 0) : 0
  const maxScaledDown = allPods - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return false
  // First old replicas whose pods are not available anyway (cleanupUnhealthyReplicas).
  let budget = maxScaledDown
  let scaled = 0
  for (const rs of olds) {
    if (budget <= 0) break
    const have = replicasOf(rs)
    if (have === 0) continue
    const healthy = statusOf(rs).availableReplicas ?? 0
    if (have === healthy) continue
    const down = Math.min(budget, have - healthy)
    scaleReplicaSet(sc, rs, have - down)
    budget -= down
    scaled += down
  }
  // Then available ones, oldest first, keeping minAvailable.
  const now = sc.ctx.clock.now()
  const min = dspec(sc.d).minReadySeconds ?? 0
  const availableNow = sc.rsList.reduce((n, rs) => n + sc.podsOf(rs).filter((p) => isPodAvailable(p, min, now)).length, 0)
  const available = Math.min(availableNow, sumStatus(sc.rsList, 'availableReplicas'))
  let total = available - minAvailable
  for (const rs of oldReplicaSets(sc, newRS).sort(byCreation)) {
    if (total <= 0) break
    const have = replicasOf(rs)
    if (have === 0) continue
    const down = Math.min(have, total)
    scaleReplicaSet(sc, rs, have - down)
    total -= down
    scaled += down
  }
  return scaled > 0
}
