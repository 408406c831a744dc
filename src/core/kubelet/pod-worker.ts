/**
 * One pod on one node (the kubelet's pod worker): sandbox, image pulls, init containers in
 * order (sidecars stay up), app container starts, probes, exits and restarts with crash
 * back-off, graceful termination (sidecars last). Each step is a timer on the
 * simulated clock and ends in a status write through the API, with the kubelet's events.
 */

import type { KubeObject } from '../api/types'
import type { Kubelet } from './kubelet'
import { ContainerConfigError } from './runtime/env'
import { MountError } from './runtime/volumes'
import type { ContainerRuntimeState, PodRuntimeState } from './status'
import type { TimerHandle } from '../sim/clock'
import { ContainerProbes, type ProbeType } from './probes/prober'
import { runProbe } from './probes/checks'
import { ensureImage } from './image-pull'
import { fieldPath, type FullSpec, type PodSpec, type Slot } from './slots'
import { MINIMUM_GRACE_PERIOD_MS, preStopHandler, runPreStopHook, workerHookHost } from './lifecycle-hooks'

/** Crash back-off: 10 s doubling to 300 s, forgotten after 10 minutes of running. */
export const CRASH_BACKOFF_INITIAL_MS = 10_000
export const CRASH_BACKOFF_MAX_MS = 300_000
export const CRASH_BACKOFF_RESET_MS = 2 * CRASH_BACKOFF_MAX_MS
/** Time to create the pod sandbox (pause container, CNI network) before containers start. */
export const SANDBOX_SETUP_MS = 800
/** The pod worker's retry after a sync error such as CreateContainerConfigError (backOffPeriod). */
export const POD_WORKER_BACKOFF_MS = 10_000
/** Volume mount retries: 500 ms doubling to 2m2s (exponentialbackoff in the operation executor). */
const MOUNT_RETRY_INITIAL_MS = 500
const MOUNT_RETRY_MAX_MS = 122_000

export class PodWorker {
  readonly rt: PodRuntimeState
  private slots: Slot[]
  private programs = new Map<string, { stopAfterMs?: number; hooked?: boolean }>()
  private timers = new Set<TimerHandle>()
  private backoffUntil = new Map<string, number>()
  private backoffDelay = new Map<string, number>()
  /** Init containers launched so far (a sidecar's restart must not start the next one again). */
  private launched = new Set<string>()
  /** `sim pod ready|unready`: a forced readiness verdict for all the pod's containers. */
  private forcedReady?: boolean
  terminating = false
  done = false
  /** The app containers have finished for good: the sidecars are being stopped. */
  private finishing = false

  constructor(
    private readonly kubelet: Kubelet,
    public pod: KubeObject,
  ) {
    const spec = pod.spec as PodSpec
    const inits = spec.initContainers ?? []
    // Upstream's default waiting reason is PodInitializing for every container of a pod with init containers.
    const waiting = inits.length ? 'PodInitializing' : 'ContainerCreating'
    const state = (c: FullSpec, restartable?: boolean): ContainerRuntimeState => ({
      name: c.name,
      image: c.image ?? '',
      imageID: '',
      containerID: '',
      state: 'waiting',
      waitingReason: waiting,
      restartCount: 0,
      ready: false,
      started: false,
      ...(restartable ? { restartable } : {}),
    })
    this.slots = [
      ...inits.map((c, index): Slot => ({ c, cs: state(c, c.restartPolicy === 'Always'), kind: c.restartPolicy === 'Always' ? 'sidecar' : 'init', index, probeReady: false })),
      ...spec.containers.map((c, index): Slot => ({ c, cs: state(c), kind: 'app', index, probeReady: false })),
    ]
    this.rt = {
      uid: pod.metadata.uid!,
      sandboxReady: false,
      startTime: kubelet.now(),
      phase: 'Pending',
      conditionTimes: {},
      initialized: inits.length === 0,
      initContainers: this.slots.filter((s) => s.kind !== 'app').map((s) => s.cs),
      containers: this.slots.filter((s) => s.kind === 'app').map((s) => s.cs),
    }
  }

  private get spec(): PodSpec {
    return this.pod.spec as PodSpec
  }

