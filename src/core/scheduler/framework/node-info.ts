/** NodeInfo bookkeeping: what each node has allocatable and what its pods already request. */

import type { KubeObject } from '../../api/types'
import { parseQuantity, toMilli } from '../../machinery/quantity'
import type { NodeInfo, Resources } from './types'

/** kube-scheduler's defaults for a container without requests, used when scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

interface Container {
  resources?: { requests?: Record<string, string | number> }
  ports?: { hostPort?: number; protocol?: string; hostIP?: string }[]
  restartPolicy?: string
}

function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, pods: 0 }
}

function addRequests(target: Resources, requests: Record<string, string | number> | undefined, sign = 1): void {
  for (const [k, v] of Object.entries(requests ?? {})) {
    let n: number
    try {
      n = k === 'cpu' ? toMilli(v) : parseQuantity(v)
    } catch {
      continue
    }
    const key = k === 'cpu' ? 'milliCPU' : k
    target[key] = (target[key] ?? 0) + sign * n
  }
}

/**
 * A pod's effective request (computePodResourceRequest): the sum over app containers and
 * sidecars, or the largest init container if that is larger, plus overhead.
 */
const requestCache = new WeakMap<KubeObject, { req: Resources; nonZero: Resources }>()

export function podRequests(pod: KubeObject): { req: Resources; nonZero: Resources } {
  // Stored objects never change, so a pod's requests are parsed once.
  const cached = requestCache.get(pod)
  if (cached) return cached
  const computed = computePodRequests(pod)
  requestCache.set(pod, computed)
  return computed
}

function computePodRequests(pod: KubeObject): { req: Resources; nonZero: Resources } {
  const spec = pod.spec as { containers?: Container[]; initContainers?: Container[]; overhead?: Record<string, string> }
  const req = emptyResources()
  const nonZero = emptyResources()
  for (const c of spec.containers ?? []) {
    addRequests(req, c.resources?.requests)
    const r = c.resources?.requests ?? {}
    nonZero.milliCPU += r.cpu !== undefined ? toMilli(r.cpu) : DEFAULT_MILLI_CPU_REQUEST
    nonZero.memory += r.memory !== undefined ? safeQuantity(r.memory) : DEFAULT_MEMORY_REQUEST
  }
  for (const c of spec.initContainers ?? []) {
    const one = emptyResources()
    addRequests(one, c.resources?.requests)
    if (c.restartPolicy === 'Always') {
      addRequests(req, c.resources?.requests)
      continue
    }
    for (const k of Object.keys(one)) req[k] = Math.max(req[k] ?? 0, one[k]!)
  }
  addRequests(req, spec.overhead)
  req.pods = 1
  nonZero.pods = 1
  return { req, nonZero }
}

function safeQuantity(v: string | number): number {
  try {
    return parseQuantity(v)
  } catch {
    return 0
  }
}

export function nodeAllocatable(node: KubeObject): Resources {
  const alloc = (node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable ?? {}
  const r = emptyResources()
  for (const [k, v] of Object.entries(alloc)) {
    if (k === 'cpu') r.milliCPU = toMilli(v)
    else r[k] = safeQuantity(v)
  }
  return r
}

export function newNodeInfo(node: KubeObject): NodeInfo {
  const images = new Map<string, number>()
  for (const img of (node.status as { images?: { names?: string[]; sizeBytes?: number }[] } | undefined)?.images ?? []) {
    for (const n of img.names ?? []) images.set(n, img.sizeBytes ?? 0)
  }
  return { node, pods: [], requested: emptyResources(), nonZeroRequested: emptyResources(), allocatable: nodeAllocatable(node), usedPorts: new Set(), imageSizes: images, podsWithAffinity: 0, podsWithRequiredAntiAffinity: 0 }
}

export function hostPorts(pod: KubeObject): string[] {
  const out: string[] = []
  for (const c of (pod.spec as { containers?: Container[] }).containers ?? []) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`)
  }
  return out
}

export function addPod(info: NodeInfo, pod: KubeObject): void {
  const { req, nonZero } = podRequests(pod)
  info.pods.push(pod)
  for (const k of Object.keys(req)) info.requested[k] = (info.requested[k] ?? 0) + req[k]!
  for (const k of Object.keys(nonZero)) info.nonZeroRequested[k] = (info.nonZeroRequested[k] ?? 0) + nonZero[k]!
  for (const p of hostPorts(pod)) info.usedPorts.add(p)
  countAffinity(info, pod, 1)
}

interface PodAffinitySpec {
  podAffinity?: object
  podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: unknown[] }
}

function countAffinity(info: NodeInfo, pod: KubeObject, sign: number): void {
  const a = (pod.spec as { affinity?: PodAffinitySpec }).affinity
  if (!a || (!a.podAffinity && !a.podAntiAffinity)) return
  info.podsWithAffinity += sign
  if (a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.length) info.podsWithRequiredAntiAffinity += sign
}

export function removePod(info: NodeInfo, pod: KubeObject): void {
  const i = info.pods.findIndex((p) => p.metadata.uid === pod.metadata.uid)
  if (i < 0) return
  const old = info.pods[i]!
  info.pods.splice(i, 1)
  const { req, nonZero } = podRequests(old)
  for (const k of Object.keys(req)) info.requested[k] = (info.requested[k] ?? 0) - req[k]!
  for (const k of Object.keys(nonZero)) info.nonZeroRequested[k] = (info.nonZeroRequested[k] ?? 0) - nonZero[k]!
  info.usedPorts = new Set(info.pods.flatMap(hostPorts))
  countAffinity(info, old, -1)
}
