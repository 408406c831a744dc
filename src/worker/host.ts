/**
 * The worker host: owns one cluster, paces its clock from wall time, and streams its watch
 * events to the UI, batched into one `deltas` message per tick. Every command is idempotent
 * (React StrictMode runs mount effects twice): a repeated `init` re-sends the snapshot, a
 * repeated `apply` / `kubectl` id replays the earlier answer instead of running again.
 */

import type { Cluster, ClusterSpec } from '../core/cluster'
import type { DeltaEvent, FromWorker, ToWorker } from '../protocol/messages'
import { Pacer } from './pacer'
import { toView } from './views'

export type ClusterOptions = Required<Pick<ClusterSpec, 'seed' | 'workers'>>

/** How many command answers are remembered for replay. */
const ANSWER_CACHE = 64

export interface HostDeps {
  post(msg: FromWorker): void
  createCluster(options: ClusterOptions): Cluster
  /** Loads the field documentation `kubectl explain` reads (a lazy chunk, ADR 0005). */
  loadDocs?(): Promise<unknown>
}

/** Whether a kubectl line needs the field documentation. */
const wantsDocs = (line: string) => /(^|\s)explain(\s|$)/.test(line)

export class WorkerHost {
  private cluster: Cluster | undefined
  private options: ClusterOptions | undefined
  private unwatch: (() => void) | undefined
  private pending: DeltaEvent[] = []
  private revision = 0
  private readonly pacer = new Pacer()
  private readonly answers = new Map<string, FromWorker>()
  private docsLoaded = false
  /** Messages that arrived while the documentation loads, answered in order afterwards. */
  private waiting: ToWorker[] | undefined

  constructor(private readonly deps: HostDeps) {}

  handle(msg: ToWorker): void {
    if (this.waiting) return void this.waiting.push(msg)
    if (msg.type === 'kubectl' && !this.docsLoaded && this.deps.loadDocs && wantsDocs(msg.line)) {
      this.waiting = [msg]
      const resume = () => {
        this.docsLoaded = true
        const queued = this.waiting ?? []
        this.waiting = undefined
        for (const m of queued) this.handle(m)
      }
      this.deps.loadDocs().then(resume, resume)
      return
    }
    try {
      this.dispatch(msg)
    } catch (err) {
      this.deps.post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) })
    }
  }

  /** One pacing tick: advance the simulated clock, then send what changed. */
  tick(wallNow: number): void {
    const cluster = this.cluster
    const ms = this.pacer.step(wallNow)
    if (!cluster || ms <= 0) return
    try {
      cluster.advance(ms)
    } catch (err) {
      this.deps.post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) })
      this.pacer.pause()
      this.postClock()
    }
    this.flush(true)
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        return this.init({ seed: msg.seed, workers: msg.workers })
      case 'apply':
        return this.answer(msg.id, (c) => {
          const out = c.apply(msg.yaml, { source: 'manifest.yaml' })
          return { type: 'applied', id: msg.id, results: out.results, stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode }
        })
      case 'kubectl':
        return this.answer(msg.id, (c) => ({ type: 'kubectlResult', id: msg.id, ...pickOutput(c.kubectl(msg.line)) }))
      case 'setSpeed':
        this.pacer.speed = msg.speed
        return this.postClock()
      case 'pause':
        this.pacer.pause()
        return this.postClock()
      case 'play':
        this.pacer.play()
        return this.postClock()
    }
  }

  private init(options: ClusterOptions): void {
    const same = this.options && this.options.seed === options.seed && this.options.workers === options.workers
    if (!this.cluster || !same) {
      this.unwatch?.()
      this.cluster = this.deps.createCluster(options)
      this.options = options
      this.answers.clear()
      this.pending = []
      const cluster = this.cluster
      this.revision = cluster.revision()
      const from = this.revision
      this.unwatch = cluster.watchAll(from, (ev) => {
        if (ev.revision <= from) return
        this.pending.push({ type: ev.type, revision: ev.revision, ...toView(ev.object, cluster.now()) })
        if (ev.revision > this.revision) this.revision = ev.revision
      })
    }
    this.flush(false)
    const cluster = this.cluster
    this.deps.post({ type: 'snapshot', objects: cluster.objects().map((o) => toView(o, cluster.now())), revision: this.revision, now: cluster.now() })
    this.postClock()
  }

  /** Runs a command once per id; a repeated id gets the remembered answer. */
  private answer(id: string, run: (cluster: Cluster) => FromWorker): void {
    const known = this.answers.get(id)
    if (known) return this.deps.post(known)
    const cluster = this.cluster
    if (!cluster) throw new Error('the cluster is not initialised yet (send init first)')
    const reply = run(cluster)
    this.answers.set(id, reply)
    if (this.answers.size > ANSWER_CACHE) this.answers.delete(this.answers.keys().next().value as string)
    this.flush(false)
    this.deps.post(reply)
  }

  /** Sends the batched watch events; a tick also sends the new time when nothing changed. */
  private flush(always: boolean): void {
    const cluster = this.cluster
    if (!cluster || (!always && this.pending.length === 0)) return
    const events = this.pending
    this.pending = []
    this.deps.post({ type: 'deltas', events, revision: this.revision, now: cluster.now() })
  }

  private postClock(): void {
    this.deps.post({ type: 'clock', ...this.pacer.state(this.cluster?.now() ?? 0) })
  }
}

function pickOutput(o: { stdout: string; stderr: string; exitCode: number }) {
  return { stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode }
}
