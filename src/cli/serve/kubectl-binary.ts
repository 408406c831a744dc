/**
 * `--kubectl PATH`: script kubectl lines run the real binary against the engine served in
 * this process. The runner is single-threaded, so each child is spawned asynchronously and
 * the event loop keeps answering its requests until it exits.
 *
 * Time: the clock moves only while the child waits. When it holds a watch open, has no
 * other request in flight, and nothing has moved for IDLE_MS of wall time (longer just after
 * it was sent events), the clock steps from timer to timer, at most STEP_MS at a time as the
 * headless kubectl's waitFor does, until a step sends the child something; the child then
 * answers, exits or waits on. A child that never
 * ends by itself (get -w, logs -f) is stopped after 60 simulated seconds or its
 * --request-timeout (design/headless.md). See docs/adr/0003-api-face.md.
 */

import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Cluster } from '../../core/cluster'
import { parseDuration } from '../../core/machinery/duration'
import type { AsyncCommandRunner, ScriptIO } from '../run-script'
import type { ScriptCommand } from '../script'
import { startApiServer } from './http-server'
import { kubeconfigText } from './kubeconfig'

/** Wall time without traffic after which a waiting child is taken to be idle. */
const IDLE_MS = 150
/** The same after the child has been sent watch events, which it may be acting on. */
const AFTER_EVENTS_IDLE_MS = 250
/** The largest single step of simulated time while a child waits (headless waitFor's step). */
const STEP_MS = 1000
/**
 * A child with no watch that has talked to us and then gone quiet this long is polling
 * (kubectl drain GETs each evicted pod every second); each poll lets POLL_STEP_MS pass.
 * Between the requests of a command that does not wait there are no such pauses.
 */
const POLL_IDLE_MS = 700
const POLL_STEP_MS = 1000
/** Simulated time one idle moment may move the clock by when no watcher hears anything. */
const BURST_MS = 60_000
/** How long a command that never ends by itself runs, in simulated time. */
const ENDLESS_LIMIT_MS = 60_000

export interface BinaryRunner extends AsyncCommandRunner {
  close(): Promise<void>
}

/** Commands that only end when stopped: get/events -w, logs -f, and the streaming verbs. */
function endless(words: string[]): boolean {
  const verb = words.slice(1).find((w) => !w.startsWith('-'))
  const has = (...flags: string[]) => words.some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`) && !w.endsWith('=false')))
  if (verb === 'get' || verb === 'events') return has('-w', '--watch', '--watch-only')
  if (verb === 'logs') return has('-f', '--follow')
  // exec: a command that keeps running ends with the request timeout, as in the headless runner.
  return verb === 'attach' || verb === 'port-forward' || verb === 'proxy' || verb === 'exec'
}

function requestTimeout(words: string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    const v = w.startsWith('--request-timeout=') ? w.slice('--request-timeout='.length) : w === '--request-timeout' ? words[i + 1] : undefined
    if (v !== undefined && v !== '0') {
      const ms = /^\d+$/.test(v) ? parseInt(v, 10) * 1000 : parseDuration(v)
      if (ms) return ms
    }
  }
  return ENDLESS_LIMIT_MS
}

export async function startBinaryRunner(cluster: Cluster, kubectlPath: string, cwd: string): Promise<BinaryRunner> {
  const token = randomBytes(24).toString('hex')
  const server = await startApiServer(cluster, { token })
  // A private HOME: kubectl's discovery cache must not outlive this run or leak between runs.
  const home = mkdtempSync(join(tmpdir(), 'kubeplay-kubectl-'))
  const kubeconfig = join(home, 'kubeconfig')
  writeFileSync(kubeconfig, kubeconfigText(server.port, token, server.caCert), { mode: 0o600 })
  const clock = cluster.core.clock

  const run = (cmd: ScriptCommand, io: ScriptIO) =>
    new Promise<number>((resolve) => {
      const child = spawn(kubectlPath, cmd.words.slice(1), {
        cwd,
        env: { ...process.env, KUBECONFIG: kubeconfig, HOME: home, KUBECTL_KUBERC: 'false' },
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      child.stdout.setEncoding('utf8').on('data', (t: string) => io.stdout(t))
      child.stderr.setEncoding('utf8').on('data', (t: string) => io.stderr(t))
      child.stdin.on('error', () => {})
      child.stdin.end(cmd.stdin ?? '')
      const deadline = endless(cmd.words) ? clock.now() + requestTimeout(cmd.words) : Infinity
      let eventsSeen = server.activity().events
      let polledAt = server.activity().requests
      const pacer = setInterval(() => {
        const a = server.activity()
        if (a.watches === 0 && a.inFlight === 0 && a.requests !== polledAt && Date.now() - a.lastActivity >= POLL_IDLE_MS) {
          // A child that waits by polling (drain's GET every second): one second passes per poll.
          polledAt = a.requests
          const until = clock.now() + POLL_STEP_MS
          while (clock.now() < until) {
            clock.advanceTo(Math.min(clock.nextAt() ?? Infinity, until))
            server.poll()
          }
          return
        }
        // After the child was sent events it may be about to stop watching (and exit): give it longer.
        const quiet = a.events !== eventsSeen ? AFTER_EVENTS_IDLE_MS : IDLE_MS
        if (a.watches === 0 || a.inFlight > 0 || Date.now() - a.lastActivity < quiet) return
        eventsSeen = a.events
        if (clock.now() >= deadline) {
          child.kill('SIGTERM')
          return
        }
        // Step from timer to timer until a watcher is sent something (the child then has to
        // react) or a burst's worth of simulated time has passed without news.
        const burstEnd = Math.min(clock.now() + BURST_MS, deadline)
        while (server.activity().events === a.events && clock.now() < burstEnd) {
          const next = clock.nextAt() ?? Infinity
          clock.advanceTo(Math.min(next, clock.now() + STEP_MS, burstEnd))
          server.poll()
        }
      }, 10)
      child.on('error', (e) => {
        clearInterval(pacer)
        io.stderr(`kubeplay: cannot run ${kubectlPath}: ${e.message}\n`)
        resolve(127)
      })
      child.on('close', (code, signal) => {
        clearInterval(pacer)
        resolve(code ?? (signal ? 0 : 1))
      })
    })

  return {
    kubectl: run,
    close: async () => {
      await server.close()
      rmSync(home, { recursive: true, force: true })
    },
  }
}
