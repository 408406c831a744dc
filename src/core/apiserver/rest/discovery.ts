/**
 * Discovery documents, built from the resource table: the legacy /api, /apis, /apis/{g},
 * /api/v1 and /apis/{g}/{v} answers, and the aggregated discovery (apidiscovery.k8s.io/v2)
 * that kubectl 1.31 asks for first, so one round trip tells it every resource.
 */

import type { ResourceType } from '../../api/resources'
import type { ResourceRegistry } from '../registry'
import { KUBERNETES_BUILD } from '../../api/version'
import { METRICS_GROUP, METRICS_RESOURCES, METRICS_VERSION } from './metrics'

/** kube-apiserver's group priority: the order /apis lists groups in (and so api-resources). */
const GROUP_ORDER = [
  '', 'apiregistration.k8s.io', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch',
  'certificates.k8s.io', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'storage.k8s.io', 'admissionregistration.k8s.io',
  'apiextensions.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'node.k8s.io', 'discovery.k8s.io', 'flowcontrol.apiserver.k8s.io',
]

interface Kind {
  group: string
  version: string
  kind: string
}

/** What each subresource answers with and which verbs it takes (upstream's storage for it). */
function subresourceInfo(t: ResourceType, sub: string): { kind: Kind; verbs: string[] } {
  const self = { group: t.group, version: t.version, kind: t.kind }
  switch (sub) {
    case 'status':
    case 'ephemeralcontainers':
      return { kind: self, verbs: ['get', 'patch', 'update'] }
    case 'scale':
      return { kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] }
    case 'binding':
      return { kind: { group: '', version: 'v1', kind: 'Binding' }, verbs: ['create'] }
    case 'eviction':
      return { kind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] }
    case 'log':
      return { kind: self, verbs: ['get'] }
    case 'exec':
    case 'attach':
    case 'portforward':
      return { kind: { group: '', version: 'v1', kind: `Pod${sub === 'portforward' ? 'PortForward' : sub[0]!.toUpperCase() + sub.slice(1)}Options` }, verbs: ['create', 'get'] }
    case 'proxy':
      return { kind: { group: '', version: 'v1', kind: `${t.kind}ProxyOptions` }, verbs: ['create', 'delete', 'get', 'patch', 'update'] }
    case 'finalize':
      return { kind: self, verbs: ['update'] }
    case 'token':
      return { kind: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }, verbs: ['create'] }
    default:
      return { kind: self, verbs: ['get'] }
  }
}

/** Every group/version served, in discovery order, each with its resources sorted by name. */
export function servedGroupVersions(registry: ResourceRegistry): { group: string; versions: { version: string; resources: ResourceType[] }[] }[] {
  const groups = new Map<string, Map<string, ResourceType[]>>()
  for (const t of registry.all()) {
    let g = groups.get(t.group)
    if (!g) groups.set(t.group, (g = new Map()))
    for (const v of [t.version, ...(t.alsoServedAs ?? [])]) {
      if (!g.has(v)) g.set(v, [])
      g.get(v)!.push({ ...t, version: v })
    }
  }
  const rank = (g: string) => {
    const i = GROUP_ORDER.indexOf(g)
    return i < 0 ? GROUP_ORDER.length : i
  }
  const served = [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((group) => {
      const g = groups.get(group)!
      const preferred = registry.all().find((t) => t.group === group)!.version
      const versions = [...g.keys()].sort((a, b) => (a === preferred ? -1 : b === preferred ? 1 : a < b ? 1 : -1))
      return { group, versions: versions.map((version) => ({ version, resources: g.get(version)!.sort((a, b) => (a.plural < b.plural ? -1 : 1)) })) }
    })
  // metrics-server's APIService (groupPriorityMinimum 100) sorts after every built-in and CRD group.
  return [...served, { group: METRICS_GROUP, versions: [{ version: METRICS_VERSION, resources: METRICS_RESOURCES }] }]
}

const gv = (group: string, version: string) => (group ? `${group}/${version}` : version)

export function apiVersions(): unknown {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] }
}

export function apiGroupList(registry: ResourceRegistry): unknown {
  const groups = servedGroupVersions(registry).filter((g) => g.group !== '')
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => apiGroup(g.group, g.versions.map((v) => v.version)).body) }
}

export function apiGroup(group: string, versions: string[]): { body: Record<string, unknown> } {
  const list = versions.map((v) => ({ groupVersion: gv(group, v), version: v }))
  return { body: { name: group, versions: list, preferredVersion: list[0] } }
}

export function apiResourceList(registry: ResourceRegistry, group: string, version: string): unknown | undefined {
  const g = servedGroupVersions(registry).find((x) => x.group === group)
  const v = g?.versions.find((x) => x.version === version)
  if (!v) return undefined
  const resources: Record<string, unknown>[] = []
  for (const t of v.resources) {
    const base: Record<string, unknown> = { name: t.plural, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs }
    if (t.shortNames.length) base.shortNames = t.shortNames
    if (t.categories.length) base.categories = t.categories
    resources.push(base)
    for (const sub of [...t.subresources].sort()) {
      const info = subresourceInfo(t, sub)
      const r: Record<string, unknown> = { name: `${t.plural}/${sub}`, singularName: '', namespaced: t.namespaced }
      if (info.kind.group !== t.group || info.kind.version !== t.version) {
        r.group = info.kind.group
        r.version = info.kind.version
      }
      r.kind = info.kind.kind
      r.verbs = info.verbs
      resources.push(r)
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv(group, version), resources }
}

export const AGGREGATED_DISCOVERY_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'

/** The aggregated document for /api (legacy) or /apis (named groups). */
export function aggregatedDiscovery(registry: ResourceRegistry, legacy: boolean): unknown {
  const groups = servedGroupVersions(registry).filter((g) => (g.group === '') === legacy)
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: g.group ? { name: g.group, creationTimestamp: null } : { creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v.version,
        resources: v.resources.map((t) => {
          const r: Record<string, unknown> = {
            resource: t.plural,
            responseKind: { group: t.group, version: v.version, kind: t.kind },
            scope: t.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: t.singular,
            verbs: t.verbs,
          }
          if (t.shortNames.length) r.shortNames = t.shortNames
          if (t.categories.length) r.categories = t.categories
          if (t.subresources.length) {
            r.subresources = [...t.subresources].sort().map((sub) => {
              const info = subresourceInfo(t, sub)
              return { subresource: sub, responseKind: info.kind, verbs: info.verbs }
            })
          }
          return r
        }),
        freshness: 'Current',
      })),
    })),
  }
}

/** /version: kubeadm's control plane of the release we impersonate. */
export const SERVER_VERSION = KUBERNETES_BUILD
