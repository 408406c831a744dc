/**
 * One probe attempt, as the kubelet's prober runs it (pkg/kubelet/prober): exec through the
 * container runtime, httpGet and tcpSocket against what listens in the pod's network
 * namespace (grpc is treated as a TCP connect). Messages are upstream's texts.
 */

import type { ContainerRuntime } from '../runtime/runtime'

export interface ProbeSpec {
  exec?: { command?: string[] }
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string }
  tcpSocket?: { port: number | string; host?: string }
  grpc?: { port: number; service?: string }
  initialDelaySeconds?: number
  periodSeconds?: number
  timeoutSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

export interface ProbeTarget {
  runtime: ContainerRuntime
  containerID: string
  podUID: string
  podIP: string
  ports: { name?: string; containerPort?: number }[]
}

export interface ProbeResult {
  ok: boolean
  output: string
}

/** A named port resolves through the container's ports (findPortByName). */
function resolvePort(port: number | string, t: ProbeTarget): number | undefined {
  if (typeof port === 'number') return port
  if (/^\d+$/.test(port)) return Number(port)
  return t.ports.find((p) => p.name === port)?.containerPort
}

export function runProbe(p: ProbeSpec, t: ProbeTarget): ProbeResult {
  const timeoutMs = (p.timeoutSeconds ?? 1) * 1000
  if (p.exec) {
    const argv = p.exec.command ?? []
    const r = t.runtime.probe(t.containerID, argv, timeoutMs)
    if (!r) return { ok: false, output: 'container not running' }
    if (r.timedOut) return { ok: false, output: `command ${JSON.stringify(argv.join(' '))} timed out` }
    return { ok: r.exitCode === 0, output: r.output }
  }
  if (p.httpGet) {
    const port = resolvePort(p.httpGet.port, t)
    const host = p.httpGet.host || t.podIP
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase()
    let path = p.httpGet.path ?? '/'
    if (!path.startsWith('/')) path = `/${path}`
    const url = `${scheme}://${host}:${port ?? p.httpGet.port}${path}`
    if (port === undefined) return { ok: false, output: `unable to find port "${p.httpGet.port}"` }
    const answer = t.runtime.httpAnswer(t.podUID, port, path)
    if (!answer) return { ok: false, output: `Get ${JSON.stringify(url)}: dial tcp ${host}:${port}: connect: connection refused` }
    if (answer.status >= 200 && answer.status < 400) return { ok: true, output: '' }
    return { ok: false, output: `HTTP probe failed with statuscode: ${answer.status}` }
  }
  const tcp = p.tcpSocket ?? (p.grpc ? { port: p.grpc.port, host: undefined } : undefined)
  if (tcp) {
    const port = resolvePort(tcp.port, t)
    const host = tcp.host || t.podIP
    if (port === undefined) return { ok: false, output: `unable to find port "${tcp.port}"` }
    if (t.runtime.listening(t.podUID, port)) return { ok: true, output: '' }
    if (p.grpc) return { ok: false, output: `timeout: failed to connect service "${host}:${port}" within ${p.timeoutSeconds ?? 1}s: context deadline exceeded` }
    return { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` }
  }
  return { ok: true, output: '' }
}
