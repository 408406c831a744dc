/** Service defaulting and address allocation (pkg/registry/core/service). */

/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks free-form manifests */

export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/12'
export const SERVICE_NODE_PORT_RANGE = { min: 30000, max: 32767 }
/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
export const DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS = 10800

export function defaultService(svc: any): void {
  svc.spec ??= {}
  const s = svc.spec
  s.type ??= 'ClusterIP'
  s.sessionAffinity ??= 'None'
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig
  if (s.sessionAffinity === 'ClientIP') {
    s.sessionAffinityConfig ??= {}
    s.sessionAffinityConfig.clientIP ??= {}
    s.sessionAffinityConfig.clientIP.timeoutSeconds ??= DEFAULT_CLIENT_IP_SERVICE_AFFINITY_SECONDS
  }
  if (s.type !== 'ExternalName') {
    // Headless Services without a selector get every family the cluster has (alloc.go).
    const headlessSelectorless = s.clusterIP === 'None' && !(s.selector && Object.keys(s.selector).length)
    s.ipFamilyPolicy ??= headlessSelectorless ? 'RequireDualStack' : 'SingleStack'
    s.ipFamilies ??= ['IPv4']
    s.internalTrafficPolicy ??= 'Cluster'
  }
  if (s.type === 'NodePort' || s.type === 'LoadBalancer') s.externalTrafficPolicy ??= 'Cluster'
  if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true
  for (const p of Array.isArray(s.ports) ? s.ports : []) {
    if (!p || typeof p !== 'object') continue
    p.protocol ??= 'TCP'
    p.targetPort ??= p.port
  }
  svc.status ??= { loadBalancer: {} }
}

/** 10.96.0.0/12 as integers; the first usable address is 10.96.0.1 (the kubernetes Service). */
const BASE = (10 << 24) | (96 << 16)
const SIZE = 1 << 20

export function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

export function ipToInt(ip: string): number {
  const p = ip.split('.').map((x) => parseInt(x, 10))
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0
}

export function inServiceRange(ip: string): boolean {
  const n = ipToInt(ip)
  return n >= BASE >>> 0 && n < (BASE >>> 0) + SIZE
}

/**
 * Picks a free cluster IP at random (as the allocator's bitmap does, seeded here). The upper
 * part of the range is tried first for dynamic allocation, as upstream's range split does.
 */
export function allocateClusterIP(used: Set<string>, pick: (n: number) => number): string {
  const offset = Math.min(Math.max(16, SIZE / 16), 256)
  for (let tries = 0; tries < 1000; tries++) {
    const n = (BASE >>> 0) + offset + pick(SIZE - offset - 1)
    const ip = ipToString(n)
    if (!used.has(ip)) return ip
  }
  for (let n = (BASE >>> 0) + 1; n < (BASE >>> 0) + SIZE - 1; n++) {
    const ip = ipToString(n)
    if (!used.has(ip)) return ip
  }
  throw new Error('range is full')
}

export function allocateNodePort(used: Set<number>, pick: (n: number) => number): number {
  const span = SERVICE_NODE_PORT_RANGE.max - SERVICE_NODE_PORT_RANGE.min + 1
  for (let tries = 0; tries < 1000; tries++) {
    const p = SERVICE_NODE_PORT_RANGE.min + pick(span)
    if (!used.has(p)) return p
  }
  for (let p = SERVICE_NODE_PORT_RANGE.min; p <= SERVICE_NODE_PORT_RANGE.max; p++) if (!used.has(p)) return p
  throw new Error('range is full')
}
