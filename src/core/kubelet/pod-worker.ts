/**
 * One pod on one node (the kubelet's pod worker): sandbox, image pulls, container starts,
 * exits and restarts with crash back-off, graceful termination. Each step is a timer on the
 * simulated clock and ends in a status write through the API, with the kubelet's events.
 */

import type { KubeObject } from '../api/types'
import { defaultPullPolicy } from '../api/defaults/pod'
import type { Kubelet } from './kubelet'
import type { ContainerSpec } from './runtime/program'
import { ContainerConfigError } from './runtime/env'
import { MountError } from './runtime/volumes'
import type { PodRuntimeState } from './status'
import type { TimerHandle } from '../sim/clock'

/** Crash back-off: 10 s doubling to 300 s, forgotten after 10 minutes of running. */
export const CRASH_BACKOFF_INITIAL_MS = 10_000
export const CRASH_BACKOFF_MAX_MS = 300_000
export const CRASH_BACKOFF_RESET_MS = 2 * CRASH_BACKOFF_MAX_MS
/** Time to create the pod sandbox (pause container, CNI network) before containers start. */
export const SANDBOX_SETUP_MS = 800
/** Time to create and start one container once its image is present. */
export const CONTAINER_START_MS = 150
/** The pod worker's retry after a sync error such as CreateContainerConfigError (backOffPeriod). */
export const POD_WORKER_BACKOFF_MS = 10_000
/** Volume mount retries: 500 ms doubling to 2m2s (exponentialbackoff in the operation executor). */
const MOUNT_RETRY_INITIAL_MS = 500
const MOUNT_RETRY_MAX_MS = 122_000

interface PodSpec {
  containers: ContainerSpec[]
  restartPolicy?: string
  terminationGracePeriodSeconds?: number
}

export class PodWorker {
  readonly rt: PodRuntimeState
  private programs = new Map<string, { stopAfterMs?: number; hooked?: boolean }>()
  private timers = new Set<TimerHandle>()
  private backoffUntil = new Map<string, number>()
  private backoffDelay = new Map<string, number>()
  terminating = false
  done = false

