/**
 * The containers of one pod as its worker tracks them: init containers, sidecars
 * (restartable init containers) and app containers, each with its runtime state.
 */

import type { ContainerRuntimeState } from './status'
import type { ContainerSpec } from './runtime/program'
import type { ContainerProbes, ProbedContainer } from './probes/prober'

export type FullSpec = ContainerSpec & ProbedContainer & { imagePullPolicy?: string; restartPolicy?: string; ports?: { name?: string; containerPort?: number }[] }

export interface PodSpec {
  containers: FullSpec[]
  initContainers?: FullSpec[]
  restartPolicy?: string
  terminationGracePeriodSeconds?: number
}

/** One container of the pod: an init container, a sidecar (restartable init) or an app one. */
export interface Slot {
  c: FullSpec
  cs: ContainerRuntimeState
  kind: 'init' | 'sidecar' | 'app'
  index: number
  probes?: ContainerProbes
  /** The readiness probe's last verdict (sim pod ready/unready can override it). */
  probeReady: boolean
}

export function fieldPath(s: Slot): string {
  return s.kind === 'app' ? `spec.containers{${s.c.name}}` : `spec.initContainers{${s.c.name}}`
}
