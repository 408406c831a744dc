/**
 * The scheduling framework's vocabulary (pkg/scheduler/framework): NodeInfo, plugin
 * interfaces for the Filter and Score extension points, and filter Status codes.
 */

import type { KubeObject } from '../../api/types'

export interface Resources {
  milliCPU: number
  memory: number
  pods: number
  [extended: string]: number
}

export interface NodeInfo {
  node: KubeObject
  pods: KubeObject[]
  requested: Resources
  /** Requests with kube-scheduler's non-zero defaults (100m, 200Mi) for pods that set none. */
  nonZeroRequested: Resources
  allocatable: Resources
  usedPorts: Set<string>
  imageSizes: Map<string, number>
}

export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable'

export interface FilterStatus {
  code: Code
  reasons: string[]
  plugin?: string
}

export const SUCCESS: FilterStatus = { code: 'Success', reasons: [] }

export function unschedulable(...reasons: string[]): FilterStatus {
  return { code: 'Unschedulable', reasons }
}

export function unresolvable(...reasons: string[]): FilterStatus {
  return { code: 'UnschedulableAndUnresolvable', reasons }
}

/** Data a plugin computes once per pod and reuses across nodes (CycleState). */
export type CycleState = Map<string, unknown>

export interface PluginContext {
  /** All node infos of this cycle (for plugins that look beyond one node). */
  allNodes: NodeInfo[]
}

export interface FilterPlugin {
  name: string
  preFilter?(state: CycleState, pod: KubeObject, ctx: PluginContext): void
  filter(state: CycleState, pod: KubeObject, node: NodeInfo): FilterStatus
}

export interface ScorePlugin {
  name: string
  weight: number
  preScore?(state: CycleState, pod: KubeObject, nodes: NodeInfo[], ctx: PluginContext): void
  score(state: CycleState, pod: KubeObject, node: NodeInfo): number
  /** Scale raw scores to 0..100 across the feasible nodes. */
  normalize?(scores: Map<string, number>): void
}

export const MAX_NODE_SCORE = 100

/** Normalize so the highest raw score maps to 100 (or the reverse when `reverse`). */
export function defaultNormalize(scores: Map<string, number>, reverse: boolean): void {
  let max = 0
  for (const v of scores.values()) max = Math.max(max, v)
  if (max === 0) {
    if (reverse) for (const k of scores.keys()) scores.set(k, MAX_NODE_SCORE)
    return
  }
  for (const [k, v] of scores) {
    const s = Math.floor((MAX_NODE_SCORE * v) / max)
    scores.set(k, reverse ? MAX_NODE_SCORE - s : s)
  }
}
