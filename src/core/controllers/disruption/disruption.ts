/**
 * The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's
 * status current: how many of its pods are healthy (Ready, not being deleted, not just
 * evicted), how many must stay healthy (minAvailable, or the controllers' scale minus
 * maxUnavailable), and so how many disruptions the eviction API may allow right now.
 */

import { conditionsAreUpToDate, pdbStatus, scaledValue, setStatusCondition, updateDisruptionAllowedCondition, DISRUPTION_ALLOWED_CONDITION, SYNC_FAILED_REASON, type PDBSpec, type PDBStatus } from '../../api/poddisruptionbudget'
import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { EventRecorder } from '../../client/events'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'
import { isStatusError } from '../../machinery/errors'
import { selectorFromLabelSelector } from '../../machinery/labels'
import { parseTime, rfc3339 } from '../../machinery/time'
import { isPodReady } from '../controller-utils/pods'
import { expectedScale } from './finders'

/** How long an eviction's entry in status.disruptedPods waits for the pod's deletion (DeletionTimeout). */
export const DELETION_TIMEOUT_MS = 2 * 60_000
/** How long a DisruptionTarget condition may stay on a pod that is not being deleted. */
export const STALE_POD_DISRUPTION_TIMEOUT_MS = 2 * 60_000

export class DisruptionController {
  private readonly queue: WorkQueue
  private readonly staleQueue: WorkQueue
  private readonly pdbInformer: Informer
  private readonly podInformer: Informer
  private readonly pdbType: ResourceType
  private readonly podType: ResourceType
  private readonly recorder: EventRecorder

