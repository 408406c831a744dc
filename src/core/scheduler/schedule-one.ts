/**
 * One scheduling cycle (schedule_one.go): filter the nodes (stopping once enough feasible
 * ones are found, as percentageOfNodesToScore allows), score them, pick the best with a
 * seeded tie-break, and explain failures in upstream's words.
 */

import type { KubeObject } from '../api/types'
import type { Random } from '../sim/random'
import { addPod, newNodeInfo } from './framework/node-info'
import { podPriority } from './preemption/default-preemption'
import type { Nominator } from './queue/nominator'
import { SKIP, type CycleState, type FilterPlugin, type NodeInfo, type PluginContext, type ScorePlugin } from './framework/types'

export interface NodeVerdict {
  node: string
  /** Undefined when every filter passed. */
  rejectedBy?: { plugin: string; reasons: string[]; code: string }
}

/** Each score plugin's normalized score per feasible node, and the weighted totals. */
export interface ScoreTable {
  nodes: string[]
  plugins: { plugin: string; scores: Float64Array }[]
  totals: Float64Array
}

export interface Decision {
  pod: string
  time: number
  selected?: string
  message?: string
  /** Every node examined, with the filter that rejected it. */
  nodes: NodeVerdict[]
  scoreTable?: ScoreTable
  /** When DefaultPreemption chose a node: it, and the victims evicted there ("ns/name"). */
  preemption?: { node: string; victims: string[] }
}

/** "Why this node?": one node's score per plugin and its total, for the UI. */
export function nodeScores(d: Decision, node: string): { scores: Record<string, number>; total: number } | undefined {
  const i = d.scoreTable?.nodes.indexOf(node) ?? -1
  if (!d.scoreTable || i < 0) return undefined
  const scores: Record<string, number> = {}
  for (const p of d.scoreTable.plugins) scores[p.plugin] = p.scores[i]!
  return { scores, total: d.scoreTable.totals[i]! }
}

/** numFeasibleNodesToFind with the adaptive percentage (percentageOfNodesToScore unset). */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  const MIN_FEASIBLE = 100
  if (numAllNodes < MIN_FEASIBLE) return numAllNodes
  let pct = 50 - Math.floor(numAllNodes / 125)
  if (pct < 5) pct = 5
  const n = Math.floor((numAllNodes * pct) / 100)
  return Math.max(n, MIN_FEASIBLE)
}

function runFilters(filters: FilterPlugin[], state: CycleState, pod: KubeObject, info: NodeInfo): NodeVerdict['rejectedBy'] {
  for (const f of filters) {
    const st = f.filter(state, pod, info)
    if (st.code !== 'Success') return { plugin: f.name, reasons: st.reasons, code: st.code }
  }
  return undefined
}

/** A copy of the node with the nominated pods that outrank (or tie) the pod, if any. */
function addNominatedPods(pod: KubeObject, info: NodeInfo, nominated: Iterable<KubeObject>): NodeInfo | undefined {
  const prio = podPriority(pod)
  let copy: NodeInfo | undefined
  for (const p of nominated) {
    if (p.metadata.uid === pod.metadata.uid || podPriority(p) < prio) continue
    if (!copy) {
      copy = newNodeInfo(info.node)
      for (const q of info.pods) addPod(copy, q)
    }
    addPod(copy, p)
  }
  return copy
}

const zeroArrays = new Map<number, Float64Array>()

/** A shared all-zero score row for skipped plugins (never written to). */
function zeros(n: number): Float64Array {
  let z = zeroArrays.get(n)
  if (!z) zeroArrays.set(n, (z = new Float64Array(n)))
  return z
}

export interface CycleResult {
  decision: Decision
  unresolvableOnly: boolean
}

