/**
 * The simulated clock. Every component reads time from here and schedules work on it, so a
 * whole cluster runs deterministically and as fast as the CPU allows. Timers fire in (time,
 * insertion order) order; a timer scheduled while another fires at the same instant runs after it.
 */

/** 2025-01-01T00:00:00Z, where every simulation starts (design/headless.md). */
export const SIMULATION_EPOCH_MS = 1735689600000

export interface TimerHandle {
  readonly id: number
}

interface Timer {
  at: number
  seq: number
  fn: () => void
  cancelled: boolean
}

export class Clock {
  private nowMs: number
  private seq = 0
  private heap: Timer[] = []
  private byId = new Map<number, Timer>()

  constructor(startMs: number = SIMULATION_EPOCH_MS) {
    this.nowMs = startMs
  }

  now(): number {
    return this.nowMs
  }

  /** Run fn after delayMs of simulated time (0 = after everything already due now). */
  after(delayMs: number, fn: () => void): TimerHandle {
    const t: Timer = { at: this.nowMs + Math.max(0, delayMs), seq: this.seq++, fn, cancelled: false }
    this.push(t)
    this.byId.set(t.seq, t)
    return { id: t.seq }
  }

  /** Repeats every periodMs until cancelled; the first run is after one period. */
  every(periodMs: number, fn: () => void): { cancel(): void } {
    let handle: TimerHandle
    let stopped = false
    const tick = () => {
      if (stopped) return
      fn()
      if (!stopped) handle = this.after(periodMs, tick)
    }
    handle = this.after(periodMs, tick)
    return {
      cancel: () => {
        stopped = true
        this.cancel(handle)
      },
    }
  }

  cancel(handle: TimerHandle | undefined): void {
    if (!handle) return
    const t = this.byId.get(handle.id)
    if (t) {
      t.cancelled = true
      this.byId.delete(handle.id)
    }
  }

  /** Time of the next pending timer, or undefined. */
  nextAt(): number | undefined {
    this.dropCancelled()
    return this.heap[0]?.at
  }

  /** Fire every timer due at or before now+ms, then leave the clock at now+ms. */
  advance(ms: number): void {
    this.advanceTo(this.nowMs + Math.max(0, ms))
  }

  advanceTo(targetMs: number): void {
    for (;;) {
      this.dropCancelled()
      const top = this.heap[0]
      if (!top || top.at > targetMs) break
      this.pop()
      this.byId.delete(top.seq)
      if (top.at > this.nowMs) this.nowMs = top.at
      top.fn()
    }
    if (targetMs > this.nowMs) this.nowMs = targetMs
  }

  /** Run what is due now (zero-delay work) without moving time. */
  flush(): void {
    this.advanceTo(this.nowMs)
  }

  pendingTimers(): number {
    return this.byId.size
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop()
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq)
  }

  private push(t: Timer): void {
    const h = this.heap
    h.push(t)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(h[i]!, h[p]!)) break
      ;[h[i], h[p]] = [h[p]!, h[i]!]
      i = p
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap
    const top = h[0]
    const last = h.pop()
    if (h.length > 0 && last) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r
        if (m === i) break
        ;[h[i], h[m]] = [h[m]!, h[i]!]
        i = m
      }
    }
    return top
  }
}
