/**
 * The scheduling queue (pkg/scheduler/backend/queue): activeQ ordered by priority then
 * arrival, backoffQ (1 s doubling to 10 s per attempt), and unschedulable pods that wait
 * for a cluster event that may help, or at most five minutes.
 */

import type { KubeObject } from '../../api/types'
import type { Clock, TimerHandle } from '../../sim/clock'

export const POD_INITIAL_BACKOFF_MS = 1000
export const POD_MAX_BACKOFF_MS = 10_000
/** podMaxInUnschedulablePodsDuration */
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000

export interface Entry {
  key: string
  pod: KubeObject
  attempts: number
  arrival: number
  seq: number
  unschedulableSince?: number
  backoffTimer?: TimerHandle
}

export class SchedulingQueue {
  private active: Entry[] = []
  private backoff = new Map<string, Entry>()
  private unschedulable = new Map<string, Entry>()
  private known = new Map<string, Entry>()
  private seq = 0

  constructor(
    private readonly clock: Clock,
    private readonly onActive: () => void,
  ) {
    clock.every(30_000, () => this.flushUnschedulableLeftover())
  }

  add(key: string, pod: KubeObject): void {
    const existing = this.known.get(key)
    if (existing) {
      existing.pod = pod
      return
    }
    const e: Entry = { key, pod, attempts: 0, arrival: this.clock.now(), seq: this.seq++ }
    this.known.set(key, e)
    this.pushActive(e)
  }

  update(key: string, pod: KubeObject): void {
    const e = this.known.get(key)
    if (!e) return this.add(key, pod)
    e.pod = pod
    // A changed pod may now fit: retry it (as the queue does on a pod update).
    if (this.unschedulable.delete(key)) this.moveToBackoffOrActive(e)
  }

  delete(key: string): void {
    const e = this.known.get(key)
    if (!e) return
    this.known.delete(key)
    this.active = this.active.filter((x) => x.key !== key)
    if (e.backoffTimer) this.clock.cancel(e.backoffTimer)
    this.backoff.delete(key)
    this.unschedulable.delete(key)
  }

  pop(): Entry | undefined {
    const e = this.active.shift()
    if (e) e.attempts++
    return e
  }

  /** The pod did not fit: park it until something changes. */
  addUnschedulable(e: Entry): void {
    if (!this.known.has(e.key)) return
    e.unschedulableSince = this.clock.now()
    this.unschedulable.set(e.key, e)
  }

  /** Binding failed or similar: retry after back-off. */
  addBackoff(e: Entry): void {
    if (!this.known.has(e.key)) return
    this.moveToBackoffOrActive(e)
  }

  done(key: string): void {
    this.known.delete(key)
  }

  /** A cluster event that may make unschedulable pods fit (node added, pod deleted...). */
  moveAllToActiveOrBackoff(): void {
    if (this.unschedulable.size === 0) return
    for (const e of [...this.unschedulable.values()]) {
      this.unschedulable.delete(e.key)
      this.moveToBackoffOrActive(e)
    }
  }

  pendingCounts(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.active.length, backoff: this.backoff.size, unschedulable: this.unschedulable.size }
  }

  private backoffDuration(e: Entry): number {
    return Math.min(POD_INITIAL_BACKOFF_MS * 2 ** Math.max(0, e.attempts - 1), POD_MAX_BACKOFF_MS)
  }

  private moveToBackoffOrActive(e: Entry): void {
    const until = e.arrival + 0
    void until
    const d = this.backoffDuration(e)
    this.backoff.set(e.key, e)
    e.backoffTimer = this.clock.after(d, () => {
      if (!this.backoff.delete(e.key)) return
      this.pushActive(e)
    })
  }

  private flushUnschedulableLeftover(): void {
    const now = this.clock.now()
    for (const e of [...this.unschedulable.values()]) {
      if (now - (e.unschedulableSince ?? now) >= POD_MAX_IN_UNSCHEDULABLE_MS) {
        this.unschedulable.delete(e.key)
        this.moveToBackoffOrActive(e)
      }
    }
  }

  private pushActive(e: Entry): void {
    const prio = (x: Entry) => (x.pod.spec as { priority?: number }).priority ?? 0
    // Higher priority first, then earlier arrival.
    let i = this.active.length
    while (i > 0) {
      const prev = this.active[i - 1]!
      if (prio(prev) > prio(e) || (prio(prev) === prio(e) && prev.seq <= e.seq)) break
      i--
    }
    this.active.splice(i, 0, e)
    this.onActive()
  }
}

export type QueueEntry = Entry
