/**
 * Pod status as the kubelet's status manager writes it (generateAPIPodStatus): phase,
 * conditions, container statuses, IPs, from the node's runtime state of the pod.
 */

import type { KubeObject } from '../api/types'
import { rfc3339 } from '../machinery/time'

export interface ContainerRuntimeState {
  name: string
  image: string
  imageID: string
  containerID: string
  state: 'waiting' | 'running' | 'terminated'
  waitingReason?: string
  waitingMessage?: string
  startedAt?: number
  finishedAt?: number
  exitCode?: number
  terminatedReason?: string
  restartCount: number
  lastTerminated?: { exitCode: number; reason: string; startedAt: number; finishedAt: number; containerID: string }
  ready: boolean
  started: boolean
  /** A sidecar (init container with restartPolicy Always); not part of the written status. */
  restartable?: boolean
}

export interface PodRuntimeState {
  uid: string
  sandboxReady: boolean
  podIP?: string
  startTime?: number
  containers: ContainerRuntimeState[]
  initContainers: ContainerRuntimeState[]
  /** All init containers have completed (sidecars: started) once; it stays true after. */
  initialized: boolean
  /** Transition times of conditions, kept so they only move when the status changes. */
  conditionTimes: Record<string, { status: string; at: number }>
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed'
}

function containerStatus(c: ContainerRuntimeState): Record<string, unknown> {
  let state: Record<string, unknown>
  if (c.state === 'running') state = { running: { startedAt: rfc3339(c.startedAt!) } }
  else if (c.state === 'terminated')
    state = {
      terminated: {
        containerID: c.containerID,
        exitCode: c.exitCode ?? 0,
        finishedAt: rfc3339(c.finishedAt!),
        reason: c.terminatedReason ?? (c.exitCode ? 'Error' : 'Completed'),
        startedAt: rfc3339(c.startedAt ?? c.finishedAt!),
      },
    }
  else state = { waiting: { reason: c.waitingReason ?? 'ContainerCreating', ...(c.waitingMessage ? { message: c.waitingMessage } : {}) } }
  const lastState = c.lastTerminated
    ? {
        terminated: {
          containerID: c.lastTerminated.containerID,
          exitCode: c.lastTerminated.exitCode,
          finishedAt: rfc3339(c.lastTerminated.finishedAt),
          reason: c.lastTerminated.reason,
          startedAt: rfc3339(c.lastTerminated.startedAt),
        },
      }
    : {}
  const out: Record<string, unknown> = {
    containerID: c.containerID || undefined,
    image: c.image,
    imageID: c.imageID,
    lastState,
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    state,
  }
  if (!c.containerID) delete out.containerID
  return out
}

function condition(rt: PodRuntimeState, type: string, status: boolean, now: number, reason?: string, message?: string): Record<string, unknown> {
  const s = status ? 'True' : 'False'
  const prev = rt.conditionTimes[type]
  if (!prev || prev.status !== s) rt.conditionTimes[type] = { status: s, at: now }
  const c: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: rfc3339(rt.conditionTimes[type]!.at), status: s, type }
  if (reason) c.reason = reason
  if (message) c.message = message
  return c
}

export function buildPodStatus(pod: KubeObject, rt: PodRuntimeState, hostIP: string, now: number): Record<string, unknown> {
  const old = (pod.status ?? {}) as Record<string, unknown>
  // Sidecars count for readiness, listed before the app containers (GenerateContainersReadyCondition).
  const notReady = [...rt.initContainers.filter((c) => c.restartable), ...rt.containers].filter((c) => !c.ready).map((c) => c.name)
  const allReady = notReady.length === 0 && rt.containers.length > 0
  const incomplete = rt.initContainers.filter((c) => (c.restartable ? !c.started : !(c.state === 'terminated' && c.exitCode === 0))).map((c) => c.name)
  const terminal = rt.phase === 'Succeeded' || rt.phase === 'Failed'
  const readyMsg = `containers with unready status: [${notReady.join(' ')}]`
  const scheduled = ((old.conditions as Record<string, unknown>[] | undefined) ?? []).find((c) => c.type === 'PodScheduled')
  const conditions = [
    condition(rt, 'PodReadyToStartContainers', rt.sandboxReady && !terminal, now),
    rt.initialized ? condition(rt, 'Initialized', true, now) : condition(rt, 'Initialized', false, now, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
    terminal
      ? condition(rt, 'Ready', false, now, 'PodCompleted')
      : allReady
        ? condition(rt, 'Ready', true, now)
        : condition(rt, 'Ready', false, now, 'ContainersNotReady', readyMsg),
    terminal
      ? condition(rt, 'ContainersReady', false, now, 'PodCompleted')
      : allReady
        ? condition(rt, 'ContainersReady', true, now)
        : condition(rt, 'ContainersReady', false, now, 'ContainersNotReady', readyMsg),
    scheduled ?? { lastProbeTime: null, lastTransitionTime: rfc3339(now), status: 'True', type: 'PodScheduled' },
  ]
  const status: Record<string, unknown> = {
    conditions,
    containerStatuses: rt.containers.map(containerStatus),
    initContainerStatuses: rt.initContainers.length ? rt.initContainers.map(containerStatus) : undefined,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase: rt.phase,
    qosClass: old.qosClass,
    startTime: rt.startTime !== undefined ? rfc3339(rt.startTime) : undefined,
  }
  if (rt.podIP) {
    status.podIP = rt.podIP
    status.podIPs = [{ ip: rt.podIP }]
  }
  for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k]
  return status
}
