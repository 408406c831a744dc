/**
 * A controller's work queue (client-go workqueue): keys, de-duplicated while waiting, never
 * processed twice at once, with delayed and rate-limited re-adds. Processing happens on the
 * simulated clock, a little after the event that enqueued it, as a real controller's
 * worker goroutine would pick it up.
 */

import type { Clock, TimerHandle } from '../sim/clock'

/** client-go's default per-item exponential back-off: 5 ms doubling to 1000 s. */
export const RATE_LIMIT_BASE_MS = 5
export const RATE_LIMIT_MAX_MS = 1_000_000

export class WorkQueue {
  private queue: string[] = []
  private dirty = new Set<string>()
  private failures = new Map<string, number>()
  private delayed = new Map<string, TimerHandle>()
  private scheduled = false
  private processing = false

  constructor(
    private readonly clock: Clock,
    private readonly sync: (key: string) => void | Error | undefined,
    /** Simulated time between an enqueue and the worker picking it up. */
    private readonly latencyMs = 1,
  ) {}

  add(key: string): void {
    if (this.dirty.has(key)) return
    this.dirty.add(key)
    this.queue.push(key)
    this.schedule()
  }

  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key)
    const existing = this.delayed.get(key)
    if (existing) this.clock.cancel(existing)
    this.delayed.set(
      key,
      this.clock.after(delayMs, () => {
        this.delayed.delete(key)
        this.add(key)
      }),
    )
  }

  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0
    this.failures.set(key, n + 1)
    this.addAfter(key, Math.min(RATE_LIMIT_BASE_MS * 2 ** n, RATE_LIMIT_MAX_MS))
  }

  forget(key: string): void {
    this.failures.delete(key)
  }

  len(): number {
    return this.queue.length
  }

  private schedule(): void {
    if (this.scheduled || this.processing) return
    this.scheduled = true
    this.clock.after(this.latencyMs, () => this.drain())
  }

  private drain(): void {
    this.scheduled = false
    this.processing = true
    try {
      // Keys added while draining wait for the next round, as a busy worker would make them.
      const batch = this.queue
      this.queue = []
      for (const key of batch) {
        this.dirty.delete(key)
        let err: unknown
        try {
          err = this.sync(key)
        } catch (e) {
          err = e
        }
        if (err) this.addRateLimited(key)
        else this.forget(key)
      }
    } finally {
      this.processing = false
      if (this.queue.length) this.schedule()
    }
  }
}
