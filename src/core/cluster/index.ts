/**
 * The engine's public face (design/headless.md "The library"): create a cluster, talk kubectl
 * to it, apply manifests, move time, watch everything. The worker, the runner and the tests
 * all use this and nothing deeper.
 */

import type { KubeObject } from '../api/types'
import type { ApplyOutcome } from '../kubectl/commands/apply'
import type { KubectlIO, KubectlResult } from '../kubectl/context'
import { execKubectl } from '../kubectl/kubectl'
import { parseDuration } from '../machinery/duration'
import { ADMIN_USER } from '../apiserver/server'
import { ClusterCore, type ClusterSpec } from './cluster'
import { runSim, type SimResult } from './sim'

export type { ClusterSpec } from './cluster'
export type { KubeObject } from '../api/types'
export type { ApplyOutcome } from '../kubectl/commands/apply'
export type { KubectlResult, KubectlIO } from '../kubectl/context'
export { podStatusText } from '../apiserver/printers/pod'
export { SIMULATION_EPOCH_MS } from '../sim/clock'

export interface ClusterWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  object: KubeObject
  revision: number
}

export interface ApplyResult extends KubectlResult {
  results: ApplyOutcome[]
}

export class Cluster {
  readonly core: ClusterCore

  constructor(spec: ClusterSpec = {}) {
    this.core = new ClusterCore(spec)
  }

  get api() {
    return this.core.api
  }

  now(): number {
    return this.core.clock.now()
  }

  revision(): number {
    return this.core.store.revision()
  }

  /** Move simulated time forward: a number of ms, or a duration such as "30s". */
  advance(by: number | string): void {
    const ms = typeof by === 'number' ? by : parseDuration(by)
    if (ms === undefined) throw new Error(`invalid duration "${by}"`)
    this.core.clock.advance(ms)
  }

  /** Runs one kubectl command line (with or without the leading "kubectl"). */
  kubectl(line: string | string[], io: KubectlIO = {}): KubectlResult {
    return execKubectl(this.kubectlBase(io), line)
  }

  /** The same path as `kubectl apply -f -`, with each object's outcome. */
  apply(yamlText: string, opts: { source?: string } = {}): ApplyResult {
    const results: ApplyOutcome[] = []
    const r = execKubectl(this.kubectlBase({ stdin: yamlText, stdinName: opts.source }), ['apply', '-f', '-'], results)
    return { ...r, results }
  }

  /** The `sim` verbs: `sim(['node', 'add', 'node-4'])`. */
  sim(words: string[]): SimResult {
    return runSim(this.core, words)
  }

  objects(): KubeObject[] {
    return this.core.store.dump().objects.map((o) => o.object)
  }

  watchAll(fromRevision: number, handler: (ev: ClusterWatchEvent) => void): () => void {
    return this.core.store.watch(undefined, fromRevision, (ev) => handler({ type: ev.type, object: ev.object, revision: ev.revision }))
  }

  private kubectlBase(io: KubectlIO) {
    const clock = this.core.clock
    return {
      api: this.core.api,
      clock,
      io,
      user: ADMIN_USER,
      namespace: 'default',
      metrics: this.core.metrics,
      kubelet: (node: string) => {
        const k = this.core.kubelets.get(node)
        return k?.isPowered() ? k.runtime : undefined
      },
      waitFor: (done: () => boolean, timeoutMs: number, stepMs = 1000) => {
        const deadline = clock.now() + timeoutMs
        while (!done()) {
          if (clock.now() >= deadline) return false
          const next = clock.nextAt()
          clock.advanceTo(Math.min(next ?? Infinity, clock.now() + stepMs, deadline))
        }
        return true
      },
    }
  }
}

export function createCluster(spec: ClusterSpec = {}): Cluster {
  return new Cluster(spec)
}
