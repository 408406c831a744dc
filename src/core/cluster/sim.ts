/**
 * The `sim` verbs (design/headless.md): what a learner does with the mouse, as script lines.
 * Verbs that need components not built yet answer with a clear error.
 */

import { parseQuantity } from '../machinery/quantity'
import type { Kubelet } from '../kubelet/kubelet'
import type { ClusterCore } from './cluster'
import { simLoad } from './sim-load'

export interface SimResult {
  stdout: string
  stderr: string
  exitCode: number
}

const ok = (stdout = ''): SimResult => ({ stdout, stderr: '', exitCode: 0 })
const fail = (msg: string): SimResult => ({ stdout: '', stderr: `error: ${msg}\n`, exitCode: 1 })

function flagValues(words: string[]): { args: string[]; flags: Map<string, string[]> } {
  const args: string[] = []
  const flags = new Map<string, string[]>()
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (w.startsWith('--') || (w.startsWith('-') && w.length === 2)) {
      const eq = w.indexOf('=')
      const name = eq >= 0 ? w.slice(0, eq) : w
      const v = eq >= 0 ? w.slice(eq + 1) : words[++i] ?? ''
      flags.set(name, [...(flags.get(name) ?? []), v])
    } else args.push(w)
  }
  return { args, flags }
}

/** The pod a `sim pod ...` verb names (-n for its namespace), and its pod worker on its node, if any. */
function findPodWorker(
  core: ClusterCore,
  podName: string | undefined,
  flags: Map<string, string[]>,
): { error: SimResult } | { podName: string; worker: ReturnType<Kubelet['workerFor']> } {
  const ns = flags.get('-n')?.[0] ?? flags.get('--namespace')?.[0] ?? 'default'
  const pod = podName ? core.api.peek(core.api.registry.forGroupResource('', 'pods')!, ns, podName) : undefined
  if (!pod) return { error: fail(`pod "${podName ?? ''}" not found`) }
  const node = (pod.spec as { nodeName?: string }).nodeName
  return { podName: podName!, worker: node ? core.kubelets.get(node)?.workerFor(pod.metadata.uid!) : undefined }
}

export function runSim(core: ClusterCore, words: string[]): SimResult {
  const [noun, verb, ...rest] = words
  const { args, flags } = flagValues(rest)
  const usage = 'usage: sim node fail|recover|partition|add|remove ..., sim pod crash|oom|unready|ready POD, sim load TARGET --cpu Q, sim traffic FROM TARGET --rps N --for D, sim image add NAME'
  if (noun === 'node' && verb === 'add') {
    const existing = new Set(core.kubelets.all().map((k) => k.name))
    let name = args[0]
    for (let i = existing.size; !name; i++) if (!existing.has(`node-${i}`)) name = `node-${i}`
    if (existing.has(name)) return fail(`node "${name}" already exists`)
    const labels: Record<string, string> = {}
    for (const l of flags.get('--label') ?? []) {
      const [k, v = ''] = l.split('=')
      labels[k!] = v
    }
    const cpu = flags.get('--cpu')?.[0]
    const memory = flags.get('--memory')?.[0]
    try {
      core.addNode(name, {
        cpu: cpu ? parseQuantity(cpu) : undefined,
        memoryGi: memory ? parseQuantity(memory) / 1024 ** 3 : undefined,
        labels,
      })
    } catch (e) {
      return fail((e as Error).message)
    }
    return ok(`node/${name} added\n`)
  }
  if (noun === 'node' && verb === 'remove') {
    const name = args[0]
    if (!name || !core.kubelets.get(name)) return fail(`node "${name ?? ''}" not found`)
    core.kubelets.remove(name)
    try {
      core.api.delete(core.api.registry.forGroupResource('', 'nodes')!, undefined, name)
    } catch {
      // Already deleted through kubectl.
    }
    return ok(`node/${name} removed\n`)
  }
  if (noun === 'node' && (verb === 'fail' || verb === 'recover' || verb === 'partition')) {
    const name = args[0]
    const k = name ? core.kubelets.get(name) : undefined
    if (!k) return fail(`node "${name ?? ''}" not found`)
    if (verb === 'fail') {
      if (!k.isPowered()) return fail(`node "${name}" is already powered off`)
      k.powerOff()
      return ok(`node/${name} powered off\n`)
    }
    if (verb === 'partition') {
      if (!k.reachable()) return fail(`node "${name}" is already cut off`)
      k.partition()
      return ok(`node/${name} partitioned\n`)
    }
    if (k.reachable()) return fail(`node "${name}" is not failed`)
    if (!k.isPowered()) k.powerOn()
    else k.heal()
    core.kubelets.resync(name!)
    return ok(`node/${name} recovered\n`)
  }
  if (noun === 'pod' && (verb === 'ready' || verb === 'unready')) {
    const found = findPodWorker(core, args[0], flags)
    if ('error' in found) return found.error
    const { podName, worker } = found
    if (!worker) return fail(`pod "${podName}" is not running on a node`)
    // The readiness probe passes (ready) or fails (unready) from now on.
    worker.forceReadiness(verb === 'ready')
    return ok(`pod/${podName} ${verb === 'ready' ? 'ready' : 'unready'}\n`)
  }
  if (noun === 'pod' && (verb === 'crash' || verb === 'oom')) {
    const found = findPodWorker(core, args[0], flags)
    if ('error' in found) return found.error
    const { podName, worker } = found
    const container = flags.get('-c')?.[0]
    const code = verb === 'oom' ? 137 : parseInt(flags.get('--exit-code')?.[0] ?? '1', 10)
    if (!worker || !worker.crash(container, code, verb === 'oom' ? 'OOMKilled' : undefined)) return fail(`pod "${podName}" has no running container${container ? ` "${container}"` : ''}`)
    return ok(`pod/${podName} ${verb === 'oom' ? 'OOM-killed' : 'crashed'}\n`)
  }
  if (noun === 'load') return simLoad(core, [verb ?? '', ...args], flags)
  if (noun === 'image' && verb === 'add') {
    if (!args[0]) return fail('usage: sim image add NAME')
    core.catalogue.add(args[0])
    return ok(`image ${args[0]} added to the registry\n`)
  }
  const known = ['traffic']
  const phrase = noun === 'traffic' ? noun : `${noun} ${verb}`
  if (known.includes(phrase)) return fail(`"sim ${phrase}" is not available in this playground yet`)
  return fail(usage)
}
