/**
 * Conformance harness: plays one script twice on fresh engines with the same seed, once with
 * the playground's own kubectl and once with the real kubectl binary talking to the engine
 * over HTTPS (the runner's --kubectl mode), and compares what each kubectl line printed.
 */

import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runScriptAsync, type AsyncCommandRunner, type ScriptIO } from '../../src/cli/run-script'
import { parseScript, type ScriptCommand } from '../../src/cli/script'
import { startBinaryRunner } from '../../src/cli/serve/kubectl-binary'
import { createCluster } from '../../src/core/cluster'

export const REAL_KUBECTL = resolve(process.cwd(), '.cache/kubectl/kubectl')
export const SCRIPTS_DIR = fileURLToPath(new URL('./scripts', import.meta.url))

export interface CommandOutput {
  line: number
  text: string
  stdout: string
  stderr: string
  exitCode: number
}

export function realKubectlAvailable(): boolean {
  return existsSync(REAL_KUBECTL)
}

/** What a masked client-clock duration is replaced with. */
const AGE = '<age>'
/** A duration as kubectl's HumanDuration prints it (10s, 5m30s, 694d, 2y3d...). */
const DURATION = /^(?:\d+[smhdy])+$/

/**
 * The one allowed difference: durations real kubectl computes from its own machine's clock
 * (time.Now()) rather than the server's; the engine's clock starts at 2025-01-01, so these
 * differ by the real date. Every AGE in `get` comes from the server's Table and is compared.
 * Masked, and only these (each a column of a describe table, found by its header):
 * - describe's `Events:` table, column Age (DescribeEvents: translateTimestampSince of the
 *   event's first/last timestamps), in `<age>` and `<age> (xN over <age>)`; the count stays;
 * - describe node's `Non-terminated Pods:` table, column Age (the pods' creation timestamps).
 * The columns after a masked one are re-aligned so their width does not leak the duration.
 */
export function mask(text: string): string {
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!
    const events = /^ {2}Type +Reason +Age +From +Message$/.test(header)
    const pods = /^ {2}Namespace +Name +CPU Requests +CPU Limits +Memory Requests +Memory Limits +Age$/.test(header)
    if (!events && !pods) continue
    const start = header.lastIndexOf(' Age') + 1
    const end = events ? header.indexOf(' From') + 1 : Infinity
    for (let j = i; j < lines.length && lines[j]!.startsWith('  ') && lines[j]!.length >= start; j++) {
      const row = lines[j]!
      const cell = row.slice(start, end).trim()
      const masked = j <= i + 1 ? cell : cell.split(' ').map((w) => (DURATION.test(w.replace(/\)$/, '')) ? w.replace(/^[^)]+/, AGE) : w)).join(' ')
      lines[j] = end === Infinity ? row.slice(0, start) + masked : `${row.slice(0, start)}${masked}  ${row.slice(end)}`
    }
  }
  return lines.join('\n')
}

async function play(source: string, seed: number, makeRunner: (cluster: ReturnType<typeof createCluster>) => Promise<AsyncCommandRunner & { close?(): Promise<void> }>): Promise<CommandOutput[]> {
  const commands = parseScript(source)
  const cluster = createCluster({ seed })
  const outputs: CommandOutput[] = []
  let current: CommandOutput | undefined
  const io: ScriptIO = {
    stdout: (t) => current && (current.stdout += t),
    stderr: (t) => current && (current.stderr += t),
    // -f PATH is read from the scripts folder, where the real kubectl runs too.
    readFile: (path) => [{ path, text: readFileSync(resolve(SCRIPTS_DIR, path), 'utf8') }],
  }
  const inner = await makeRunner(cluster)
  const runner: AsyncCommandRunner = {
    kubectl: async (cmd: ScriptCommand, cio: ScriptIO) => {
      current = { line: cmd.line, text: cmd.text, stdout: '', stderr: '', exitCode: 0 }
      outputs.push(current)
      current.exitCode = await inner.kubectl(cmd, cio)
      return current.exitCode
    },
  }
  try {
    await runScriptAsync(cluster, commands, io, runner)
  } finally {
    await inner.close?.()
  }
  return outputs
}

export function playOurs(source: string, seed: number): Promise<CommandOutput[]> {
  return play(source, seed, async (cluster) => ({
    kubectl: async (cmd, io) => {
      const r = cluster.kubectl(cmd.words.slice(1), { stdin: cmd.stdin, readFile: io.readFile })
      if (r.stdout) io.stdout(r.stdout)
      if (r.stderr) io.stderr(r.stderr)
      return r.exitCode
    },
  }))
}

export function playReal(source: string, seed: number): Promise<CommandOutput[]> {
  return play(source, seed, (cluster) => startBinaryRunner(cluster, REAL_KUBECTL, SCRIPTS_DIR))
}

export interface Verdict {
  script: string
  commands: number
  matched: number
  diffs: string[]
}

export function compare(script: string, ours: CommandOutput[], real: CommandOutput[]): Verdict {
  const diffs: string[] = []
  let matched = 0
  for (let i = 0; i < Math.max(ours.length, real.length); i++) {
    const o = ours[i]
    const r = real[i]
    if (!o || !r) {
      diffs.push(`command ${i + 1}: only one side ran it`)
      continue
    }
    const problems: string[] = []
    if (mask(o.stdout) !== mask(r.stdout)) problems.push(`stdout\n--- ours\n${o.stdout}--- real\n${r.stdout}`)
    if (mask(o.stderr) !== mask(r.stderr)) problems.push(`stderr\n--- ours\n${o.stderr}--- real\n${r.stderr}`)
    if (o.exitCode !== r.exitCode) problems.push(`exit code: ours ${o.exitCode}, real ${r.exitCode}`)
    if (problems.length) diffs.push(`line ${o.line}: ${o.text}\n${problems.join('\n')}`)
    else matched++
  }
  return { script, commands: Math.max(ours.length, real.length), matched, diffs }
}

export function readScript(name: string): string {
  return readFileSync(resolve(SCRIPTS_DIR, name), 'utf8')
}

export function verdictTable(rows: Verdict[]): string {
  const w = Math.max(6, ...rows.map((r) => r.script.length))
  const lines = [`${'SCRIPT'.padEnd(w)}  COMMANDS  MATCHED`]
  for (const r of rows) lines.push(`${r.script.padEnd(w)}  ${String(r.commands).padEnd(8)}  ${r.matched}`)
  return `${lines.join('\n')}\n`
}
