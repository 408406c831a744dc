/** Recreate (recreate.go): scale every old ReplicaSet to zero, wait for their pods to go, then scale up the new one. */

import { isPodActive } from '../controller-utils/pods'
import { cleanupDeployment, getNewReplicaSet, oldReplicaSets, scaleReplicaSet, syncRolloutStatus, type SyncContext } from './sync'
import { dspec, replicasOf } from './util'
import { computeStatus, deploymentComplete } from './progress'

export function rolloutRecreate(sc: SyncContext): undefined {
  let newRS = getNewReplicaSet(sc, false, () => 0)
  let scaledDown = false
  for (const rs of oldReplicaSets(sc, newRS)) {
    if (replicasOf(rs) > 0) {
      scaleReplicaSet(sc, rs, 0)
      scaledDown = true
    }
  }
  if (scaledDown) {
    syncRolloutStatus(sc, newRS)
    return undefined
  }
  // Old pods must be gone (not just terminating) before new ones start.
  const oldPodsRunning = oldReplicaSets(sc, newRS).some((rs) => sc.podsOf(rs).some((p) => isPodActive(p) || p.metadata.deletionTimestamp))
  if (oldPodsRunning) {
    syncRolloutStatus(sc, newRS)
    return undefined
  }
  if (!newRS) newRS = getNewReplicaSet(sc, true, (d) => dspec(d).replicas ?? 1)
  else if (replicasOf(newRS) !== (dspec(sc.d).replicas ?? 1)) newRS = scaleReplicaSet(sc, newRS, dspec(sc.d).replicas ?? 1)
  const status = computeStatus(sc.d, sc.rsList, newRS, sc.ctx.clock.now())
  if (deploymentComplete(sc.d, status)) cleanupDeployment(sc, oldReplicaSets(sc, newRS))
  syncRolloutStatus(sc, newRS)
  return undefined
}
