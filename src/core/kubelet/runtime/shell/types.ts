/**
 * What the shell and its commands share. A running command is a generator: it yields an
 * Effect when it must wait for simulated time (sleep) or for a file to change (tail -f), and
 * returns its exit status. The process driver resumes it from a clock timer, so a
 * `while true; do ...; sleep 1; done` costs nothing between ticks.
 */

import type { ContainerFS } from '../fs/filesystem'

export type Effect =
  | { kind: 'sleep'; ms: number }
  | { kind: 'watch'; paths: string[] }
  /** `cmd &`: run beside the shell. */
  | { kind: 'spawn'; run: Run }
  /** The `wait` built-in: until the background jobs end (a trapped signal cuts it short). */
  | { kind: 'wait' }

export type Run = Generator<Effect, number, void>

export interface IO {
  /** Standard input, whole (pipes here are run one side after the other). */
  stdin?: string
  /** The same input as a stream: `read` takes it a line at a time. */
  reader?: { data: string; pos: number }
  out(text: string): void
  err(text: string): void
}

/** How a base image's shell words its errors. */
export type ShellFlavour = 'busybox' | 'dash' | 'bash'

/** The container around the shell: its files, clock, identity and what else is installed. */
export interface ShellHost {
  fs: ContainerFS
  now(): number
  hostname: string
  flavour: ShellFlavour
  /** A program that is not a shell built-in: its run, or undefined when it is not installed. */
  external(argv: string[], io: IO, env: Record<string, string>): Run | undefined
}

/** `return N` unwinds to the function call. */
export class ReturnSignal {
  constructor(readonly status: number) {}
}

/** `exit N` unwinds to the shell that runs the script. */
export class ExitSignal {
  constructor(readonly status: number) {}
}

/** A built-in command or busybox applet: a status at once, or a run that may wait. */
export type Builtin = (argv: string[], io: IO, sh: ShellApi) => number | Run

/** What built-ins may use of the shell that runs them. */
export interface ShellApi {
  readonly host: ShellHost
  cwd: string
  name: string
  get(name: string): string | undefined
  set(name: string, value: string): void
  unset(name: string): void
  export(name: string): void
  environment(): Record<string, string>
  resolve(path: string): string
  /** Signal traps: action by signal name (TERM, INT, EXIT...); '' ignores the signal. */
  readonly traps: Map<string, string>
  /** A trapped signal waiting for the current command to end. */
  readonly pendingSignal?: string
  /** Runs one command (built-in or program) as this shell would. */
  runCommand(argv: string[], io: IO): Run
  /** Runs a nested `sh -c` script in a child shell with the given args. */
  runChild(script: string, args: string[], io: IO): Run
}
