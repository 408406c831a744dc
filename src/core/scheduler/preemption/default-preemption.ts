/**
 * DefaultPreemption's PostFilter (framework/preemption + plugins/defaultpreemption): when a pod
 * fits nowhere, find the nodes where evicting lower-priority pods would make it fit, keep as few
 * victims as possible (reprieving the most important first), and pick one node as upstream does.
 * PodDisruptionBudgets are best effort: victims that would violate one are reprieved first,
 * and nodes needing fewer violations win.
 */
import type { KubeObject } from '../../api/types'
import type { FilterPlugin, FilterStatus, NodeInfo, PluginContext } from '../framework/types'
import { addPod, newNodeInfo } from '../framework/node-info'
import type { NodeVerdict } from '../schedule-one'
import { parseTime } from '../../machinery/time'
import { filterPodsWithPDBViolation } from './pdb-violation'

export const NO_VICTIMS_REASON = 'No preemption victims found for incoming pod'
export const NOT_HELPFUL_REASON = 'Preemption is not helpful for scheduling'

export interface PreemptionOutcome {
  /** The node chosen, with the pods to evict there. */
  node?: string
  victims: KubeObject[]
  /** The PostFilter message appended to the FitError ("" on success). */
  message: string
  /** No candidate: the pod's nominatedNodeName is cleared, as upstream's empty nomination does. */
  clearNominated?: boolean
}

export function podPriority(p: KubeObject): number {
  return (p.spec as { priority?: number }).priority ?? 0
}

function startTime(p: KubeObject): number {
  const s = (p.status as { startTime?: string } | undefined)?.startTime ?? p.metadata.creationTimestamp
  return parseTime(s) ?? 0
}

/** MoreImportantPod: higher priority first, then the one that started earlier. */
function moreImportant(a: KubeObject, b: KubeObject): number {
  return podPriority(b) - podPriority(a) || startTime(a) - startTime(b)
}

/** podTerminatingByPreemption: deleted by the scheduler's preemption. */
function terminatingByPreemption(p: KubeObject): boolean {
  if (!p.metadata.deletionTimestamp) return false
  const conds = (p.status as { conditions?: { type: string; reason?: string }[] } | undefined)?.conditions ?? []
  return conds.some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler')
}

