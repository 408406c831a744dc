/**
 * Taints and tolerations as the API types define their matching (k8s.io/api core/v1
 * toleration.go ToleratesTaint): the scheduler, the DaemonSet controller and taint-based
 * eviction all decide with this one function.
 */

import type { KubeObject } from './types'

export interface Taint {
  key: string
  value?: string
  effect: string
  timeAdded?: string
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  if ((t.operator ?? 'Equal') === 'Exists') return true
  return (t.value ?? '') === (taint.value ?? '')
}

const NO_TAINTS: Taint[] = []

export function nodeTaints(node: { spec?: unknown } | KubeObject): Taint[] {
  return (node.spec as { taints?: Taint[] } | undefined)?.taints ?? NO_TAINTS
}
