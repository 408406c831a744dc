/**
 * A metrics-server stand-in (kubernetes-sigs/metrics-server): every --metric-resolution
 * (15 s) it scrapes each node's usage. A container's CPU is a rate between two scrapes, so a
 * pod is reported from its second scrape on. Usage is idle noise plus the simulated load
 * (`sim load`) shared by the ready pods behind a target, capped by the CPU limit.
 */

import type { KubeObject } from '../api/types'
import type { ComponentContext } from '../client/context'
import type { Informer } from '../client/informer'
import { selectorFromMap } from '../machinery/labels'
import { fnv32a } from '../machinery/hash'
import { toMilli } from '../machinery/quantity'
import type { LoadSource, MetricsAPI, NodeMetrics, PodMetrics } from './types'

/* eslint-disable @typescript-eslint/no-explicit-any -- pod specs are free-form objects */

/** --metric-resolution of the metrics-server add-on. */
export const METRIC_RESOLUTION_MS = 15_000
const MI = 1024 * 1024
/** What the OS and system daemons use on a node beyond its pods. */
const NODE_BASE = { cpu: 40, memory: 450 * MI }

const isReady = (p: KubeObject) => ((p.status as any)?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True')

export class MetricsServer implements MetricsAPI {
  private readonly pods: Informer
  private readonly nodes: Informer
  private readonly seen = new Set<string>()
  private pods_: PodMetrics[] = []
  private nodes_: NodeMetrics[] = []

  constructor(
    private readonly ctx: ComponentContext,
    private readonly load: LoadSource,
  ) {
    this.pods = ctx.informers.pods()
    this.nodes = ctx.informers.nodes()
    ctx.clock.every(METRIC_RESOLUTION_MS, () => this.scrape())
  }

  available(): boolean {
    return this.pods.list('kube-system').some((p) => p.metadata.labels?.['k8s-app'] === 'metrics-server' && isReady(p))
  }

  podMetrics(namespace?: string): PodMetrics[] {
    return this.available() ? this.pods_.filter((p) => !namespace || p.namespace === namespace) : []
  }

  nodeMetrics(): NodeMetrics[] {
    return this.available() ? this.nodes_ : []
  }

  private scrape(): void {
    if (!this.available()) {
      this.seen.clear()
      this.pods_ = []
      this.nodes_ = []
      return
    }
    const now = this.ctx.clock.now()
    const running = this.pods.list().filter((p) => (p.status as any)?.phase === 'Running' && (p.spec as any)?.nodeName && !p.metadata.deletionTimestamp)
    const share = this.loadShares(running)
    const nextSeen = new Set<string>()
    const pods: PodMetrics[] = []
    for (const p of running) {
      const uid = p.metadata.uid!
      nextSeen.add(uid)
      if (!this.seen.has(uid)) continue
      const containers = ((p.spec as any).containers ?? []) as any[]
      const extra = (share.get(uid) ?? 0) / Math.max(1, containers.length)
      pods.push({
        namespace: p.metadata.namespace!,
        name: p.metadata.name!,
        labels: p.metadata.labels ?? {},
        timestamp: now,
        windowMs: METRIC_RESOLUTION_MS,
        containers: containers.map((c) => {
          const h = fnv32a(`${uid}/${c.name}`)
          const limit = toMilli(c.resources?.limits?.cpu)
          const cpu = 1 + (h % 3) + Math.round(extra)
          return { name: c.name, cpu: limit ? Math.min(cpu, limit) : cpu, memory: (3 + (h % 12)) * MI + ((h >> 8) % 1024) * 1024 }
        }),
      })
    }
    this.seen.clear()
    for (const u of nextSeen) this.seen.add(u)
    this.pods_ = pods
    this.nodes_ = this.nodes
      .list()
      .filter((n) => ((n.status as any)?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True'))
      .map((n) => {
        const on = pods.filter((p) => running.find((r) => r.metadata.name === p.name && r.metadata.namespace === p.namespace && (r.spec as any).nodeName === n.metadata.name))
        const sum = (k: 'cpu' | 'memory') => on.reduce((a, p) => a + p.containers.reduce((b, c) => b + c[k], 0), 0)
        return { name: n.metadata.name!, timestamp: now, windowMs: METRIC_RESOLUTION_MS, cpu: NODE_BASE.cpu + sum('cpu'), memory: NODE_BASE.memory + sum('memory') }
      })
  }

  /** Each target's demand, split evenly among its ready pods (a Service spreads requests so). */
  private loadShares(running: KubeObject[]): Map<string, number> {
    const out = new Map<string, number>()
    for (const t of this.load.targets()) {
      const sel = selectorFromMap(t.selector)
      const ready = running.filter((p) => p.metadata.namespace === t.namespace && sel.matches(p.metadata.labels) && isReady(p))
      for (const p of ready) out.set(p.metadata.uid!, (out.get(p.metadata.uid!) ?? 0) + t.milliCPU / ready.length)
    }
    return out
  }
}