/** PodEligibleToPreemptOthers: the reason it is not, or undefined. */
function notEligible(pod: KubeObject, nodes: NodeInfo[], verdicts: NodeVerdict[]): string | undefined {
  if ((pod.spec as { preemptionPolicy?: string }).preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.'
  const nominated = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName
  if (!nominated) return undefined
  // A nominated node the filters now reject for good may be worth preempting on again.
  if (verdicts.find((v) => v.node === nominated)?.rejectedBy?.code === 'UnschedulableAndUnresolvable') return undefined
  const info = nodes.find((n) => n.node.metadata.name === nominated)
  const prio = podPriority(pod)
  if (info?.pods.some((p) => podPriority(p) < prio && terminatingByPreemption(p))) return 'not eligible due to a terminating pod on the nominated node.'
  return undefined
}

/** Runs every filter for the pod on `node` with `nodes` as the cluster (PreFilter recomputed). */
function fits(pod: KubeObject, filters: FilterPlugin[], node: NodeInfo, nodes: NodeInfo[], ctx: PluginContext): FilterStatus | undefined {
  const state = new Map<string, unknown>()
  const c: PluginContext = { ...ctx, allNodes: nodes }
  for (const f of filters) f.preFilter?.(state, pod, c)
  for (const f of filters) {
    const st = f.filter(state, pod, node)
    if (st.code !== 'Success') return st
  }
  return undefined
}

function withPods(base: NodeInfo, pods: KubeObject[]): NodeInfo {
  const info = newNodeInfo(base.node)
  for (const p of pods) addPod(info, p)
  return info
}

interface Candidate {
  node: string
  victims: KubeObject[]
  numPDBViolations: number
}

/** SelectVictimsOnNode: victims and how many of them violate a budget, or why none help. */
function selectVictimsOnNode(pod: KubeObject, info: NodeInfo, nodes: NodeInfo[], filters: FilterPlugin[], ctx: PluginContext): Omit<Candidate, 'node'> | FilterStatus {
  const prio = podPriority(pod)
  const potential = info.pods.filter((p) => podPriority(p) < prio)
  if (potential.length === 0) return { code: 'UnschedulableAndUnresolvable', reasons: [NO_VICTIMS_REASON] }
  let kept = info.pods.filter((p) => podPriority(p) >= prio)
  const trial = (pods: KubeObject[]) => {
    const n = withPods(info, pods)
    return fits(pod, filters, n, nodes.map((x) => (x === info ? n : x)), ctx)
  }
  const failed = trial(kept)
  if (failed) return failed
  const victims: KubeObject[] = []
  // Reprieve: keep a pod if the preemptor still fits with it; budget-violating ones first,
  // each group from the most important down.
  const reprieve = (p: KubeObject): boolean => {
    if (trial([...kept, p])) {
      victims.push(p)
      return false
    }
    kept = [...kept, p]
    return true
  }
  const { violating, nonViolating } = filterPodsWithPDBViolation(potential.sort(moreImportant), ctx.listers?.podDisruptionBudgets?.() ?? [])
  let numPDBViolations = 0
  for (const p of violating) if (!reprieve(p)) numPDBViolations++
  for (const p of nonViolating) reprieve(p)
  if (violating.length && nonViolating.length) victims.sort(moreImportant)
  return { victims, numPDBViolations }
}

/** pickOneNodeForPreemption: fewest PDB violations, lowest top victim priority, lowest sum, fewest, latest start. */
function pickOne(cands: Candidate[]): Candidate {
  const top = (c: Candidate) => Math.max(...c.victims.map(podPriority))
  const sum = (c: Candidate) => c.victims.reduce((s, v) => s + (2 ** 31 - 1) + podPriority(v) + 1, 0)
  const earliestTop = (c: Candidate) => Math.min(...c.victims.filter((v) => podPriority(v) === top(c)).map(startTime))
  const criteria: ((c: Candidate) => number)[] = [(c) => c.numPDBViolations, top, sum, (c) => c.victims.length, (c) => -earliestTop(c)]
  let rest = cands
  for (const crit of criteria) {
    const best = Math.min(...rest.map(crit))
    rest = rest.filter((c) => crit(c) === best)
    if (rest.length === 1) break
  }
  return rest[0]!
}

/** FitError.Error() for the preemption dry run: "0/N nodes are available: <count> <reason>, ...". */
function summary(numNodes: number, statuses: FilterStatus[]): string {
  const counts = new Map<string, number>()
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  const reasons = [...counts].map(([r, n]) => `${n} ${r}`).sort()
  return `0/${numNodes} nodes are available: ${reasons.join(', ')}.`
}

export function preempt(pod: KubeObject, nodes: NodeInfo[], verdicts: NodeVerdict[], filters: FilterPlugin[], ctx: PluginContext): PreemptionOutcome {
  const why = notEligible(pod, nodes, verdicts)
  if (why) return { victims: [], message: `preemption: ${why}` }
  const statuses: FilterStatus[] = []
  const cands: Candidate[] = []
  const byName = new Map(verdicts.map((v) => [v.node, v]))
  for (const info of nodes) {
    const v = byName.get(info.node.metadata.name!)
    if (v?.rejectedBy?.code === 'UnschedulableAndUnresolvable') {
      statuses.push({ code: 'UnschedulableAndUnresolvable', reasons: [NOT_HELPFUL_REASON] })
      continue
    }
    const r = selectVictimsOnNode(pod, info, nodes, filters, ctx)
    if ('victims' in r) {
      if (r.victims.length) cands.push({ node: info.node.metadata.name!, ...r })
      else statuses.push({ code: 'Unschedulable', reasons: [`expected at least one victim pod on node "${info.node.metadata.name}"`] })
    } else statuses.push(r)
  }
  if (cands.length === 0) return { victims: [], message: `preemption: ${summary(nodes.length, statuses)}`, clearNominated: true }
  const best = pickOne(cands)
  return { node: best.node, victims: best.victims, message: '' }
}
