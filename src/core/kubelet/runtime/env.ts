/**
 * A container's environment as the kubelet builds it (makeEnvironmentVariables): envFrom,
 * then env (literal values with $(VAR) references, ConfigMap and Secret keys, the downward
 * API), then the service-link variables of the namespace's services, over the image's own
 * variables. A missing ConfigMap or Secret stops the container with the kubelet's message.
 */

import type { KubeObject } from '../../api/types'
import { parseQuantity } from '../../machinery/quantity'
import { decodeBase64 } from '../../machinery/base64'
import { DEFAULT_PATH, type ImageProfile } from './images-known'

export interface EnvSource {
  peek(resource: 'configmaps' | 'secrets', namespace: string, name: string): KubeObject | undefined
  services(namespace: string): KubeObject[]
}

interface KeyRef {
  name?: string
  key: string
  optional?: boolean
}

interface EnvVar {
  name: string
  value?: string
  valueFrom?: {
    configMapKeyRef?: KeyRef
    secretKeyRef?: KeyRef
    fieldRef?: { fieldPath: string }
    resourceFieldRef?: { containerName?: string; resource: string; divisor?: string }
  }
}

interface EnvFromSource {
  prefix?: string
  configMapRef?: { name?: string; optional?: boolean }
  secretRef?: { name?: string; optional?: boolean }
}

export interface EnvContainer {
  name: string
  env?: EnvVar[]
  envFrom?: EnvFromSource[]
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> }
}

export class ContainerConfigError extends Error {}

/** Expands $(VAR) references the way the kubelet does: `$$` escapes, unknown names stay. */
export function expandRefs(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => (m === '$$' ? '$' : name !== undefined && name in env ? env[name]! : m))
}

function data(obj: KubeObject, secret: boolean): Record<string, string> {
  const o = obj as unknown as { data?: Record<string, string>; binaryData?: Record<string, string> }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(o.data ?? {})) out[k] = secret ? decodeBase64(v) : v
  return out
}

function fieldValue(pod: KubeObject, path: string, podIP: string | undefined, hostIP: string): string {
  const spec = pod.spec as { nodeName?: string; serviceAccountName?: string }
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path)
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]!] ?? ''
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? ''
    case 'metadata.namespace':
      return pod.metadata.namespace ?? ''
    case 'metadata.uid':
      return pod.metadata.uid ?? ''
    case 'spec.nodeName':
      return spec.nodeName ?? ''
    case 'spec.serviceAccountName':
      return spec.serviceAccountName ?? ''
    case 'status.podIP':
    case 'status.podIPs':
      return podIP ?? ''
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIP
  }
  return ''
}

function resourceValue(c: EnvContainer, ref: { resource: string; divisor?: string }, node: { cpu: number; memoryBytes: number }): string {
  const [kind, res] = ref.resource.split('.') as ['limits' | 'requests', string]
  const raw = c.resources?.[kind]?.[res] ?? (kind === 'limits' || !c.resources?.limits?.[res] ? undefined : c.resources.limits[res])
  const value = raw !== undefined ? parseQuantity(raw) : kind === 'limits' ? (res === 'cpu' ? node.cpu : node.memoryBytes) : 0
  const divisor = ref.divisor ? parseQuantity(ref.divisor) : 1
  return String(Math.ceil(value / divisor))
}

