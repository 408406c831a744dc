/**
 * kubectl top pod|node: usage from the metrics API (metrics-server), in the columns of
 * k8s.io/kubectl/pkg/metricsutil: CPU in millicores, memory in Mi, node shares of allocatable.
 */

import type { KubeObject } from '../../api/types'
import { parseSelector } from '../../machinery/labels'
import { parseQuantity } from '../../machinery/quantity'
import { parseTime } from '../../machinery/time'
import type { MetricsAPI, PodMetrics } from '../../metrics/types'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'

export const topFlags: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'containers', type: 'bool', default: false },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'sum', type: 'bool', default: false },
]

const MI = 1024 * 1024

/**
 * The metricsutil printer writes every cell tab-terminated through kubectl's tabwriter
 * (minwidth 6, padding 3): columns keep their padding and are at least 6 wide.
 */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  return rows.map((r) => `${r.map((c, i) => c.padEnd(Math.max(6, widths[i]! + 3))).join('')}\n`).join('')
}

const cpuText = (m: number) => `${Math.round(m)}m`
const memText = (b: number) => `${Math.floor(b / MI)}Mi`

export function runTop(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const [what, name] = args
  const metrics = ctx.metrics
  if (!what) {
    throw new KubectlError(
      'Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption for nodes or pods.\n\n This command requires Metrics Server to be correctly configured and working on the server.\n\nAvailable Commands:\n  node          Display resource (CPU/memory) usage of nodes\n  pod           Display resource (CPU/memory) usage of pods\n\nUsage:\n  kubectl top [flags] [options]\n\nUse "kubectl top <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).',
    )
  }
  if (!['pod', 'pods', 'po', 'node', 'nodes', 'no'].includes(what)) throw new KubectlError(`error: unknown command "${what}"\nSee 'kubectl top -h' for help and examples`)
  if (!metrics?.available()) throw new KubectlError('error: Metrics API not available')
  return what.startsWith('n') ? topNodes(ctx, metrics, name, flags) : topPods(ctx, metrics, name, flags)
}

function topNodes(ctx: KubectlContext, metrics: MetricsAPI, name: string | undefined, flags: FlagValues): number {
  const nodeType = ctx.api.registry.forGroupResource('', 'nodes')!
  const sel = flags.selector ? parseSelector(String(flags.selector)) : undefined
  let items = metrics.nodeMetrics().filter((m) => !name || m.name === name)
  const nodes = new Map<string, KubeObject>()
  if (name) nodes.set(name, ctx.api.get(nodeType, undefined, name))
  else for (const n of ctx.api.list(nodeType).items) if (!sel || sel.matches(n.metadata.labels)) nodes.set(n.metadata.name!, n)
  items = items.filter((m) => nodes.has(m.name))
  if (!items.length) throw new KubectlError('error: metrics not available yet')
  if (flags['sort-by'] === 'cpu') items.sort((a, b) => b.cpu - a.cpu)
  else if (flags['sort-by'] === 'memory') items.sort((a, b) => b.memory - a.memory)
  else items.sort((a, b) => a.name.localeCompare(b.name))
  const rows = flags['no-headers'] ? [] : [['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%']]
  for (const m of items) {
    const alloc = ((nodes.get(m.name)!.status as { allocatable?: Record<string, string> })?.allocatable ?? {}) as Record<string, string>
    const cpuAlloc = parseQuantity(alloc.cpu ?? '1') * 1000
    const memAlloc = parseQuantity(alloc.memory ?? '1')
    rows.push([m.name, cpuText(m.cpu), `${Math.floor((m.cpu / cpuAlloc) * 100)}%`, memText(m.memory), `${Math.floor((m.memory / memAlloc) * 100)}%`])
  }
  ctx.out(rows.length ? table(rows) : '')
  return 0
}

function topPods(ctx: KubectlContext, metrics: MetricsAPI, name: string | undefined, flags: FlagValues): number {
  const all = !!flags['all-namespaces']
  const ns = all ? undefined : ctx.namespace
  const sel = flags.selector ? parseSelector(String(flags.selector)) : undefined
  const podType = ctx.api.registry.forGroupResource('', 'pods')!
  let items: PodMetrics[] = metrics.podMetrics(ns).filter((m) => (!name || m.name === name) && (!sel || sel.matches(m.labels)))
  if (name && !items.length) {
    throw new KubectlError(`error: Metrics not available for pod ${ctx.namespace}/${name}, age: ${ageOf(ctx, ctx.api.get(podType, ctx.namespace, name))}`)
  }
  if (!items.length) {
    const pods = ctx.api.list(podType, { namespace: ns }).items.filter((p) => !sel || sel.matches(p.metadata.labels))
    if (pods.length) throw new KubectlError('error: metrics not available yet')
    ctx.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`)
    return 0
  }
  const sum = (m: PodMetrics, k: 'cpu' | 'memory') => m.containers.reduce((a, c) => a + c[k], 0)
  if (flags['sort-by'] === 'cpu') items.sort((a, b) => sum(b, 'cpu') - sum(a, 'cpu'))
  else if (flags['sort-by'] === 'memory') items.sort((a, b) => sum(b, 'memory') - sum(a, 'memory'))
  else items = items.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
  const head = [...(all ? ['NAMESPACE'] : []), ...(flags.containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']
  const rows = flags['no-headers'] ? [] : [head]
  for (const m of items) {
    const lead = all ? [m.namespace] : []
    if (flags.containers) for (const c of m.containers) rows.push([...lead, m.name, c.name, cpuText(c.cpu), memText(c.memory)])
    else rows.push([...lead, m.name, cpuText(sum(m, 'cpu')), memText(sum(m, 'memory'))])
  }
  if (flags.sum) {
    // --sum: a rule under the usage columns, then the totals, leading columns left blank.
    const blank = rows[rows.length - 1]!.slice(0, -2).map(() => '')
    const total = (k: 'cpu' | 'memory') => items.reduce((a, m) => a + sum(m, k), 0)
    rows.push([...blank, '________', '________'], [...blank, cpuText(total('cpu')), memText(total('memory'))])
  }
  ctx.out(rows.length ? table(rows) : '')
  return 0
}

function ageOf(ctx: KubectlContext, pod: KubeObject): string {
  // Go's time.Duration String: 45s, 2m5s, 1h0m30s.
  const s = Math.max(0, Math.floor((ctx.clock.now() - (parseTime(pod.metadata.creationTimestamp) ?? ctx.clock.now())) / 1000))
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60}s`
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m${s % 60}s`
}
