/**
 * The pod's volumes as the kubelet's volume manager sets them up before the sandbox: emptyDir
 * (fresh, shared by the pod's containers), configMap and secret (one file per key), projected
 * (the service account token, ca.crt and namespace), downwardAPI, hostPath (the node's own
 * files) and persistentVolumeClaim (files that outlive the pod, on this node as local-path
 * volumes are). A missing ConfigMap or Secret fails the mount with the kubelet's message.
 */

import type { KubeObject } from '../../api/types'
import { fnv32a } from '../../machinery/hash'
import { decodeBase64, encodeBase64 } from '../../machinery/base64'
import { newVolume, type VolumeData } from './fs/filesystem'
import type { EnvSource } from './env'

interface KeyToPath {
  key: string
  path: string
}

interface VolumeSpec {
  name: string
  emptyDir?: object
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean }
  secret?: { secretName?: string; items?: KeyToPath[]; optional?: boolean }
  projected?: { sources?: ProjectedSource[] }
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string } }[] }
  hostPath?: { path: string }
  persistentVolumeClaim?: { claimName: string }
}

interface ProjectedSource {
  serviceAccountToken?: { path: string; expirationSeconds?: number; audience?: string }
  configMap?: { name?: string; items?: KeyToPath[]; optional?: boolean }
  secret?: { name?: string; items?: KeyToPath[]; optional?: boolean }
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string } }[] }
}

export class MountError extends Error {
  constructor(
    readonly volume: string,
    message: string,
  ) {
    super(message)
  }
}

/** Node-level storage that volumes other than emptyDir come from: plain data, saved with the world. */
export interface NodeStorage {
  hostPaths: Record<string, VolumeData>
  claims: Record<string, VolumeData>
}

function keyFiles(values: Record<string, string>, items: KeyToPath[] | undefined, kind: string): Record<string, string> {
  if (!items?.length) return { ...values }
  const files: Record<string, string> = {}
  for (const it of items) {
    if (!(it.key in values)) throw new Error(`${kind} references non-existent config key: ${it.key}`)
    files[it.path] = values[it.key]!
  }
  return files
}

function objectData(obj: KubeObject, secret: boolean): Record<string, string> {
  const o = obj as unknown as { data?: Record<string, string>; binaryData?: Record<string, string> }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(o.data ?? {})) out[k] = secret ? decodeBase64(v) : v
  for (const [k, v] of Object.entries(o.binaryData ?? {})) out[k] = decodeBase64(v)
  return out
}

function downward(pod: KubeObject, items: { path: string; fieldRef?: { fieldPath: string } }[]): Record<string, string> {
  const files: Record<string, string> = {}
  const kv = (m: Record<string, string> | undefined) =>
    Object.entries(m ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}="${v}"`)
      .join('\n')
  for (const it of items) {
    const f = it.fieldRef?.fieldPath
    files[it.path] =
      f === 'metadata.labels' ? kv(pod.metadata.labels) : f === 'metadata.annotations' ? kv(pod.metadata.annotations) : f === 'metadata.name' ? pod.metadata.name! : f === 'metadata.namespace' ? pod.metadata.namespace! : f === 'metadata.uid' ? pod.metadata.uid! : ''
  }
  return files
}

/** A JWT-shaped bound token: what a learner decodes matches a real one's claims. */
export function serviceAccountToken(pod: KubeObject, nodeName: string, now: number, expirationSeconds = 3607): string {
  const iat = Math.floor(now / 1000)
  const ns = pod.metadata.namespace!
  const sa = (pod.spec as { serviceAccountName?: string }).serviceAccountName ?? 'default'
  const iss = 'https://kubernetes.default.svc.cluster.local'
  const header = { alg: 'RS256', kid: fnv32a(`kid/${ns}`).toString(16) }
  const claims = {
    aud: [iss],
    exp: iat + expirationSeconds,
    iat,
    iss,
    jti: `${fnv32a(`${pod.metadata.uid}/jti`).toString(16)}-${iat}`,
    'kubernetes.io': { namespace: ns, node: { name: nodeName }, pod: { name: pod.metadata.name, uid: pod.metadata.uid }, serviceaccount: { name: sa } },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${sa}`,
  }
  let sig = ''
  for (let k = 0; sig.length < 342; k++) sig += fnv32a(`${pod.metadata.uid}/${k}`).toString(36)
  return `${encodeBase64(JSON.stringify(header), true)}.${encodeBase64(JSON.stringify(claims), true)}.${sig.slice(0, 342)}`
}

export function buildVolumes(pod: KubeObject, source: EnvSource, storage: NodeStorage, nodeName: string, now: number): Record<string, VolumeData> {
  const ns = pod.metadata.namespace ?? 'default'
  const volumes: Record<string, VolumeData> = {}
  const fromObject = (vol: string, resource: 'configmaps' | 'secrets', name: string, items: KeyToPath[] | undefined, optional: boolean | undefined) => {
    const obj = source.peek(resource, ns, name)
    const kind = resource === 'configmaps' ? 'configmap' : 'secret'
    if (!obj) {
      if (optional) return {}
      throw new MountError(vol, `${kind} "${name}" not found`)
    }
    try {
      return keyFiles(objectData(obj, resource === 'secrets'), items, kind)
    } catch (e) {
      throw new MountError(vol, (e as Error).message)
    }
  }
  for (const v of ((pod.spec as { volumes?: VolumeSpec[] }).volumes ?? [])) {
    if (v.configMap) volumes[v.name] = newVolume(fromObject(v.name, 'configmaps', v.configMap.name ?? '', v.configMap.items, v.configMap.optional), now)
    else if (v.secret) volumes[v.name] = newVolume(fromObject(v.name, 'secrets', v.secret.secretName ?? '', v.secret.items, v.secret.optional), now)
    else if (v.downwardAPI) volumes[v.name] = newVolume(downward(pod, v.downwardAPI.items ?? []), now)
    else if (v.projected) {
      let files: Record<string, string> = {}
      for (const s of v.projected.sources ?? []) {
        if (s.serviceAccountToken) files[s.serviceAccountToken.path] = serviceAccountToken(pod, nodeName, now, s.serviceAccountToken.expirationSeconds)
        if (s.configMap) files = { ...files, ...fromObject(v.name, 'configmaps', s.configMap.name ?? '', s.configMap.items, s.configMap.optional) }
        if (s.secret) files = { ...files, ...fromObject(v.name, 'secrets', s.secret.name ?? '', s.secret.items, s.secret.optional) }
        if (s.downwardAPI) files = { ...files, ...downward(pod, s.downwardAPI.items ?? []) }
      }
      volumes[v.name] = newVolume(files, now)
    } else if (v.hostPath) volumes[v.name] = storage.hostPaths[v.hostPath.path] ??= newVolume({}, now)
    else if (v.persistentVolumeClaim) volumes[v.name] = storage.claims[`${ns}/${v.persistentVolumeClaim.claimName}`] ??= newVolume({}, now)
    else volumes[v.name] = newVolume({}, now)
  }
  for (const v of ((pod.spec as { volumes?: VolumeSpec[] }).volumes ?? [])) {
    if (v.configMap || v.secret || v.downwardAPI || v.projected) volumes[v.name]!.readOnly = true
  }
  return volumes
}
