/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go): a pod is
 * deleted only if the PodDisruptionBudget covering it allows one more disruption; the
 * budget's disruptionsAllowed is decremented and the pod noted in status.disruptedPods so
 * the disruption controller does not count it as healthy while it goes. Otherwise 429.
 */

import { DISRUPTION_BUDGET_CAUSE, pdbStatus, updateDisruptionAllowedCondition, type PDBSpec, type PDBStatus } from '../../api/poddisruptionbudget'
import { clone, type KubeObject } from '../../api/types'
import { newForbidden, StatusError, type StatusCause } from '../../machinery/errors'
import { selectorFromLabelSelector } from '../../machinery/labels'
import { rfc3339 } from '../../machinery/time'
import type { DeleteOptions } from '../delete'
import type { APIServer, WriteOptions } from '../server'

/** MaxDisruptedPodSize: evictions approved but not yet seen by the disruption controller. */
export const MAX_DISRUPTED_POD_SIZE = 2000
const VIOLATION_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget."

export type EvictionOptions = DeleteOptions & WriteOptions

function tooManyRequests(message: string, retryAfterSeconds: number, cause: StatusCause): StatusError {
  const details: StatusError['status']['details'] = { causes: [cause] }
  if (retryAfterSeconds) details.retryAfterSeconds = retryAfterSeconds
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'TooManyRequests', details, code: 429 })
}

/** createTooManyRequestsError: the budget's status has not caught up with its spec yet. */
function stillProcessing(name: string): StatusError {
  return tooManyRequests(VIOLATION_MESSAGE, 10, { reason: DISRUPTION_BUDGET_CAUSE, message: `The disruption budget ${name} is still being processed by the server.` })
}

function phase(pod: KubeObject): string {
  return (pod.status as { phase?: string } | undefined)?.phase ?? 'Pending'
}

function isReady(pod: KubeObject): boolean {
  return ((pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

/** canIgnorePDB: a pod that is not running (or already going) disrupts nothing more. */
function canIgnorePDB(pod: KubeObject): boolean {
  const p = phase(pod)
  return p === 'Succeeded' || p === 'Failed' || p === 'Pending' || !!pod.metadata.deletionTimestamp
}

/** getPodDisruptionBudgets: a nil or empty selector matches nothing. */
function podDisruptionBudgets(api: APIServer, pod: KubeObject): KubeObject[] {
  const t = api.registry.forGroupResource('policy', 'poddisruptionbudgets')!
  return api.list(t, { namespace: pod.metadata.namespace }).items.filter((pdb) => {
    const sel = selectorFromLabelSelector((pdb.spec as PDBSpec | undefined)?.selector)
    return sel && !sel.isEmpty() && sel.matches(pod.metadata.labels)
  })
}

/** checkAndDecrement */
function checkAndDecrement(api: APIServer, podName: string, pdb: KubeObject, dryRun: boolean): void {
  const st = pdbStatus(pdb)
  const name = pdb.metadata.name!
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) throw stillProcessing(name)
  if (st.disruptionsAllowed < 0) throw newForbidden('poddisruptionbudget', 'policy', name, 'pdb disruptions allowed is negative')
  if (Object.keys(st.disruptedPods ?? {}).length > MAX_DISRUPTED_POD_SIZE) {
    throw newForbidden('poddisruptionbudget', 'policy', name, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller')
  }
  if (st.disruptionsAllowed === 0) {
    throw tooManyRequests(VIOLATION_MESSAGE, 0, { reason: DISRUPTION_BUDGET_CAUSE, message: `The disruption budget ${name} needs ${st.desiredHealthy} healthy pods and has ${st.currentHealthy} currently` })
  }
  const next = clone(pdb)
  const status = next.status as PDBStatus
  status.disruptionsAllowed--
  if (status.disruptionsAllowed === 0) updateDisruptionAllowedCondition(status, api.clock.now())
  if (dryRun) return
  status.disruptedPods = { ...(status.disruptedPods ?? {}), [podName]: rfc3339(api.clock.now()) }
  api.update(api.registry.forGroupResource('policy', 'poddisruptionbudgets')!, next, { subresource: 'status' })
}

/** addConditionAndDeletePod: DisruptionTarget tells the pod's owner why it is going. */
function addConditionAndDeletePod(api: APIServer, pod: KubeObject, opts: EvictionOptions): void {
  const podType = api.registry.forGroupResource('', 'pods')!
  if (opts.dryRun) return
  const next = clone(pod)
  const status = (next.status ?? {}) as { conditions?: Record<string, unknown>[] }
  const conds = status.conditions ?? []
  const existing = conds.find((c) => c.type === 'DisruptionTarget')
  const fresh = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(api.clock.now()), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' }
  if (existing?.status === 'True') Object.assign(existing, { reason: fresh.reason, message: fresh.message })
  else status.conditions = [...conds.filter((c) => c !== existing), fresh]
  next.status = status
  const updated = api.update(podType, next, { subresource: 'status' })
  const pre = opts.preconditions?.resourceVersion ? { ...opts.preconditions, resourceVersion: updated.metadata.resourceVersion } : opts.preconditions
  api.delete(podType, pod.metadata.namespace, pod.metadata.name!, { ...opts, preconditions: pre })
}

/** EvictionREST.Create: returns when the pod has been deleted (gracefully); throws the refusal. */
export function evictPod(api: APIServer, namespace: string, name: string, opts: EvictionOptions = {}): void {
  const podType = api.registry.forGroupResource('', 'pods')!
  const pod = api.get(podType, namespace, name)
  if (canIgnorePDB(pod)) {
    // Pending pods are deleted at the version read, so a pod that just became ready is not lost.
    const enforce = phase(pod) === 'Pending' && !pod.metadata.deletionTimestamp && !opts.preconditions?.resourceVersion
    addConditionAndDeletePod(api, pod, enforce ? { ...opts, preconditions: { ...opts.preconditions, resourceVersion: pod.metadata.resourceVersion } } : opts)
    return
  }
  const pdbs = podDisruptionBudgets(api, pod)
  if (pdbs.length > 1) {
    throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.', reason: '', code: 500 })
  }
  let pinVersion = false
  if (pdbs.length === 1) {
    const pdb = pdbs[0]!
    const st = pdbStatus(pdb)
    const policy = (pdb.spec as PDBSpec).unhealthyPodEvictionPolicy
    // An unready pod does not count as healthy: taking it away costs the budget nothing,
    // always under AlwaysAllow, and while the budget is met under IfHealthyBudget (the default).
    if (!isReady(pod) && (policy === 'AlwaysAllow' || (st.currentHealthy >= st.desiredHealthy && st.desiredHealthy > 0))) pinVersion = true
    else checkAndDecrement(api, pod.metadata.name!, pdb, !!opts.dryRun)
  }
  const deleteOpts = pinVersion && !opts.preconditions?.resourceVersion ? { ...opts, preconditions: { ...opts.preconditions, resourceVersion: pod.metadata.resourceVersion } } : opts
  addConditionAndDeletePod(api, pod, deleteOpts)
}
