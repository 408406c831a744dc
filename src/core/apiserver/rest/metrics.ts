/**
 * metrics.k8s.io/v1beta1 as metrics-server serves it through the aggregation layer (its
 * APIService): NodeMetrics and PodMetrics, get and list, with labelSelector. Usage is written
 * as metrics-server writes it: CPU in nanocores ("12000000n"), memory in Ki.
 */

import type { ResourceType } from '../../api/resources'
import { newMethodNotAllowed, newNotFound } from '../../machinery/errors'
import { parseSelector } from '../../machinery/labels'
import { rfc3339 } from '../../machinery/time'
import type { MetricsAPI } from '../../metrics/types'
import type { APIServer } from '../server'
import type { ResourcePath } from './paths'
import { jsonResponse, type RestResponse } from './types'

export const METRICS_GROUP = 'metrics.k8s.io'
export const METRICS_VERSION = 'v1beta1'
const GV = `${METRICS_GROUP}/${METRICS_VERSION}`

const metricsType = (kind: string, plural: string, namespaced: boolean): ResourceType => ({
  group: METRICS_GROUP,
  version: METRICS_VERSION,
  kind,
  plural,
  singular: '',
  shortNames: [],
  namespaced,
  verbs: ['get', 'list'],
  categories: [],
  subresources: [],
})

/** The resources metrics-server's APIService adds to discovery. */
export const METRICS_RESOURCES: ResourceType[] = [metricsType('NodeMetrics', 'nodes', false), metricsType('PodMetrics', 'pods', true)]

const usage = (cpuMilli: number, memoryBytes: number) => ({ cpu: `${Math.round(cpuMilli * 1e6)}n`, memory: `${Math.floor(memoryBytes / 1024)}Ki` })
const windowText = (ms: number) => `${ms / 1000}s`

/** GET /apis/metrics.k8s.io/v1beta1/{nodes|pods}[...]: lists and single items, NotFound as metrics-server says it. */
export function handleMetrics(api: APIServer, metrics: MetricsAPI | undefined, now: number, method: string, p: ResourcePath, q: Map<string, string>): RestResponse | undefined {
  if (p.version !== METRICS_VERSION || p.subresource || !metrics?.available()) return undefined
  const t = METRICS_RESOURCES.find((r) => r.plural === p.resource)
  if (!t || (p.namespace && !t.namespaced)) return undefined
  if (method !== 'GET') throw newMethodNotAllowed()
  const sel = q.get('labelSelector') ? parseSelector(q.get('labelSelector')!) : undefined
  const meta = { resourceVersion: '' }
  if (t.kind === 'NodeMetrics') {
    const nodeType = api.registry.forGroupResource('', 'nodes')!
    const items = metrics
      .nodeMetrics()
      .map((m) => ({ m, node: api.peek(nodeType, undefined, m.name) }))
      .filter(({ m, node }) => node && (!p.name || m.name === p.name) && (!sel || sel.matches(node.metadata.labels)))
      .sort((a, b) => (a.m.name < b.m.name ? -1 : 1))
      .map(({ m, node }) => ({
        metadata: { name: m.name, creationTimestamp: rfc3339(now), labels: node!.metadata.labels ?? {} },
        timestamp: rfc3339(m.timestamp),
        window: windowText(m.windowMs),
        usage: usage(m.cpu, m.memory),
      }))
    if (p.name) {
      if (!items.length) throw newNotFound('nodemetrics', METRICS_GROUP, p.name)
      return jsonResponse(200, { kind: 'NodeMetrics', apiVersion: GV, ...items[0] })
    }
    return jsonResponse(200, { kind: 'NodeMetricsList', apiVersion: GV, metadata: meta, items })
  }
  const items = metrics
    .podMetrics(p.namespace)
    .filter((m) => (!p.name || m.name === p.name) && (!sel || sel.matches(m.labels)))
    .sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : 1))
    .map((m) => ({
      metadata: { name: m.name, namespace: m.namespace, creationTimestamp: rfc3339(now), labels: m.labels },
      timestamp: rfc3339(m.timestamp),
      window: windowText(m.windowMs),
      containers: m.containers.map((c) => ({ name: c.name, usage: usage(c.cpu, c.memory) })),
    }))
  if (p.name) {
    // metrics-server names a missing pod by namespace/name.
    if (!items.length) throw newNotFound('podmetrics', METRICS_GROUP, `${p.namespace}/${p.name}`)
    return jsonResponse(200, { kind: 'PodMetrics', apiVersion: GV, ...items[0] })
  }
  return jsonResponse(200, { kind: 'PodMetricsList', apiVersion: GV, metadata: meta, items })
}
