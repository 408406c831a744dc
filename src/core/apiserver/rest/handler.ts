/**
 * The API server's HTTP face as one function: routes a request to discovery, /version,
 * OpenAPI or a resource verb, and turns every failure into a Status body with upstream's
 * code, as the apiserver's handler chain does.
 */

import { isStatusError, newInternalError, newMethodNotAllowed } from '../../machinery/errors'
import type { APIServer } from '../server'
import type { Clock } from '../../sim/clock'
import { aggregatedDiscovery, AGGREGATED_DISCOVERY_TYPE, apiGroup, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION, servedGroupVersions } from './discovery'
import { MAX_REQUEST_BODY_BYTES, newNotAcceptable, newPathNotFound, newRequestEntityTooLarge } from './errors'
import { openAPIV2Doc, openAPIV3Doc, openAPIV3Root } from './openapi'
import { parseApiPath } from './paths'
import { handleResource } from './resource'
import { handlePodLog } from './log'
import { handleMetrics, METRICS_GROUP } from './metrics'
import type { MetricsAPI } from '../../metrics/types'
import { handlePodExec, type KubeletExecClient } from './exec'
import { handleReview, isReview, requestUser, requestVerb } from './reviews'
import { authorizeRequest } from '../authorization/scoped'
import { checkAccept } from './table'
import { jsonResponse, parseQuery, utf8Length, type RestRequest, type RestResponse } from './types'

export type { RestRequest, RestResponse, RestStream } from './types'

export interface RestHandler {
  handle(req: RestRequest): RestResponse
}

/** Whether the client asked for aggregated discovery (apidiscovery.k8s.io v2 or v2beta1). */
function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && accept.split(',').some((p) => p.includes('as=APIGroupDiscoveryList') && p.includes('g=apidiscovery.k8s.io') && /v=v2(;|$)/.test(p.replace(/\s/g, '')))
}

/** What the API server reaches beyond its store: kubelets (logs, exec) and metrics-server (top). */
export interface NodeBackends {
  kubelet?(node: string): KubeletExecClient | undefined
  /** metrics-server behind the metrics.k8s.io APIService. */
  metrics?: MetricsAPI
}

export function createRestHandler(api: APIServer, clock: Clock, backends: NodeBackends = {}): RestHandler {
  const ctx = { api, clock }
  const kubelet = (node: string) => backends.kubelet?.(node)
  const route = (req: RestRequest): RestResponse => {
    if (req.body && utf8Length(req.body) > MAX_REQUEST_BODY_BYTES) throw newRequestEntityTooLarge()
    const method = req.method.toUpperCase()
    const accept = req.headers.accept
    const path = req.path.replace(/\/+$/, '') || '/'
    const readOnly = () => {
      if (method !== 'GET' && method !== 'HEAD') throw newMethodNotAllowed()
    }
    if (path === '/version') return readOnly(), jsonResponse(200, SERVER_VERSION)
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return readOnly(), { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' }
    if (path === '/openapi/v2') {
      readOnly()
      // kubectl asks for the protobuf form first; we only speak JSON (it then does without).
      if (accept && !accept.split(',').some((a) => a.trim().startsWith('application/json'))) throw newNotAcceptable()
      return jsonResponse(200, openAPIV2Doc(api.registry))
    }
    if (path === '/openapi/v3') return readOnly(), jsonResponse(200, openAPIV3Root(api.registry))
    const v3 = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))$/.exec(path)
    if (v3) {
      readOnly()
      const doc = v3[1] ? openAPIV3Doc(api.registry, '', v3[1]) : openAPIV3Doc(api.registry, v3[2]!, v3[3]!)
      if (!doc) throw newPathNotFound()
      return jsonResponse(200, doc)
    }
    const parsed = parseApiPath(path)
    const q = parseQuery(req.query)
    switch (parsed.kind) {
      case 'legacyRoot':
        readOnly()
        return wantsAggregated(accept) ? jsonResponse(200, aggregatedDiscovery(api.registry, true), AGGREGATED_DISCOVERY_TYPE) : jsonResponse(200, apiVersions())
      case 'groupsRoot':
        readOnly()
        return wantsAggregated(accept) ? jsonResponse(200, aggregatedDiscovery(api.registry, false), AGGREGATED_DISCOVERY_TYPE) : jsonResponse(200, apiGroupList(api.registry))
      case 'group': {
        readOnly()
        const g = servedGroupVersions(api.registry).find((x) => x.group === parsed.group && x.group !== '')
        if (!g) throw newPathNotFound()
        return jsonResponse(200, { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(g.group, g.versions.map((v) => v.version)).body })
      }
      case 'groupVersion': {
        readOnly()
        const list = apiResourceList(api.registry, parsed.group, parsed.version)
        if (!list) throw newPathNotFound()
        return jsonResponse(200, list)
      }
      case 'resource': {
        const p = parsed.info
        if (p.group === METRICS_GROUP) {
          checkAccept(accept)
          const m = handleMetrics(api, backends.metrics, clock.now(), method, p, q)
          if (!m) throw newPathNotFound()
          return m
        }
        const t = api.registry.forGroupResource(p.group, p.resource)
        const served = t && (t.version === p.version || t.alsoServedAs?.includes(p.version))
        if (!t || !served || (p.namespace && !t.namespaced) || (p.subresource && !t.subresources.includes(p.subresource))) throw newPathNotFound()
        checkAccept(accept)
        const user = requestUser(api, req.headers)
        if (isReview(t)) return handleReview(api, req, t, user)
        // WithAuthorization: the request as a whole, subresource included, before any handler.
        const watch = q.get('watch') === 'true' || q.get('watch') === '1'
        const verb = requestVerb(method, !!p.name, watch)
        authorizeRequest(api, { user, verb, resourceRequest: true, apiGroup: t.group, resource: t.plural, subresource: p.subresource, namespace: p.namespace, name: p.name })
        if (p.subresource === 'exec' && t.plural === 'pods' && !t.group) return handlePodExec(api, kubelet, req.query, q, p.namespace ?? 'default', p.name!)
        if (p.subresource === 'log' && t.plural === 'pods' && !t.group) return handlePodLog(api, clock.now(), kubelet, method, q, p.namespace ?? 'default', p.name!)
        return handleResource(ctx, req, q, t, p)
      }
      default:
        throw newPathNotFound()
    }
  }
  return {
    handle(req) {
      try {
        return route(req)
      } catch (e) {
        if (isStatusError(e)) {
          const res = jsonResponse(e.code, e.status)
          // ErrorNegotiated: a suggested wait becomes Retry-After (client-go then retries by itself).
          const retry = e.status.details?.retryAfterSeconds
          if (retry) res.headers['Retry-After'] = String(retry)
          return res
        }
        const err = newInternalError(e instanceof Error ? e.message : String(e))
        return jsonResponse(500, err.status)
      }
    },
  }
}