  constructor(
    private readonly kubelet: Kubelet,
    public pod: KubeObject,
  ) {
    const spec = pod.spec as PodSpec
    this.rt = {
      uid: pod.metadata.uid!,
      sandboxReady: false,
      startTime: kubelet.now(),
      phase: 'Pending',
      conditionTimes: {},
      containers: spec.containers.map((c) => ({
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        containerID: '',
        state: 'waiting',
        waitingReason: 'ContainerCreating',
        restartCount: 0,
        ready: false,
        started: false,
      })),
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
      this.startContainersFrom(0)
    })
  }

  /** Containers start one after another, each after its image is present. */
  private startContainersFrom(i: number): void {
    if (this.terminating) return
    const c = this.spec.containers[i]
    if (!c) return
    this.ensureImage(c, i, () => {
      this.runContainer(c, i)
      this.startContainersFrom(i + 1)
    })
  }

  private ensureImage(c: ContainerSpec & { imagePullPolicy?: string }, i: number, then: () => void): void {
    const image = c.image ?? ''
    const policy = c.imagePullPolicy ?? defaultPullPolicy(image)
    const fieldPath = `spec.containers{${c.name}}`
    const present = this.kubelet.images.has(image)
    if (present && policy !== 'Always') {
      this.kubelet.event(this.pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, fieldPath)
      return this.after(CONTAINER_START_MS, then)
    }
    if (policy === 'Never') {
      this.setWaiting(i, 'ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`)
      this.kubelet.event(this.pod, 'Warning', 'ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`, fieldPath)
      this.kubelet.writeStatus(this)
      return
    }
    this.kubelet.event(this.pod, 'Normal', 'Pulling', `Pulling image "${image}"`, fieldPath)
    this.kubelet.images.pull(image, present, (result) => {
      if (this.done || this.terminating) return
      if (!result.ok) {
        this.setWaiting(i, 'ErrImagePull', result.message)
        this.kubelet.event(this.pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${result.message}`, fieldPath)
        this.kubelet.event(this.pod, 'Warning', 'Failed', 'Error: ErrImagePull', fieldPath)
        this.kubelet.writeStatus(this)
        const delay = this.nextBackoff(`pull:${c.name}`)
        this.after(1000, () => {
          this.setWaiting(i, 'ImagePullBackOff', `Back-off pulling image "${image}"`)
          this.kubelet.event(this.pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, fieldPath)
          this.kubelet.event(this.pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', fieldPath)
          this.kubelet.writeStatus(this)
        })
        this.after(delay, () => this.ensureImage(c, i, then))
        return
      }
      this.kubelet.event(this.pod, 'Normal', 'Pulled', result.message, fieldPath)
      this.after(CONTAINER_START_MS, then)
    })
  }

  private nextBackoff(key: string): number {
    const prev = this.backoffDelay.get(key)
    const next = prev === undefined ? CRASH_BACKOFF_INITIAL_MS : Math.min(prev * 2, CRASH_BACKOFF_MAX_MS)
    this.backoffDelay.set(key, next)
    return next
  }

  private setWaiting(i: number, reason: string, message?: string): void {
    const cs = this.rt.containers[i]!
    cs.state = 'waiting'
    cs.waitingReason = reason
    cs.waitingMessage = message
    cs.ready = false
  }

  private runContainer(c: ContainerSpec, i: number): void {
    if (this.terminating) return
    const cs = this.rt.containers[i]!
    const fieldPath = `spec.containers{${c.name}}`
    let env: Record<string, string>
    try {
      env = this.kubelet.runtime.environment(this.pod, c)
    } catch (e) {
      if (!(e instanceof ContainerConfigError)) throw e
      this.setWaiting(i, 'CreateContainerConfigError', e.message)
      this.kubelet.event(this.pod, 'Warning', 'Failed', `Error: ${e.message}`, fieldPath)
      this.kubelet.writeStatus(this)
      this.after(POD_WORKER_BACKOFF_MS, () => this.ensureImage(c, i, () => this.runContainer(c, i)))
      return
    }
    cs.containerID = `containerd://${this.kubelet.random.string(64, '0123456789abcdef')}`
    cs.imageID = this.kubelet.images.imageID(c.image ?? '')
    this.kubelet.event(this.pod, 'Normal', 'Created', `Created container ${c.name}`, fieldPath)
    const id = cs.containerID
    const hooked = this.kubelet.program(this.pod, c)
    const started = hooked
      ? { stopAfterMs: hooked.stopAfterMs }
      : this.kubelet.runtime.start(this.pod, c, id, env, (code) => {
          if (cs.containerID === id && cs.state === 'running') this.containerExited(c, i, code)
        })
    if ('startError' in started && started.startError) {
      // runc could not exec the command: the container never ran (StartError, exit 128).
      this.kubelet.event(this.pod, 'Warning', 'Failed', `Error: ${started.startError}`, fieldPath)
      cs.startedAt = undefined
      this.containerExited(c, i, 128, 'StartError')
      return
    }
    this.kubelet.event(this.pod, 'Normal', 'Started', `Started container ${c.name}`, fieldPath)
    const now = this.kubelet.now()
    cs.state = 'running'
    cs.waitingReason = undefined
    cs.waitingMessage = undefined
    cs.startedAt = now
    cs.started = true
    this.programs.set(c.name, { stopAfterMs: started.stopAfterMs, hooked: !!hooked })
    for (const l of hooked?.logs ?? []) this.after(l.atMs, () => this.kubelet.runtime.logs.write(id, 'stdout', `${l.line}\n`, this.kubelet.now()))
    const probe = (c as { readinessProbe?: { initialDelaySeconds?: number } }).readinessProbe
    if (probe) {
      this.after((probe.initialDelaySeconds ?? 0) * 1000 + 1000, () => {
        if (cs.state === 'running' && cs.startedAt === now) {
          cs.ready = true
          this.refreshPhase()
          this.kubelet.writeStatus(this)
        }
      })
    } else cs.ready = true
    this.refreshPhase()
    this.kubelet.writeStatus(this)
    if (hooked?.exitAfterMs !== undefined) {
      this.after(hooked.exitAfterMs, () => this.containerExited(c, i, hooked.exitCode ?? 0, hooked.reason))
    }
  }

  private containerExited(c: ContainerSpec, i: number, exitCode: number, reason?: string): void {
    if (this.terminating) return
    const cs = this.rt.containers[i]!
    const now = this.kubelet.now()
    this.kubelet.runtime.stop(cs.containerID)
    cs.state = 'terminated'
    cs.exitCode = exitCode
    cs.terminatedReason = reason ?? (exitCode === 0 ? 'Completed' : 'Error')
    cs.finishedAt = now
    cs.ready = false
    const policy = this.spec.restartPolicy ?? 'Always'
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)
    if (!restart) {
      this.refreshPhase()
      this.kubelet.writeStatus(this)
      return
    }
    // Back-off is forgotten when the container ran long enough.
    if (cs.startedAt !== undefined && now - cs.startedAt > CRASH_BACKOFF_RESET_MS) this.backoffDelay.delete(`crash:${c.name}`)
    // flowcontrol.Backoff as the kubelet uses it: the first exit restarts at once and arms
    // 10 s; each later exit waits the armed delay, and the restart doubles it.
    const first = !this.backoffDelay.has(`crash:${c.name}`)
    const delay = first ? this.nextBackoff(`crash:${c.name}`) : this.backoffDelay.get(`crash:${c.name}`)!
    this.refreshPhase()
    this.kubelet.writeStatus(this)
    const restartNow = () => {
      cs.lastTerminated = { exitCode, reason: cs.terminatedReason!, startedAt: cs.startedAt ?? now, finishedAt: now, containerID: cs.containerID }
      cs.restartCount++
      this.ensureImage(c, i, () => this.runContainer(c, i))
    }
    if (first) {
      this.after(1000, restartNow)
      return
    }
    this.after(1000, () => {
      const msg = `back-off ${delay / 1000}s restarting failed container=${c.name} pod=${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.rt.uid})`
      cs.lastTerminated = { exitCode, reason: cs.terminatedReason!, startedAt: cs.startedAt ?? now, finishedAt: now, containerID: cs.containerID }
      this.setWaiting(i, 'CrashLoopBackOff', msg)
      this.kubelet.event(this.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.rt.uid})`, `spec.containers{${c.name}}`)
      this.kubelet.writeStatus(this)
      this.backoffUntil.set(c.name, this.kubelet.now() + delay)
      this.after(delay, () => {
        this.nextBackoff(`crash:${c.name}`)
        cs.restartCount++
        this.ensureImage(c, i, () => this.runContainer(c, i))
      })
    })
  }

  private refreshPhase(): void {
    const cs = this.rt.containers
    const policy = this.spec.restartPolicy ?? 'Always'
    if (cs.some((c) => c.state === 'running')) this.rt.phase = 'Running'
    else if (cs.every((c) => c.state === 'terminated')) {
      const restarting = policy === 'Always' || (policy === 'OnFailure' && cs.some((c) => c.exitCode !== 0))
      if (restarting) this.rt.phase = 'Running'
      else this.rt.phase = cs.every((c) => c.exitCode === 0) ? 'Succeeded' : 'Failed'
    } else if (cs.some((c) => c.started || c.restartCount > 0)) this.rt.phase = 'Running'
  }

  /** Graceful termination: SIGTERM, wait for the program or the grace period, then remove. */
  terminate(gracePeriodSeconds: number): void {
    if (this.terminating) return
    this.terminating = true
    for (const h of this.timers) this.kubelet.clock.cancel(h)
    this.timers.clear()
    let longest = 0
    const graceMs = gracePeriodSeconds * 1000
    this.rt.containers.forEach((cs, i) => {
      if (cs.state !== 'running') return
      const c = this.spec.containers[i]!
      this.kubelet.event(this.pod, 'Normal', 'Killing', `Stopping container ${c.name}`, `spec.containers{${c.name}}`)
      const stop = this.programs.get(c.name)?.hooked ? this.programs.get(c.name)!.stopAfterMs : this.kubelet.runtime.sigterm(cs.containerID)
      const at = stop === undefined ? graceMs : Math.min(stop, graceMs)
      longest = Math.max(longest, at)
      this.after(at, () => {
        this.kubelet.runtime.stop(cs.containerID)
        const killed = stop === undefined || stop > graceMs
        cs.state = 'terminated'
        cs.exitCode = killed ? 137 : 0
        cs.terminatedReason = killed ? 'Error' : 'Completed'
        cs.finishedAt = this.kubelet.now()
        cs.ready = false
      })
    })
    this.after(longest, () => {
      this.rt.containers.forEach((cs) => {
        if (cs.state === 'waiting') {
          cs.state = 'terminated'
          cs.exitCode = 137
          cs.terminatedReason = 'ContainerStatusUnknown'
          cs.finishedAt = this.kubelet.now()
        }
      })
      this.kubelet.writeStatus(this)
      this.done = true
      this.kubelet.podTerminated(this)
    })
  }

  stop(): void {
    this.done = true
    for (const cs of this.rt.containers) if (cs.containerID) this.kubelet.runtime.stop(cs.containerID)
    for (const h of this.timers) this.kubelet.clock.cancel(h)
    this.timers.clear()
  }

  /** For `sim pod crash`: the container's process exits now. */
  crash(containerName: string | undefined, exitCode: number, reason?: 'OOMKilled'): boolean {
    const i = containerName ? this.spec.containers.findIndex((c) => c.name === containerName) : 0
    const c = this.spec.containers[i]
    if (!c || this.rt.containers[i]!.state !== 'running') return false
    this.containerExited(c, i, exitCode, reason)
    return true
  }
}
