/**
 * DaemonSet RollingUpdate without surge (pkg/controller/daemon/update.go rollingUpdate): old
 * pods that are not available anyway go first, then available ones while the unavailable
 * count stays within maxUnavailable. The sync that follows creates the new pods. OnDelete
 * replaces nothing.
 */

import type { KubeObject } from '../../api/types'
import { isPodActive, isPodAvailable } from '../controller-utils/pods'

interface UpdateStrategy {
  type?: string
  rollingUpdate?: { maxUnavailable?: number | string }
}

/** intstr against the desired count; a percentage rounds up for maxUnavailable (unlike Deployments). */
function scaled(v: number | string | undefined, total: number): number {
  if (v === undefined) return 1
  if (typeof v === 'number') return v
  const m = /^(\d+)%$/.exec(v)
  return m ? Math.ceil((parseInt(m[1]!, 10) * total) / 100) : parseInt(v, 10) || 0
}

/**
 * The old pods to delete now. `byNode` maps each node that should run the daemon to its
 * active pods there; `hash` is the current template's controller-revision-hash.
 */
export function podsToReplace(ds: KubeObject, byNode: Map<string, KubeObject[]>, hash: string, now: number): KubeObject[] {
  const strategy = (ds.spec as { updateStrategy?: UpdateStrategy }).updateStrategy
  if (strategy?.type !== 'RollingUpdate') return []
  const minReady = (ds.spec as { minReadySeconds?: number }).minReadySeconds ?? 0
  let maxUnavailable = scaled(strategy.rollingUpdate?.maxUnavailable, byNode.size)
  if (maxUnavailable < 1) maxUnavailable = 1
  let unavailable = 0
  const oldAvailable: KubeObject[] = []
  const out: KubeObject[] = []
  for (const pods of byNode.values()) {
    const active = pods.filter(isPodActive)
    const available = active.some((p) => isPodAvailable(p, minReady, now))
    if (!available) unavailable++
    for (const p of active) {
      if (p.metadata.labels?.['controller-revision-hash'] === hash) continue
      if (isPodAvailable(p, minReady, now)) oldAvailable.push(p)
      else out.push(p)
    }
  }
  // Old pods that are unavailable cost nothing to replace.
  for (const p of oldAvailable) {
    if (unavailable >= maxUnavailable) break
    out.push(p)
    unavailable++
  }
  return out
}
