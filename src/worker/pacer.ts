/**
 * Turns wall time into simulated time: each tick advances the cluster by the wall time that
 * passed times the speed. Paused stops it; a long gap (a throttled background tab, a slow
 * tick) is capped so the simulation never leaps minutes ahead in one step.
 */

import type { ClockState, Speed } from '../protocol/messages'

/** The longest wall gap one tick accounts for. */
export const MAX_WALL_STEP_MS = 1000

export class Pacer {
  speed: Speed = 1
  paused = false
  private lastWall: number | undefined
  /** Sub-millisecond remainder carried to the next tick, so speeds stay exact on average. */
  private carry = 0

  /** Simulated whole milliseconds to advance now, given the wall clock (ms, monotonic). */
  step(wallNow: number): number {
    const last = this.lastWall
    this.lastWall = wallNow
    if (this.paused || last === undefined) return 0
    const wall = Math.min(Math.max(wallNow - last, 0), MAX_WALL_STEP_MS)
    const exact = wall * this.speed + this.carry
    const whole = Math.floor(exact)
    this.carry = exact - whole
    return whole
  }

  pause(): void {
    this.paused = true
  }

  /** Resume; the time spent paused is not simulated. */
  play(): void {
    if (!this.paused) return
    this.paused = false
    this.lastWall = undefined
    this.carry = 0
  }

  state(now: number): ClockState {
    return { now, speed: this.speed, paused: this.paused }
  }
}
