/**
 * The preStop lifecycle hook (pkg/kubelet/lifecycle/handlers.go and killContainer's
 * executePreStopHook): before a container gets SIGTERM its preStop handler runs (exec in the
 * container, an HTTP GET to the pod, or a sleep), for at most the grace period; a failed
 * handler is a FailedPreStopHook event. SIGTERM follows with what is left of the grace
 * period, never less than 2 s (minimumGracePeriodInSeconds).
 */

import type { KubeObject } from '../api/types'
import type { TimerHandle } from '../sim/clock'
import type { Kubelet } from './kubelet'
import type { ContainerRuntime } from './runtime/runtime'
import { fieldPath, type Slot } from './slots'

/** minimumGracePeriodInSeconds: what SIGTERM always gets, however long the hook took. */
export const MINIMUM_GRACE_PERIOD_MS = 2_000

export interface LifecycleHandler {
  exec?: { command?: string[] }
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string }
  tcpSocket?: { port: number | string }
  sleep?: { seconds: number }
}

/** What the pod worker lends the hook runner. */
export interface HookHost {
  pod: KubeObject
  runtime: ContainerRuntime
  podIP?: string
  random: { string(n: number, alphabet: string): string }
  now(): number
  after(ms: number, fn: () => void): TimerHandle
  cancel(h: TimerHandle): void
  event(type: 'Normal' | 'Warning', reason: string, message: string, fieldPath: string): void
}

/** The hook host of one pod worker: its timers stop mattering once the worker is done. */
export function workerHookHost(k: Kubelet, pod: KubeObject, podIP: string | undefined, workerDone: () => boolean): HookHost {
  return {
    pod,
    runtime: k.runtime,
    podIP,
    random: k.random,
    now: () => k.now(),
    after: (ms, fn) => k.clock.after(ms, () => !workerDone() && fn()),
    cancel: (h) => k.clock.cancel(h),
    event: (type, reason, message, path) => k.event(pod, type, reason, message, path),
  }
}

export function preStopHandler(s: Slot): LifecycleHandler | undefined {
  return (s.c as { lifecycle?: { preStop?: LifecycleHandler } }).lifecycle?.preStop
}

/** format.Pod: "name_namespace(uid)". */
function podText(pod: KubeObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`
}

function resolvePort(port: number | string, s: Slot): number | undefined {
  if (typeof port === 'number') return port
  if (/^\d+$/.test(port)) return Number(port)
  return ((s.c.ports ?? []) as { name?: string; containerPort?: number }[]).find((p) => p.name === port)?.containerPort
}

/**
 * Runs the handler; `done` gets the whole seconds it took (upstream's int64 seconds), when it
 * finishes or when the grace period runs out, whichever comes first.
 */
export function runPreStopHook(h: HookHost, s: Slot, handler: LifecycleHandler, graceMs: number, done: (elapsedSeconds: number) => void): void {
  const start = h.now()
  let finished = false
  let guard: TimerHandle | undefined
  const finish = () => {
    if (finished) return
    finished = true
    if (guard !== undefined) h.cancel(guard)
    done(Math.floor((h.now() - start) / 1000))
  }
  const fail = (message: string) => h.event('Warning', 'FailedPreStopHook', message, fieldPath(s))
  const id = s.cs.containerID
  if (handler.exec) {
    const argv = handler.exec.command ?? []
    const what = `Exec lifecycle hook ([${argv.join(' ')}]) for Container ${JSON.stringify(s.c.name)} in Pod ${JSON.stringify(podText(h.pod))} failed - error: `
    let output = ''
    const io = { out: (t: string) => (output += t), err: (t: string) => (output += t) }
    const proc = argv.length ? h.runtime.exec(id, argv, io, (code) => {
      // ExecSync's error for a non-zero exit; the hook's output is stdout then stderr.
      if (code !== 0) fail(`${what}command '${argv.join(' ')}' exited with ${code}: , message: ${JSON.stringify(output)}`)
      finish()
    }) : undefined
    if (proc && 'startError' in proc) {
      const execID = h.random.string(64, '0123456789abcdef')
      const cause = proc.startError.includes('/') ? `stat ${proc.startError}: no such file or directory` : 'executable file not found in $PATH'
      fail(`${what}rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${execID}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${proc.startError}": ${cause}: unknown, message: ""`)
      return finish()
    }
    if (!proc) return finish()
    guard = h.after(graceMs, () => {
      // The grace period is over: the kubelet stops waiting (the hook dies with the container).
      proc.kill()
      finish()
    })
    return
  }
  if (handler.httpGet) {
    const g = handler.httpGet
    const port = resolvePort(g.port, s)
    const host = g.host || h.podIP || ''
    let path = g.path ?? '/'
    if (!path.startsWith('/')) path = `/${path}`
    // Only a failed connection fails the hook; any HTTP status is an answer.
    if (port === undefined || !h.runtime.httpAnswer(h.pod.metadata.uid!, port, path)) {
      const url = `${(g.scheme ?? 'HTTP').toLowerCase()}://${host}:${port ?? g.port}${path}`
      fail(`HTTP lifecycle hook (${g.path ?? ''}) for Container ${JSON.stringify(s.c.name)} in Pod ${JSON.stringify(podText(h.pod))} failed - error: Get ${JSON.stringify(url)}: dial tcp ${host}:${port ?? g.port}: connect: connection refused`)
    }
    return finish()
  }
  if (handler.sleep) {
    guard = h.after(Math.min(handler.sleep.seconds * 1000, graceMs), finish)
    return
  }
  finish()
}