/** `WEB_SERVICE_HOST=10.96.0.12` and the docker-link style variables, per service. */
export function serviceLinkEnv(services: KubeObject[]): Record<string, string> {
  const env: Record<string, string> = {}
  const sorted = [...services].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
  for (const s of sorted) {
    const spec = s.spec as { clusterIP?: string; type?: string; ports?: { name?: string; port: number; protocol?: string }[] }
    if (!spec.clusterIP || spec.clusterIP === 'None' || spec.type === 'ExternalName') continue
    const name = s.metadata.name!.toUpperCase().replace(/-/g, '_')
    const ports = spec.ports ?? []
    if (!ports.length) continue
    env[`${name}_SERVICE_HOST`] = spec.clusterIP
    env[`${name}_SERVICE_PORT`] = String(ports[0]!.port)
    for (const p of ports) if (p.name) env[`${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port)
    const first = ports[0]!
    env[`${name}_PORT`] = `${(first.protocol ?? 'TCP').toLowerCase()}://${spec.clusterIP}:${first.port}`
    for (const p of ports) {
      const proto = (p.protocol ?? 'TCP').toLowerCase()
      const base = `${name}_PORT_${p.port}_${proto.toUpperCase()}`
      env[base] = `${proto}://${spec.clusterIP}:${p.port}`
      env[`${base}_PROTO`] = proto
      env[`${base}_PORT`] = String(p.port)
      env[`${base}_ADDR`] = spec.clusterIP
    }
  }
  return env
}

export interface EnvInputs {
  pod: KubeObject
  container: EnvContainer
  profile: ImageProfile
  hostname: string
  podIP?: string
  hostIP: string
  node: { cpu: number; memoryBytes: number }
  source: EnvSource
}

/** The environment, in the order `env` prints it; throws ContainerConfigError. */
export function containerEnv(x: EnvInputs): Record<string, string> {
  const ns = x.pod.metadata.namespace ?? 'default'
  const own: Record<string, string> = {}
  const lookup = (resource: 'configmaps' | 'secrets', ref: { name?: string; optional?: boolean }) => {
    const obj = x.source.peek(resource, ns, ref.name ?? '')
    if (!obj && !ref.optional) throw new ContainerConfigError(`${resource === 'configmaps' ? 'configmap' : 'secret'} "${ref.name ?? ''}" not found`)
    return obj && data(obj, resource === 'secrets')
  }
  for (const from of x.container.envFrom ?? []) {
    const values = from.configMapRef ? lookup('configmaps', from.configMapRef) : from.secretRef ? lookup('secrets', from.secretRef) : undefined
    for (const [k, v] of Object.entries(values ?? {})) own[`${from.prefix ?? ''}${k}`] = v
  }
  for (const e of x.container.env ?? []) {
    const vf = e.valueFrom
    if (!vf) {
      own[e.name] = expandRefs(e.value ?? '', own)
      continue
    }
    const keyRef = vf.configMapKeyRef ?? vf.secretKeyRef
    if (keyRef) {
      const resource = vf.configMapKeyRef ? 'configmaps' : 'secrets'
      const values = lookup(resource, keyRef)
      if (!values) continue
      if (!(keyRef.key in values)) {
        if (keyRef.optional) continue
        throw new ContainerConfigError(`couldn't find key ${keyRef.key} in ${resource === 'configmaps' ? 'ConfigMap' : 'Secret'} ${ns}/${keyRef.name ?? ''}`)
      }
      own[e.name] = values[keyRef.key]!
    } else if (vf.fieldRef) own[e.name] = fieldValue(x.pod, vf.fieldRef.fieldPath, x.podIP, x.hostIP)
    else if (vf.resourceFieldRef) own[e.name] = resourceValue(x.container, vf.resourceFieldRef, x.node)
  }
  const spec = x.pod.spec as { enableServiceLinks?: boolean }
  const services = x.source.services(ns)
  const links = serviceLinkEnv(spec.enableServiceLinks === false ? [] : services.filter((s) => s.metadata.name !== 'kubernetes' || ns === 'default'))
  // The master service's variables are given to every pod, in every namespace.
  const master = serviceLinkEnv(x.source.services('default').filter((s) => s.metadata.name === 'kubernetes'))
  const env: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: x.hostname, ...(x.profile.env ?? {}) }
  for (const [k, v] of Object.entries({ ...links, ...master })) if (!(k in own)) env[k] = v
  Object.assign(env, own)
  if (!('HOME' in env)) env.HOME = '/root'
  return env
}
