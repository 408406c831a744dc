/**
 * Drives a shell run on the simulated clock: runs it until it yields (sleep, or waiting for a
 * file to change), then resumes it from a timer or a file-change notification. Between
 * wake-ups a process costs one pending timer or one watcher, nothing else.
 */

import type { Clock, TimerHandle } from '../../sim/clock'
import { ExitSignal, type Effect, type Run } from './shell/types'

export type Watch = (paths: string[], wake: () => void) => () => void

export class Process {
  private timer?: TimerHandle
  /** When the current sleep ends (undefined while waiting on a file, or not sleeping). */
  wakeAt?: number
  private unwatch?: () => void
  private finished = false
  private children: Process[] = []
  /** Blocked in the `wait` built-in (interruptible, unlike a foreground sleep). */
  waiting = false
  exitCode?: number

  constructor(
    private readonly run: Run,
    private readonly clock: Clock,
    private readonly watch: Watch,
    private readonly onExit: (code: number) => void,
    /** Where an engine fault inside the run is reported (the container's stderr). */
    private readonly report: (message: string) => void = () => {},
  ) {}

  get done(): boolean {
    return this.finished
  }

  start(): void {
    this.step()
  }

  private step(): void {
    this.timer = undefined
    this.wakeAt = undefined
    for (;;) {
      let r: IteratorResult<unknown, number>
      try {
        r = this.run.next()
      } catch (e) {
        if (e instanceof ExitSignal) r = { done: true, value: e.status }
        else {
          // A fault in the simulated program must not stop the cluster's clock: the process dies.
          this.report(`sh: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
          r = { done: true, value: 139 }
        }
      }
      if (r.done) return this.exit(r.value)
      const eff = r.value as Effect
      if (eff.kind === 'spawn') {
        const child = new Process(eff.run, this.clock, this.watch, () => this.childExited())
        this.children.push(child)
        child.start()
        continue
      }
      if (eff.kind === 'wait') {
        this.children = this.children.filter((c) => !c.done)
        if (!this.children.length) continue
        this.waiting = true
        return
      }
      if (eff.kind === 'sleep') {
        if (eff.ms !== Infinity) {
          this.timer = this.clock.after(eff.ms, () => this.step())
          this.wakeAt = this.clock.now() + eff.ms
        }
        return
      }
      // Wake on the next change, after the writer's own step has finished.
      this.unwatch = this.watch(eff.paths, () => {
        this.unwatch?.()
        this.unwatch = undefined
        this.timer = this.clock.after(0, () => this.step())
      })
      return
    }
  }

  private childExited(): void {
    if (this.waiting && this.children.every((c) => c.done)) this.interrupt()
  }

  /** Ends a `wait` now (all jobs done, or a trapped signal arrived). */
  interrupt(): void {
    if (!this.waiting || this.finished) return
    this.waiting = false
    this.timer = this.clock.after(0, () => this.step())
  }

  private exit(code: number): void {
    // The container's PID 1 is gone: the kernel kills what it started.
    for (const c of this.children) c.kill()
    this.finished = true
    this.exitCode = code
    this.onExit(code)
  }

  /** SIGKILL: the run stops where it is. */
  kill(): void {
    if (this.finished) return
    this.finished = true
    this.clock.cancel(this.timer)
    this.unwatch?.()
    for (const c of this.children) c.kill()
    this.run.return(137)
  }
}

/** Runs to the end at once, counting sleeps against a budget instead of the clock (probes). */
export function runWithin(run: Run, budgetMs: number): { exitCode: number; timedOut: boolean } {
  let spent = 0
  for (;;) {
    const r = run.next()
    if (r.done) return { exitCode: r.value, timedOut: false }
    if (r.value.kind === 'spawn' || r.value.kind === 'wait') continue
    spent += r.value.kind === 'sleep' ? r.value.ms : Infinity
    if (spent > budgetMs) {
      run.return(1)
      return { exitCode: 1, timedOut: true }
    }
  }
}
