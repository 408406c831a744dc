/**
 * The probe workers of one container instance (pkg/kubelet/prober worker.go): the startup
 * probe gates the others; liveness and startup failures past failureThreshold kill the
 * container; readiness results set its ready flag. Each failed attempt records the kubelet's
 * `<Type> probe failed: <output>` Unhealthy event.
 */

import type { ProbeResult, ProbeSpec } from './checks'

export type ProbeType = 'Startup' | 'Liveness' | 'Readiness'

export interface ProbedContainer {
  name: string
  startupProbe?: ProbeSpec
  livenessProbe?: ProbeSpec
  readinessProbe?: ProbeSpec
}

/** What the pod worker lends the probes: timers, the check, and what results change. */
export interface ProbeHost {
  after(ms: number, fn: () => void): void
  check(p: ProbeSpec): ProbeResult
  unhealthy(message: string): void
  /** The container counts as started (startup probe passed, or none). */
  started(): void
  ready(ready: boolean): void
  /** Liveness or startup failure: the container is killed and restarted. */
  kill(type: ProbeType): void
}

/** Upstream's defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe). */
const PERIOD_SECONDS = 10
const FAILURE_THRESHOLD = 3
const SUCCESS_THRESHOLD = 1

export class ContainerProbes {
  private stopped = false

  constructor(
    private readonly host: ProbeHost,
    private readonly c: ProbedContainer,
  ) {}

  start(): void {
    if (this.c.startupProbe) this.loop('Startup', this.c.startupProbe)
    else this.afterStartup()
  }

  stop(): void {
    this.stopped = true
  }

  private afterStartup(): void {
    this.host.started()
    if (this.c.livenessProbe) this.loop('Liveness', this.c.livenessProbe)
    if (this.c.readinessProbe) this.loop('Readiness', this.c.readinessProbe)
    else this.host.ready(true)
  }

  private loop(type: ProbeType, p: ProbeSpec): void {
    const periodMs = (p.periodSeconds ?? PERIOD_SECONDS) * 1000
    const failureThreshold = p.failureThreshold ?? FAILURE_THRESHOLD
    const successThreshold = p.successThreshold ?? SUCCESS_THRESHOLD
    let successes = 0
    let failures = 0
    const tick = () => {
      if (this.stopped) return
      const r = this.host.check(p)
      if (r.ok) {
        failures = 0
        successes++
        if (successes >= successThreshold) {
          if (type === 'Startup') return this.afterStartup()
          if (type === 'Readiness') this.host.ready(true)
        }
      } else {
        successes = 0
        failures++
        this.host.unhealthy(`${type} probe failed: ${r.output}`)
        if (failures >= failureThreshold) {
          if (type === 'Readiness') this.host.ready(false)
          else {
            this.stopped = true
            return this.host.kill(type)
          }
        }
      }
      this.host.after(periodMs, tick)
    }
    // The worker's first probe comes once initialDelaySeconds have passed since the start.
    this.host.after((p.initialDelaySeconds ?? 0) * 1000 + 1000, tick)
  }
}