  private after(ms: number, fn: () => void): void {
    const h = this.kubelet.clock.after(ms, () => {
      this.timers.delete(h)
      if (!this.done) fn()
    })
    this.timers.add(h)
  }

  start(): void {
    this.kubelet.writeStatus(this)
    this.mountVolumes(MOUNT_RETRY_INITIAL_MS)
  }

  /** Volumes are set up before the sandbox; a missing ConfigMap or Secret keeps the pod waiting. */
  private mountVolumes(retryMs: number): void {
    try {
      this.kubelet.runtime.createSandbox(this.pod)
    } catch (e) {
      if (!(e instanceof MountError)) throw e
      this.kubelet.event(this.pod, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${e.volume}" : ${e.message}`)
      this.after(retryMs, () => this.mountVolumes(Math.min(retryMs * 2, MOUNT_RETRY_MAX_MS)))
      return
    }
    this.after(SANDBOX_SETUP_MS, () => {
      this.rt.sandboxReady = true
      // Host-network pods share the node's address; the others get one from the node's podCIDR.
      this.rt.podIP = (this.pod.spec as { hostNetwork?: boolean }).hostNetwork ? this.kubelet.shape.internalIP : this.kubelet.allocatePodIP(this.rt.uid)
      this.kubelet.runtime.setPodIP(this.rt.uid, this.rt.podIP)
      this.startInit(0)
    })
  }

  /**
   * Init containers run one at a time, in order; a regular one must exit 0 before the next
   * starts, a sidecar must have started (startup probe passed). Then the app containers.
   */
  private startInit(k: number): void {
    if (this.terminating) return
    const inits = this.slots.filter((s) => s.kind !== 'app')
    const s = inits[k]
    if (!s) {
      this.rt.initialized = true
      this.refreshPhase()
      this.kubelet.writeStatus(this)
      return this.startContainersFrom(0)
    }
    if (this.launched.has(s.c.name)) return
    this.launched.add(s.c.name)
    this.ensureImage(s, () => this.runContainer(s))
  }

  /** App containers start one after another, each after its image is present. */
  private startContainersFrom(i: number): void {
    if (this.terminating) return
    const s = this.slots.find((x) => x.kind === 'app' && x.index === i)
    if (!s) return
    this.ensureImage(s, () => {
      this.runContainer(s)
      this.startContainersFrom(i + 1)
    })
  }

  private ensureImage(s: Slot, then: () => void): void {
    ensureImage(
      {
        kubelet: this.kubelet,
        pod: () => this.pod,
        stopped: () => this.done || this.terminating,
        after: (ms, f) => this.after(ms, f),
        setWaiting: (reason, message) => this.setWaiting(s, reason, message),
        writeStatus: () => this.kubelet.writeStatus(this),
        nextBackoff: (key) => this.nextBackoff(key),
      },
      s,
      then,
    )
  }

  private nextBackoff(key: string): number {
    const prev = this.backoffDelay.get(key)
    const next = prev === undefined ? CRASH_BACKOFF_INITIAL_MS : Math.min(prev * 2, CRASH_BACKOFF_MAX_MS)
    this.backoffDelay.set(key, next)
    return next
  }

  private setWaiting(s: Slot, reason: string, message?: string): void {
    const cs = s.cs
    cs.state = 'waiting'
    cs.waitingReason = reason
    cs.waitingMessage = message
    cs.ready = false
  }

  private runContainer(s: Slot): void {
    if (this.terminating) return
    const { c, cs } = s
    const path = fieldPath(s)
    let env: Record<string, string>
    try {
      env = this.kubelet.runtime.environment(this.pod, c)
    } catch (e) {
      if (!(e instanceof ContainerConfigError)) throw e
      this.setWaiting(s, 'CreateContainerConfigError', e.message)
      this.kubelet.event(this.pod, 'Warning', 'Failed', `Error: ${e.message}`, path)
      this.kubelet.writeStatus(this)
      this.after(POD_WORKER_BACKOFF_MS, () => this.ensureImage(s, () => this.runContainer(s)))
      return
    }
    cs.containerID = `containerd://${this.kubelet.random.string(64, '0123456789abcdef')}`
    cs.imageID = this.kubelet.images.imageID(c.image ?? '')
    this.kubelet.event(this.pod, 'Normal', 'Created', `Created container ${c.name}`, path)
    const id = cs.containerID
    const hooked = this.kubelet.program(this.pod, c)
    const started = hooked
      ? { stopAfterMs: hooked.stopAfterMs }
      : this.kubelet.runtime.start(this.pod, c, id, env, (code) => {
          if (cs.containerID === id && cs.state === 'running') this.containerExited(s, code)
        })
    if ('startError' in started && started.startError) {
      // runc could not exec the command: the container never ran (StartError, exit 128).
      this.kubelet.event(this.pod, 'Warning', 'Failed', `Error: ${started.startError}`, path)
      cs.startedAt = undefined
      this.containerExited(s, 128, 'StartError')
      return
    }
    this.kubelet.event(this.pod, 'Normal', 'Started', `Started container ${c.name}`, path)
    cs.state = 'running'
    cs.waitingReason = undefined
    cs.waitingMessage = undefined
    cs.startedAt = this.kubelet.now()
    cs.started = false
    s.probeReady = false
    this.programs.set(c.name, { stopAfterMs: started.stopAfterMs, hooked: !!hooked })
    for (const l of hooked?.logs ?? []) this.after(l.atMs, () => this.kubelet.runtime.logs.write(id, 'stdout', `${l.line}\n`, this.kubelet.now()))
    this.refreshPhase()
    this.startProbes(s, id)
    this.kubelet.writeStatus(this)
    if (hooked?.exitAfterMs !== undefined) {
      this.after(hooked.exitAfterMs, () => this.containerExited(s, hooked.exitCode ?? 0, hooked.reason))
    }
  }

  /** The container's probe workers; without a startup probe it counts as started at once. */
  private startProbes(s: Slot, id: string): void {
    const { cs } = s
    const current = () => cs.containerID === id && cs.state === 'running' && !this.terminating
    const probes = new ContainerProbes(
      {
        after: (ms, fn) => this.after(ms, () => current() && fn()),
        check: (p) => runProbe(p, { runtime: this.kubelet.runtime, containerID: id, podUID: this.rt.uid, podIP: this.rt.podIP ?? '', ports: s.c.ports ?? [] }),
        unhealthy: (message) => this.kubelet.event(this.pod, 'Warning', 'Unhealthy', message, fieldPath(s)),
        started: () => {
          cs.started = true
          if (s.c.startupProbe) this.kubelet.writeStatus(this)
          // The next init container waits for a sidecar to have started.
          if (s.kind === 'sidecar') this.startInit(s.index + 1)
        },
        ready: (ready) => this.setReady(s, ready),
        kill: (type) => this.killForProbe(s, type),
      },
      s.c,
    )
    s.probes?.stop()
    s.probes = probes
    if (s.kind === 'init') cs.started = true
    else probes.start()
  }

  private setReady(s: Slot, ready: boolean): void {
    s.probeReady = ready
    const next = s.kind !== 'init' && s.cs.state === 'running' && s.cs.started && (this.forcedReady ?? ready)
    if (next === s.cs.ready) return
    s.cs.ready = next
    this.kubelet.writeStatus(this)
  }

  /** `sim pod ready|unready`: the readiness probe passes or fails from now on. */
  forceReadiness(ready: boolean): void {
    this.forcedReady = ready
    for (const s of this.slots) this.setReady(s, s.probeReady)
  }

  /** A liveness or startup probe failed past its threshold: stop the container, then restart it. */
  private killForProbe(s: Slot, type: ProbeType): void {
    const { c, cs } = s
    const restart = this.restarts(s, 1, true)
    this.kubelet.event(this.pod, 'Normal', 'Killing', `Container ${c.name} failed ${type.toLowerCase()} probe${restart ? ', will be restarted' : ''}`, fieldPath(s))
    const id = cs.containerID
    const graceMs = (this.spec.terminationGracePeriodSeconds ?? 30) * 1000
    const program = this.programs.get(c.name)
    const stop = program?.hooked ? program.stopAfterMs : this.kubelet.runtime.sigterm(id)
    const killed = stop === undefined || stop > graceMs
    this.after(killed ? graceMs : stop, () => {
      if (cs.containerID === id && cs.state === 'running') this.containerExited(s, killed ? 137 : 0, undefined, true)
    })
  }

  /** Whether the container is restarted after exiting with this code. */
  private restarts(s: Slot, exitCode: number, probeKilled = false): boolean {
    const podPolicy = this.spec.restartPolicy ?? 'Always'
    // A container killed for a failed probe is started again unless the pod never restarts (shouldRestartOnFailure).
    if (probeKilled && s.kind === 'app') return podPolicy !== 'Never'
    // Sidecars always restart; a failed init container restarts unless the pod never restarts.
    const policy = s.kind === 'sidecar' ? 'Always' : s.kind === 'init' ? (podPolicy === 'Never' ? 'Never' : 'OnFailure') : podPolicy
    return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)
  }

