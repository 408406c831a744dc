/** The Pod printer (printPod): READY, STATUS, RESTARTS as kubectl-output.md §4 describes. */

import type { KubeObject } from '../../api/types'
import { humanDuration } from '../../machinery/duration'
import { parseTime } from '../../machinery/time'
import { age, col, type Printer } from './table'

interface CState {
  waiting?: { reason?: string }
  running?: { startedAt?: string }
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string }
}
interface CStatus {
  name: string
  ready?: boolean
  started?: boolean
  restartCount?: number
  state?: CState
  lastState?: CState
}

/** The STATUS cell, READY and RESTARTS of a pod, computed as upstream's printPod does. */
export function podDisplay(pod: KubeObject, now: number): { ready: string; status: string; restarts: string } {
  const spec = (pod.spec ?? {}) as { containers?: unknown[]; initContainers?: { name: string; restartPolicy?: string }[] }
  const st = (pod.status ?? {}) as { phase?: string; reason?: string; conditions?: { type: string; status: string; reason?: string }[]; initContainerStatuses?: CStatus[]; containerStatuses?: CStatus[] }
  const sidecars = new Set((spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name))
  let total = (spec.containers ?? []).length + sidecars.size
  let ready = 0
  let restarts = 0
  let lastRestart = 0
  let sidecarRestarts = 0
  let lastSidecarRestart = 0
  let reason = st.reason || st.phase || ''
  const noteRestart = (c: CStatus) => {
    restarts += c.restartCount ?? 0
    const f = parseTime(c.lastState?.terminated?.finishedAt)
    if (f !== undefined && f > lastRestart) lastRestart = f
  }
  if (st.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated'
  const inits = st.initContainerStatuses ?? []
  const nInit = (spec.initContainers ?? []).length
  let initializing = false
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!
    noteRestart(c)
    if (sidecars.has(c.name)) {
      sidecarRestarts += c.restartCount ?? 0
      const f = parseTime(c.lastState?.terminated?.finishedAt)
      if (f !== undefined && f > lastSidecarRestart) lastSidecarRestart = f
    }
    const t = c.state?.terminated
    if (t && t.exitCode === 0) continue
    if (sidecars.has(c.name) && c.started) {
      if (c.ready) ready++
      continue
    }
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`
    else reason = `Init:${i}/${nInit}`
    initializing = true
    break
  }
  const initialized = st.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initialized) {
    // from here only sidecar and app container restarts count, as printPod does
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    const cs = st.containerStatuses ?? []
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!
      restarts += c.restartCount ?? 0
      const f = parseTime(c.lastState?.terminated?.finishedAt)
      if (f !== undefined && f > lastRestart) lastRestart = f
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`
      else if (c.state?.running && c.ready) {
        hasRunning = true
        ready++
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
    }
  }
  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown'
  else if (pod.metadata.deletionTimestamp && st.phase !== 'Succeeded' && st.phase !== 'Failed') reason = 'Terminating'
  if (total === 0) total = 0
  const restartText = restarts !== 0 && lastRestart ? `${restarts} (${humanDuration(now - lastRestart)} ago)` : String(restarts)
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText }
}

/** The STATUS a learner sees (for the UI). */
export function podStatusText(pod: KubeObject, now: number): string {
  return podDisplay(pod, now).status
}

export const podPrinter: Printer = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Ready', 'string'),
    col('Status', 'string'),
    col('Restarts', 'string'),
    col('Age', 'string'),
    col('IP', 'string', 1),
    col('Node', 'string', 1),
    col('Nominated Node', 'string', 1),
    col('Readiness Gates', 'string', 1),
  ],
  row(pod, ctx) {
    const d = podDisplay(pod, ctx.now)
    const st = (pod.status ?? {}) as { podIPs?: { ip: string }[]; nominatedNodeName?: string; conditions?: { type: string; status: string }[] }
    const spec = pod.spec as { nodeName?: string; readinessGates?: { conditionType: string }[] }
    const gates = spec.readinessGates ?? []
    const gatesText = gates.length ? `${gates.filter((g) => st.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}` : '<none>'
    return [pod.metadata.name ?? '', d.ready, d.status, d.restarts, age(pod, ctx.now), st.podIPs?.[0]?.ip ?? '<none>', spec.nodeName || '<none>', st.nominatedNodeName || '<none>', gatesText]
  },
}
