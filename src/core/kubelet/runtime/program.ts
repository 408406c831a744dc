/**
 * What a container does once started, when a test or the UI decides it instead of the
 * simulated runtime (the kubelet's `program` hook): serve forever, or run and exit with a
 * code, writing fixed log lines. Without the hook, the runtime (runtime.ts) runs the
 * container's command in the simulated shell.
 */

export interface ContainerSpec {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: { containerPort?: number }[]
}

export interface ProgramOutcome {
  /** Undefined: runs until stopped. */
  exitAfterMs?: number
  exitCode?: number
  reason?: 'Completed' | 'Error' | 'OOMKilled'
  /** Lines written to the container's log, with their offsets from start. */
  logs?: { atMs: number; line: string }[]
  /** How long the process takes to stop after SIGTERM; undefined = it ignores SIGTERM. */
  stopAfterMs?: number
}
