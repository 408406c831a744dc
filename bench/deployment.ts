/**
 * Wall time for a 1,000-replica Deployment to converge (all pods Running and available) on a
 * cluster of real kubelets, counted from `kubectl create deployment` to the last pod ready.
 */

import { createCluster } from '../src/core/cluster'

export function benchDeployment(replicas: number, workers: number): { wallMs: number; simulatedSeconds: number; available: number } {
  const c = createCluster({ seed: 1, workers, workerCPU: 64, workerMemoryGi: 256 })
  const t0 = performance.now()
  const start = c.now()
  c.kubectl(`create deployment big --image=nginx --replicas=${replicas}`)
  const dType = c.api.registry.lookup('deployments')!
  let available = 0
  // Step a simulated second at a time until the Deployment reports every replica available.
  for (let s = 0; s < 600; s++) {
    c.advance(1000)
    const d = c.api.peek(dType, 'default', 'big')
    available = (d?.status as { availableReplicas?: number } | undefined)?.availableReplicas ?? 0
    if (available >= replicas) break
  }
  return { wallMs: Math.round(performance.now() - t0), simulatedSeconds: Math.round((c.now() - start) / 1000), available }
}
