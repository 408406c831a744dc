/**
 * Plays a parsed script against a cluster: each command's output goes out as soon as it is
 * produced, `sleep` advances the simulated clock, `set -e` stops at the first failure.
 */

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

export function runScript(cluster: Cluster, commands: ScriptCommand[], io: ScriptIO, runner?: CommandRunner): number {
  let errexit = false
  for (const cmd of commands) {
    const [verb, ...rest] = cmd.words
    let status = 0
    switch (verb) {
      case 'kubectl': {
        const r = runner ? runner.kubectl(cmd) : cluster.kubectl(cmd.words.slice(1), { stdin: cmd.stdin, readFile: io.readFile })
        if (r.stdout) io.stdout(r.stdout)
        if (r.stderr) io.stderr(r.stderr)
        status = r.exitCode
        break
      }
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
        if (rest[0] === '-e') errexit = true
        else if (rest[0] === '+e') errexit = false
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
    if (status !== 0 && errexit) return 1
  }
  return 0
}