  private containerExited(s: Slot, exitCode: number, reason?: string, probeKilled = false): void {
    if (this.terminating || (this.finishing && s.kind === 'sidecar')) return
    const { c, cs } = s
    const now = this.kubelet.now()
    s.probes?.stop()
    this.kubelet.runtime.stop(cs.containerID)
    cs.state = 'terminated'
    cs.exitCode = exitCode
    cs.terminatedReason = reason ?? (exitCode === 0 ? 'Completed' : 'Error')
    cs.finishedAt = now
    cs.started = false
    cs.ready = s.kind === 'init' && exitCode === 0
    if (!this.restarts(s, exitCode, probeKilled)) {
      this.refreshPhase()
      this.kubelet.writeStatus(this)
      if (s.kind === 'init' && exitCode === 0) this.startInit(s.index + 1)
      if (s.kind === 'app' && (this.rt.phase === 'Succeeded' || this.rt.phase === 'Failed')) this.stopSidecars()
      return
    }
    const key = `crash:${c.name}`
    // Back-off is forgotten when the container ran long enough.
    if (cs.startedAt !== undefined && now - cs.startedAt > CRASH_BACKOFF_RESET_MS) this.backoffDelay.delete(key)
    // flowcontrol.Backoff as the kubelet uses it: the first exit restarts at once and arms
    // 10 s; each later exit waits the armed delay, and the restart doubles it.
    const first = !this.backoffDelay.has(key)
    const delay = first ? this.nextBackoff(key) : this.backoffDelay.get(key)!
    this.refreshPhase()
    this.kubelet.writeStatus(this)
    const last = () => ({ exitCode, reason: cs.terminatedReason!, startedAt: cs.startedAt ?? now, finishedAt: now, containerID: cs.containerID })
    if (first) {
      this.after(1000, () => {
        cs.lastTerminated = last()
        cs.restartCount++
        this.ensureImage(s, () => this.runContainer(s))
      })
      return
    }
    this.after(1000, () => {
      const who = `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.rt.uid})`
      cs.lastTerminated = last()
      this.setWaiting(s, 'CrashLoopBackOff', `back-off ${delay / 1000}s restarting failed container=${c.name} pod=${who}`)
      this.kubelet.event(this.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${who}`, fieldPath(s))
      this.kubelet.writeStatus(this)
      this.backoffUntil.set(c.name, this.kubelet.now() + delay)
      this.after(delay, () => {
        this.nextBackoff(key)
        cs.restartCount++
        this.ensureImage(s, () => this.runContainer(s))
      })
    })
  }

  /** getPhase: Pending while initializing (Failed if an init container failed for good). */
  private refreshPhase(): void {
    const policy = this.spec.restartPolicy ?? 'Always'
    if (!this.rt.initialized) {
      const failed = this.slots.some((s) => s.kind === 'init' && s.cs.state === 'terminated' && s.cs.exitCode !== 0)
      this.rt.phase = failed && policy === 'Never' ? 'Failed' : 'Pending'
      return
    }
    const cs = this.rt.containers
    if (cs.some((c) => c.state === 'running')) this.rt.phase = 'Running'
    else if (cs.every((c) => c.state === 'terminated')) {
      const restarting = policy === 'Always' || (policy === 'OnFailure' && cs.some((c) => c.exitCode !== 0))
      if (restarting) this.rt.phase = 'Running'
      else this.rt.phase = cs.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed'
    } else if (cs.some((c) => c.startedAt !== undefined || c.restartCount > 0)) this.rt.phase = 'Running'
  }

  /** A pod that has run to completion stops its sidecars (a Job's pod with a log shipper). */
  private stopSidecars(): void {
    this.finishing = true
    const sidecars = this.slots.filter((x) => x.kind === 'sidecar' && x.cs.state === 'running')
    if (!sidecars.length) return
    this.stopGroup(sidecars, (this.spec.terminationGracePeriodSeconds ?? 30) * 1000, () => this.kubelet.writeStatus(this))
  }

  /** killContainer for each running container of the group; `done` once the last has stopped. */
  private stopGroup(group: Slot[], graceMs: number, done: () => void): void {
    const running = group.filter((s) => s.cs.state === 'running')
    let left = running.length
    if (!left) return this.after(0, done)
    for (const s of running) this.killContainer(s, graceMs, () => --left === 0 && done())
  }

  /** Killing event, the preStop hook within the grace period, then SIGTERM with what is left. */
  private killContainer(s: Slot, graceMs: number, stopped: () => void): void {
    const { c, cs } = s
    s.probes?.stop()
    this.kubelet.event(this.pod, 'Normal', 'Killing', `Stopping container ${c.name}`, fieldPath(s))
    const sigterm = (remainingMs: number) => {
      const program = this.programs.get(c.name)
      const stop = program?.hooked ? program.stopAfterMs : this.kubelet.runtime.sigterm(cs.containerID)
      this.after(stop === undefined ? remainingMs : Math.min(stop, remainingMs), () => {
        this.kubelet.runtime.stop(cs.containerID)
        const killed = stop === undefined || stop > remainingMs
        cs.state = 'terminated'
        cs.exitCode = killed ? 137 : 0
        cs.terminatedReason = killed ? 'Error' : 'Completed'
        cs.finishedAt = this.kubelet.now()
        cs.ready = false
        cs.started = false
        stopped()
      })
    }
    const hook = preStopHandler(s)
    if (!hook || graceMs <= 0) return sigterm(graceMs)
    runPreStopHook(workerHookHost(this.kubelet, this.pod, this.rt.podIP, () => this.done), s, hook, graceMs, (seconds) => sigterm(Math.max(graceMs - seconds * 1000, MINIMUM_GRACE_PERIOD_MS)))
  }

  /**
   * Graceful termination: the app (and running init) containers are killed (preStop, then
   * SIGTERM) and waited for, at most the grace period; sidecars are stopped after them, with
   * what is left of the grace period (at least 2 s, MinimumGracePeriodInSeconds). Then the
   * pod is removed.
   */
  terminate(gracePeriodSeconds: number): void {
    if (this.terminating) return
    this.terminating = true
    for (const h of this.timers) this.kubelet.clock.cancel(h)
    this.timers.clear()
    const graceMs = gracePeriodSeconds * 1000
    const start = this.kubelet.now()
    const sidecars = this.slots.filter((s) => s.kind === 'sidecar' && s.cs.state === 'running').reverse()
    const finish = () => {
      for (const cs of [...this.rt.initContainers, ...this.rt.containers]) {
        if (cs.state === 'waiting') {
          cs.state = 'terminated'
          cs.exitCode = 137
          cs.terminatedReason = 'ContainerStatusUnknown'
          cs.finishedAt = this.kubelet.now()
        }
      }
      this.kubelet.writeStatus(this)
      this.done = true
      this.kubelet.podTerminated(this)
    }
    this.stopGroup(this.slots.filter((s) => s.kind !== 'sidecar'), graceMs, () => {
      if (!sidecars.length) return finish()
      this.stopGroup(sidecars, Math.max(graceMs - (this.kubelet.now() - start), 2000), finish)
    })
  }

  stop(): void {
    this.done = true
    for (const s of this.slots) {
      s.probes?.stop()
      if (s.cs.containerID) this.kubelet.runtime.stop(s.cs.containerID)
    }
    for (const h of this.timers) this.kubelet.clock.cancel(h)
    this.timers.clear()
  }

  /** For `sim pod crash`: the container's process exits now. */
  crash(containerName: string | undefined, exitCode: number, reason?: 'OOMKilled'): boolean {
    const s = containerName ? this.slots.find((x) => x.c.name === containerName) : this.slots.find((x) => x.kind === 'app')
    if (!s || s.cs.state !== 'running') return false
    this.containerExited(s, exitCode, reason)
    return true
  }
}
