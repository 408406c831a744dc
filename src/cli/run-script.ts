/**
 * Plays a parsed script against a cluster: each command's output goes out as soon as it is
 * produced, `sleep` advances the simulated clock, `set -e` stops at the first failure.
 */

import { loadAPIDocs } from '../core/api/schema/docs'
import type { Cluster } from '../core/cluster'
import type { KubectlIO } from '../core/kubectl/context'
import { parseDuration } from '../core/machinery/duration'
import type { ScriptCommand } from './script'

export interface ScriptIO {
  stdout(text: string): void
  stderr(text: string): void
  readFile: KubectlIO['readFile']
}

export interface CommandRunner {
  kubectl(cmd: ScriptCommand): { stdout: string; stderr: string; exitCode: number }
}

/** A kubectl that runs outside this thread (the real binary, see --kubectl): it prints as it goes. */
export interface AsyncCommandRunner {
  kubectl(cmd: ScriptCommand, io: ScriptIO): Promise<number>
}

export function runScript(cluster: Cluster, commands: ScriptCommand[], io: ScriptIO, runner?: CommandRunner): number {
  const state = { errexit: false }
  for (const cmd of commands) {
    let status: number
    if (cmd.words[0] === 'kubectl') {
      const r = runner ? runner.kubectl(cmd) : cluster.kubectl(cmd.words.slice(1), { stdin: cmd.stdin, readFile: io.readFile })
      if (r.stdout) io.stdout(r.stdout)
      if (r.stderr) io.stderr(r.stderr)
      status = r.exitCode
    } else status = runBuiltin(cluster, cmd, io, state)
    if (status !== 0 && state.errexit) return 1
  }
  return 0
}

/** The same script rules, with kubectl lines played by an asynchronous runner. */
export async function runScriptAsync(cluster: Cluster, commands: ScriptCommand[], io: ScriptIO, runner: AsyncCommandRunner): Promise<number> {
  const state = { errexit: false }
  // What both kubectls explain from (/openapi/v3) needs the field documentation (ADR 0005).
  if (commands.some((c) => c.words[0] === 'kubectl' && c.words.includes('explain'))) await loadAPIDocs()
  for (const cmd of commands) {
    const status = cmd.words[0] === 'kubectl' ? await runner.kubectl(cmd, io) : runBuiltin(cluster, cmd, io, state)
    if (status !== 0 && state.errexit) return 1
  }
  return 0
}

/** sleep, echo, set and sim: everything but kubectl. */
function runBuiltin(cluster: Cluster, cmd: ScriptCommand, io: ScriptIO, state: { errexit: boolean }): number {
  const [verb, ...rest] = cmd.words
  let status = 0
  switch (verb) {
    case 'sleep': {
      const ms = rest.length === 1 ? parseDuration(rest[0]!) : undefined
      if (ms === undefined) {
        io.stderr(`sleep: invalid time interval '${rest.join(' ')}'\n`)
        status = 1
      } else cluster.advance(ms)
      break
    }
    case 'echo':
      io.stdout(`${rest.join(' ')}\n`)
      break
    case 'set':
      if (rest[0] === '-e') state.errexit = true
      else if (rest[0] === '+e') state.errexit = false
      else {
        io.stderr(`set: ${rest.join(' ')}: only "set -e" and "set +e" are supported\n`)
        status = 1
      }
      break
    case 'sim': {
      const r = cluster.sim(rest)
      if (r.stdout) io.stdout(r.stdout)
      if (r.stderr) io.stderr(r.stderr)
      status = r.exitCode
      break
    }
  }
  return status
}