export function scheduleOne(
  pod: KubeObject,
  nodes: NodeInfo[],
  startIndex: number,
  filters: FilterPlugin[],
  scorers: ScorePlugin[],
  random: Random,
  now: number,
  listers?: PluginContext['listers'],
  nominator?: Nominator,
): CycleResult & { nextStartIndex: number } {
  const state: CycleState = new Map()
  const ctx: PluginContext = { allNodes: nodes, listers }
  const podName = `${pod.metadata.namespace}/${pod.metadata.name}`
  for (const f of filters) {
    const st = f.preFilter?.(state, pod, ctx)
    if (!st || st.code === 'Success') continue
    // PreFilter rejection: every node shares the status, and the message is the plugin's own.
    const rejectedBy = { ...st, plugin: f.name }
    const verdicts = nodes.map((n) => ({ node: n.node.metadata.name!, rejectedBy }))
    const message = `0/${nodes.length} nodes are available: ${st.reasons.join(', ')}.`
    return { decision: { pod: podName, time: now, message, nodes: verdicts }, unresolvableOnly: st.code === 'UnschedulableAndUnresolvable', nextStartIndex: startIndex }
  }
  const want = numFeasibleNodesToFind(nodes.length)
  const feasible: NodeInfo[] = []
  const verdicts: NodeVerdict[] = []
  let examined = 0
  for (let i = 0; i < nodes.length && feasible.length < want; i++) {
    const info = nodes[(startIndex + i) % nodes.length]!
    examined++
    // RunFilterPluginsWithNominatedPods: first as if the pods nominated here (of at least this
    // pod's priority) were running, then as the node is.
    const nominated = nominator?.podsOn(info.node.metadata.name!)
    const withNominated = nominated ? addNominatedPods(pod, info, nominated) : undefined
    const rejected = (withNominated && runFilters(filters, state, pod, withNominated)) || runFilters(filters, state, pod, info)
    verdicts.push({ node: info.node.metadata.name!, rejectedBy: rejected })
    if (!rejected) feasible.push(info)
  }
  const nextStartIndex = nodes.length ? (startIndex + examined) % nodes.length : 0
  if (feasible.length === 0) {
    const message = fitErrorMessage(nodes.length, verdicts)
    const unresolvableOnly = verdicts.every((v) => v.rejectedBy?.code === 'UnschedulableAndUnresolvable')
    return { decision: { pod: podName, time: now, message, nodes: verdicts }, unresolvableOnly, nextStartIndex }
  }
  const n = feasible.length
  const totals = new Float64Array(n)
  const perPlugin: { plugin: string; scores: Float64Array }[] = []
  if (n > 1) {
    for (const s of scorers) {
      // A plugin whose PreScore says Skip scores 0 everywhere (framework.Skip): no array of its own.
      if (s.preScore?.(state, pod, feasible, ctx) === SKIP) {
        perPlugin.push({ plugin: s.name, scores: zeros(n) })
        continue
      }
      const scores = new Float64Array(n)
      for (let i = 0; i < n; i++) scores[i] = s.score(state, pod, feasible[i]!)
      s.normalize?.(scores, state, feasible)
      for (let i = 0; i < n; i++) totals[i] += scores[i]! * s.weight
      perPlugin.push({ plugin: s.name, scores })
    }
  }
  // Highest total wins; ties are broken at random (reservoir sampling as selectHost does).
  let bestIndex = 0
  let bestScore = -1
  let ties = 0
  for (let i = 0; i < n; i++) {
    const t = totals[i]!
    if (t > bestScore) {
      bestIndex = i
      bestScore = t
      ties = 1
    } else if (t === bestScore) {
      ties++
      if (random.int(ties) === 0) bestIndex = i
    }
  }
  const best = feasible[bestIndex]!.node.metadata.name
  const scoreTable: ScoreTable = { nodes: feasible.map((f) => f.node.metadata.name!), plugins: perPlugin, totals }
  return { decision: { pod: podName, time: now, selected: best, nodes: verdicts, scoreTable }, unresolvableOnly: false, nextStartIndex }
}

/** FitError.Error() before the PostFilter's part: "0/4 nodes are available: <count> <reason>, ...." */
export function fitErrorMessage(numNodes: number, verdicts: NodeVerdict[]): string {
  const counts = new Map<string, number>()
  for (const v of verdicts) {
    if (!v.rejectedBy) continue
    for (const r of v.rejectedBy.reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  }
  const reasons = [...counts].map(([r, n]) => `${n} ${r}`).sort()
  return `0/${numNodes} nodes are available: ${reasons.join(', ')}.`
}