  constructor(private readonly ctx: ComponentContext) {
    this.pdbType = ctx.api.registry.forGroupResource('policy', 'poddisruptionbudgets')!
    this.podType = ctx.api.registry.forGroupResource('', 'pods')!
    this.pdbInformer = ctx.informers.for('policy', 'poddisruptionbudgets')
    this.podInformer = ctx.informers.pods()
    this.recorder = ctx.recorder({ component: 'controllermanager' })
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key))
    this.staleQueue = new WorkQueue(ctx.clock, (key) => this.syncStalePodDisruption(key))
    const enqueue = (o: KubeObject) => this.queue.add(`${o.metadata.namespace}/${o.metadata.name}`)
    this.pdbInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n), delete: enqueue })
    const onPod = (pod: KubeObject, stale: boolean) => {
      const pdb = this.getPdbForPod(pod)
      if (pdb) enqueue(pdb)
      if (!stale) return
      const after = this.staleConditionWait(pod)
      if (after !== undefined) this.staleQueue.addAfter(`${pod.metadata.namespace}/${pod.metadata.name}`, after)
    }
    this.podInformer.addEventHandler({ add: (p) => onPod(p, true), update: (_o, n) => onPod(n, true), delete: (p) => onPod(p, false) })
  }

  private pdbsForPod(pod: KubeObject): KubeObject[] {
    return this.pdbInformer.list(pod.metadata.namespace).filter((pdb) => {
      const sel = selectorFromLabelSelector((pdb.spec as PDBSpec | undefined)?.selector)
      // A nil or empty selector matches nothing here (GetPodPodDisruptionBudgets).
      return sel && !sel.isEmpty() && sel.matches(pod.metadata.labels)
    })
  }

  private getPdbForPod(pod: KubeObject): KubeObject | undefined {
    const pdbs = this.pdbsForPod(pod)
    if (pdbs.length > 1) {
      this.recorder.event(pod, 'Warning', 'MultiplePodDisruptionBudgets', `Pod "${pod.metadata.namespace}"/"${pod.metadata.name}" matches multiple PodDisruptionBudgets.  Chose "${pdbs[0]!.metadata.name}" arbitrarily.`)
    }
    return pdbs[0]
  }

  private podsForPdb(pdb: KubeObject): KubeObject[] {
    const sel = selectorFromLabelSelector((pdb.spec as PDBSpec | undefined)?.selector)
    if (!sel) return []
    return this.podInformer.list(pdb.metadata.namespace).filter((p) => sel.matches(p.metadata.labels))
  }

  sync(key: string): Error | undefined {
    const pdb = this.pdbInformer.getByKey(key)
    if (!pdb) return undefined
    try {
      return this.trySync(pdb)
    } catch (e) {
      if (isStatusError(e) && e.code === 409) return e
      return this.failSafe(pdb, e instanceof Error ? e.message : String(e))
    }
  }

  private trySync(pdb: KubeObject): Error | undefined {
    const pods = this.podsForPdb(pdb)
    if (!pods.length) this.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found')
    const counted = this.getExpectedPodCount(pdb, pods)
    if ('error' in counted) {
      this.recorder.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${counted.error}`)
      throw new Error(counted.error)
    }
    if (counted.unmanaged.length) {
      this.recorder.event(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${goLabelSelector((pdb.spec as PDBSpec).selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      )
    }
    const now = this.ctx.clock.now()
    const { disrupted, recheckAt } = this.buildDisruptedPodMap(pods, pdb, now)
    const currentHealthy = countHealthyPods(pods, disrupted, now)
    this.updatePdbStatus(pdb, currentHealthy, counted.desiredHealthy, counted.expectedCount, disrupted)
    if (recheckAt !== undefined) this.queue.addAfter(`${pdb.metadata.namespace}/${pdb.metadata.name}`, recheckAt - now)
    return undefined
  }

  /** getExpectedPodCount */
  private getExpectedPodCount(pdb: KubeObject, pods: KubeObject[]): { expectedCount: number; desiredHealthy: number; unmanaged: string[] } | { error: string } {
    const spec = (pdb.spec ?? {}) as PDBSpec
    if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
      const scale = expectedScale(this.ctx.informers, this.ctx.api.registry, pods)
      if ('error' in scale) return scale
      const maxUnavailable = scaledValue(spec.maxUnavailable, scale.expectedCount, true)
      return { expectedCount: scale.expectedCount, desiredHealthy: Math.max(0, scale.expectedCount - maxUnavailable), unmanaged: scale.unmanaged }
    }
    if (typeof spec.minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: spec.minAvailable, unmanaged: [] }
    if (typeof spec.minAvailable === 'string') {
      const scale = expectedScale(this.ctx.informers, this.ctx.api.registry, pods)
      if ('error' in scale) return scale
      return { expectedCount: scale.expectedCount, desiredHealthy: scaledValue(spec.minAvailable, scale.expectedCount, true), unmanaged: scale.unmanaged }
    }
    return { expectedCount: 0, desiredHealthy: 0, unmanaged: [] }
  }

  /** buildDisruptedPodMap: evictions not yet seen as deletions, until DeletionTimeout. */
  private buildDisruptedPodMap(pods: KubeObject[], pdb: KubeObject, now: number): { disrupted: Record<string, string>; recheckAt?: number } {
    const previous = pdbStatus(pdb).disruptedPods
    const disrupted: Record<string, string> = {}
    let recheckAt: number | undefined
    if (!previous) return { disrupted }
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue
      const at = previous[pod.metadata.name!]
      if (at === undefined) continue
      const expected = (parseTime(at) ?? now) + DELETION_TIMEOUT_MS
      if (expected < now) {
        // Upstream prints the namespace twice here.
        this.recorder.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.namespace} to be deleted but it wasn't`)
      } else {
        if (recheckAt === undefined || expected < recheckAt) recheckAt = expected
        disrupted[pod.metadata.name!] = at
      }
    }
    return { disrupted, recheckAt }
  }

  private updatePdbStatus(pdb: KubeObject, currentHealthy: number, desiredHealthy: number, expectedCount: number, disrupted: Record<string, string>): void {
    let disruptionsAllowed = currentHealthy - desiredHealthy
    if (expectedCount <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0
    const st = pdbStatus(pdb)
    const sameDisrupted = JSON.stringify(sortedKeys(st.disruptedPods ?? {})) === JSON.stringify(sortedKeys(disrupted))
    if (
      st.currentHealthy === currentHealthy &&
      st.desiredHealthy === desiredHealthy &&
      st.expectedPods === expectedCount &&
      st.disruptionsAllowed === disruptionsAllowed &&
      sameDisrupted &&
      st.observedGeneration === pdb.metadata.generation &&
      conditionsAreUpToDate(pdb)
    ) {
      return
    }
    const next = clone(pdb)
    const status: PDBStatus = {
      currentHealthy,
      desiredHealthy,
      expectedPods: expectedCount,
      disruptionsAllowed,
      observedGeneration: pdb.metadata.generation,
      conditions: clone({ c: st.conditions ?? [] } as unknown as KubeObject).c as PDBStatus['conditions'],
    }
    if (Object.keys(disrupted).length) status.disruptedPods = disrupted
    updateDisruptionAllowedCondition(status, this.ctx.clock.now())
    next.status = status
    this.ctx.api.update(this.pdbType, next, { subresource: 'status' })
  }

  /** failSafe: when the status cannot be computed, allow no disruption. */
  private failSafe(pdb: KubeObject, message: string): Error | undefined {
    const next = clone(pdb)
    const status = clone({ s: pdbStatus(pdb) } as unknown as KubeObject).s as PDBStatus
    status.disruptionsAllowed = 0
    status.conditions ??= []
    setStatusCondition(status.conditions, { type: DISRUPTION_ALLOWED_CONDITION, status: 'False', reason: SYNC_FAILED_REASON, message, observedGeneration: status.observedGeneration }, this.ctx.clock.now())
    next.status = status
    try {
      this.ctx.api.update(this.pdbType, next, { subresource: 'status' })
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e))
    }
    return undefined
  }

  /** nonTerminatingPodHasStaleDisruptionCondition: ms until the condition is stale, or undefined. */
  private staleConditionWait(pod: KubeObject): number | undefined {
    if (pod.metadata.deletionTimestamp) return undefined
    const phase = (pod.status as { phase?: string } | undefined)?.phase
    const cond = ((pod.status as { conditions?: { type: string; status: string; reason?: string; lastTransitionTime?: string }[] } | undefined)?.conditions ?? []).find((c) => c.type === 'DisruptionTarget')
    if (!cond || cond.status !== 'True' || cond.reason === 'TerminationByKubelet' || phase === 'Succeeded' || phase === 'Failed') return undefined
    const since = parseTime(cond.lastTransitionTime) ?? this.ctx.clock.now()
    return Math.max(0, since + STALE_POD_DISRUPTION_TIMEOUT_MS - this.ctx.clock.now())
  }

  /** syncStalePodDisruption: an eviction that never led to a deletion sets DisruptionTarget back to False. */
  private syncStalePodDisruption(key: string): Error | undefined {
    const pod = this.podInformer.getByKey(key)
    if (!pod) return undefined
    const wait = this.staleConditionWait(pod)
    if (wait === undefined) return undefined
    if (wait > 0) {
      this.staleQueue.addAfter(key, wait)
      return undefined
    }
    const next = clone(pod)
    const conds = (next.status as { conditions: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[] }).conditions
    const c = conds.find((x) => x.type === 'DisruptionTarget')!
    c.status = 'False'
    c.lastTransitionTime = rfc3339(this.ctx.clock.now())
    delete c.reason
    delete c.message
    this.ctx.api.update(this.podType, next, { subresource: 'status' })
    return undefined
  }
}

/** countHealthyPods: Ready pods that are neither being deleted nor recently evicted. */
function countHealthyPods(pods: KubeObject[], disrupted: Record<string, string>, now: number): number {
  let n = 0
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue
    const at = disrupted[pod.metadata.name!]
    if (at !== undefined && (parseTime(at) ?? now) + DELETION_TIMEOUT_MS > now) continue
    if (isPodReady(pod)) n++
  }
  return n
}

function sortedKeys(m: Record<string, string>): [string, string][] {
  return Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** A *metav1.LabelSelector as its generated String() prints it in the UnmanagedPods event. */
function goLabelSelector(sel: PDBSpec['selector']): string {
  if (!sel) return '<nil>'
  const labels = Object.keys(sel.matchLabels ?? {})
    .sort()
    .map((k) => `${k}: ${sel.matchLabels![k]},`)
    .join('')
  const exprs = (sel.matchExpressions ?? []).map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`).join('')
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`
}
