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
  /** Pods here with any pod (anti-)affinity, and with required anti-affinity (upstream's
   * PodsWithAffinity / PodsWithRequiredAntiAffinity), so InterPodAffinity skips other nodes. */
  podsWithAffinity: number
  podsWithRequiredAntiAffinity: number
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

/** Read access to other objects some plugins need (informer caches). */
export interface SchedulerListers {
  /** Services, ReplicaSets, StatefulSets, ReplicationControllers of a namespace. */
  list(resource: 'services' | 'replicasets' | 'statefulsets' | 'replicationcontrollers', namespace: string): KubeObject[]
  namespaceLabels(namespace: string): Record<string, string> | undefined
  /** Claims, volumes and classes, for VolumeBinding. */
  claim?(namespace: string, name: string): KubeObject | undefined
  volumes?(): KubeObject[]
  storageClass?(name: string): KubeObject | undefined
  /** PodDisruptionBudgets, which preemption tries not to violate. */
  podDisruptionBudgets?(): KubeObject[]
}

export interface PluginContext {
  /** All node infos of this cycle (for plugins that look beyond one node). */
  allNodes: NodeInfo[]
  listers?: SchedulerListers
}

export interface FilterPlugin {
  name: string
  /** A status other than Success rejects the pod on every node (the FitError's PreFilterMsg). */
  preFilter?(state: CycleState, pod: KubeObject, ctx: PluginContext): void | FilterStatus
  filter(state: CycleState, pod: KubeObject, node: NodeInfo): FilterStatus
}

export interface ScorePlugin {
  name: string
  weight: number
  /** Returning SKIP (upstream's framework.Skip) leaves the plugin out of this cycle's scoring. */
  preScore?(state: CycleState, pod: KubeObject, nodes: NodeInfo[], ctx: PluginContext): void | typeof SKIP
  score(state: CycleState, pod: KubeObject, node: NodeInfo): number
  /** Scale raw scores (one per feasible node, in order) to 0..100 in place. */
  normalize?(scores: Float64Array, state: CycleState, nodes: NodeInfo[]): void
}

export const MAX_NODE_SCORE = 100
export const SKIP = 'Skip' as const

/** DefaultNormalizeScore: the highest raw score maps to 100 (or, reversed, to 0). */
export function defaultNormalize(scores: Float64Array, reverse: boolean): void {
  let max = 0
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i]!)
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE)
    return
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.floor((MAX_NODE_SCORE * scores[i]!) / max)
    scores[i] = reverse ? MAX_NODE_SCORE - s : s
  }
}
