import type { KubeObject } from '../../../api/types'

/** Taint and toleration matching (k8s.io/api core/v1 toleration.go ToleratesTaint). */

export interface Taint {
  key: string
  value?: string
  effect: string
}

export interface Toleration {
  key?: string
  operator?: string
  value?: string
  effect?: string
  tolerationSeconds?: number
}

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  if ((t.operator ?? 'Equal') === 'Exists') return true
  return (t.value ?? '') === (taint.value ?? '')
}

const NO_TAINTS: Taint[] = []

export function nodeTaints(node: { spec?: unknown } | KubeObject): Taint[] {
  return (node.spec as { taints?: Taint[] } | undefined)?.taints ?? NO_TAINTS
}

/** "{key: value}" as the scheduler prints an untolerated taint. */
export function formatTaint(t: Taint): string {
  return `{${t.key}: ${t.value ?? ''}}`
}
