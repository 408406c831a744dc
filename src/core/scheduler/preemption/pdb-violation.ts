/**
 * filterPodsWithPDBViolation (framework/plugins/defaultpreemption): which potential victims
 * would take a PodDisruptionBudget below zero if evicted in this order. Preemption tries
 * hardest to spare those, and prefers nodes where it has to violate fewer budgets; it never
 * refuses outright (a budget is best effort for the scheduler).
 */

import type { PDBSpec } from '../../api/poddisruptionbudget'
import { pdbStatus } from '../../api/poddisruptionbudget'
import type { KubeObject } from '../../api/types'
import { selectorFromLabelSelector } from '../../machinery/labels'

export function filterPodsWithPDBViolation(pods: KubeObject[], pdbs: KubeObject[]): { violating: KubeObject[]; nonViolating: KubeObject[] } {
  const allowed = pdbs.map((pdb) => pdbStatus(pdb).disruptionsAllowed)
  const violating: KubeObject[] = []
  const nonViolating: KubeObject[] = []
  for (const pod of pods) {
    let violated = false
    // A pod without labels matches no budget.
    if (Object.keys(pod.metadata.labels ?? {}).length) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata.namespace !== pod.metadata.namespace) return
        const sel = selectorFromLabelSelector((pdb.spec as PDBSpec | undefined)?.selector)
        if (!sel || sel.isEmpty() || !sel.matches(pod.metadata.labels)) return
        // Already being evicted through the API: not counted twice.
        if (pdbStatus(pdb).disruptedPods?.[pod.metadata.name!] !== undefined) return
        allowed[i]!--
        if (allowed[i]! < 0) violated = true
      })
    }
    ;(violated ? violating : nonViolating).push(pod)
  }
  return { violating, nonViolating }
}
