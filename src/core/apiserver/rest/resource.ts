/**
 * The verbs on a resource path: get, list, watch, create, update, patch, delete and
 * deletecollection, and the status, scale and binding subresources, each mapped onto the
 * APIServer's typed methods as upstream's generic handlers map them onto a registry store.
 */

import type { ResourceType } from '../../api/resources'
import { storageKey } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { newBadRequest, newMethodNotAllowed } from '../../machinery/errors'
import { ADMIN_USER, type APIServer, type WriteOptions } from '../server'
import type { Clock } from '../../sim/clock'
import type { PrintContext } from '../printers'
import type { PropagationPolicy } from '../delete'
import type { FieldValidation } from '../decode-request'
import { decodeObject, parseJSONBody } from './decode'
import { fromRequestVersion, toRequestVersion } from './hpa-v1'
import { managerFromUserAgent } from '../managed-fields/track'
import { patchResource } from './patch'
import type { ResourcePath } from './paths'
import { fromScale, toScale } from './scale'
import { parseIncludeObject, toTable, wantsTable } from './table'
import { jsonResponse, type RestRequest, type RestResponse } from './types'
import { watchStream } from './watch'

export interface RestContext {
  api: APIServer
  clock: Clock
}

export function printContext(ctx: RestContext): PrintContext {
  return {
    now: ctx.clock.now(),
    lookup: (group, plural, ns, name) => {
      const t = ctx.api.registry.forGroupResource(group, plural)
      return t ? ctx.api.peek(t, ns, name) : undefined
    },
  }
}

/** Built-in kinds answer lists without each item's apiVersion and kind, as upstream's JSON does. */
function listItem(o: KubeObject): Omit<KubeObject, 'apiVersion' | 'kind'> {
  const { apiVersion: _a, kind: _k, ...rest } = o
  void _a
  void _k
  return rest
}

/** The fieldValidation directive; upstream's default for a request that names none is Warn. */
function fieldValidation(q: Map<string, string>): FieldValidation {
  const v = q.get('fieldValidation')
  return v === 'Strict' || v === 'Ignore' ? v : 'Warn'
}

function writeOptions(q: Map<string, string>, req: RestRequest): WriteOptions {
  // A request that names no fieldManager is managed under its User-Agent's prefix.
  const fieldManager = q.get('fieldManager') ?? managerFromUserAgent(req.headers['user-agent'])
  return { dryRun: q.get('dryRun') === 'All', fieldManager, user: ADMIN_USER, fieldValidation: fieldValidation(q) }
}

export function handleResource(ctx: RestContext, req: RestRequest, q: Map<string, string>, t: ResourceType, p: ResourcePath): RestResponse {
  const { api } = ctx
  const gv = t.group ? `${t.group}/${p.version}` : p.version
  const ns = t.namespaced ? p.namespace : undefined
  const method = req.method.toUpperCase()
  const table = wantsTable(req.headers.accept)
  const sub = p.subresource
  // Kinds served in more than one version answer in the version of the request's path.
  const inVersion = (o: KubeObject) => toRequestVersion(t, p.version, o)

  if (!p.name) {
    if (method === 'GET') {
      const opts = { namespace: ns, labelSelector: q.get('labelSelector') ?? '', fieldSelector: q.get('fieldSelector') ?? '' }
      if (q.get('watch') === 'true' || q.get('watch') === '1') {
        const timeout = q.get('timeoutSeconds')
        const stream = watchStream(api, ctx.clock, t, {
          ...opts,
          resourceVersion: q.get('resourceVersion'),
          timeoutSeconds: timeout ? parseInt(timeout, 10) : undefined,
          allowWatchBookmarks: q.get('allowWatchBookmarks') === 'true',
          sendInitialEvents: q.get('sendInitialEvents') === 'true',
          table: table ? { include: parseIncludeObject(q.get('includeObject')), print: () => printContext(ctx) } : undefined,
        })
        return { status: 200, headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, stream }
      }
      const list = api.list(t, opts)
      if (table) return jsonResponse(200, toTable(t, list.items, printContext(ctx), list.resourceVersion, parseIncludeObject(q.get('includeObject'))))
      return jsonResponse(200, { kind: `${t.kind}List`, apiVersion: gv, metadata: { resourceVersion: list.resourceVersion }, items: list.items.map((o) => listItem(inVersion(o))) })
    }
    if (method === 'POST') {
      const obj = fromRequestVersion(t, p.version, decodeObject(t, p.version, req.body, ns))
      return jsonResponse(201, inVersion(api.create(t, obj, { ...writeOptions(q, req), namespace: ns })))
    }
    if (method === 'DELETE' && t.verbs.includes('deletecollection')) {
      const list = api.list(t, { namespace: ns, labelSelector: q.get('labelSelector') ?? '', fieldSelector: q.get('fieldSelector') ?? '' })
      const opts = deleteOptions(req, q)
      const items = list.items.map((o) => api.delete(t, o.metadata.namespace, o.metadata.name!, opts))
      return jsonResponse(200, { kind: `${t.kind}List`, apiVersion: gv, metadata: { resourceVersion: String(api.store.revision()) }, items: items.map(listItem) })
    }
    throw newMethodNotAllowed()
  }

  const name = p.name
  const current = () => api.get(t, ns, name)
  if (sub === 'scale') {
    if (method === 'GET') return jsonResponse(200, toScale(current()))
    if (method === 'PUT') {
      const scale = parseJSONBody(req.body) as KubeObject
      return jsonResponse(200, toScale(api.update(t, fromScale(t, current(), scale), { ...writeOptions(q, req), subresource: 'scale' })))
    }
  }
  if (sub === 'binding' && method === 'POST') {
    const binding = parseJSONBody(req.body) as { target?: { name?: string } }
    api.bind(ns ?? 'default', name, binding.target?.name ?? '')
    return jsonResponse(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
  }
  if (sub === 'eviction' && method === 'POST') {
    // policy/v1 (or v1beta1) Eviction: its deleteOptions, with the request's dryRun.
    const eviction = parseJSONBody(req.body) as { metadata?: { name?: string }; deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } } }
    if (eviction.metadata?.name !== undefined && eviction.metadata.name !== name) throw newBadRequest('name in URL does not match name in Eviction object')
    const d = eviction.deleteOptions ?? {}
    const dryRun = (d.dryRun ?? []).includes('All') || q.get('dryRun') === 'All'
    api.evict(ns ?? 'default', name, { gracePeriodSeconds: d.gracePeriodSeconds, preconditions: d.preconditions, dryRun, user: ADMIN_USER })
    return jsonResponse(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
  }
  switch (method) {
    case 'GET': {
      const obj = current()
      if (table && !sub) return jsonResponse(200, toTable(t, [obj], printContext(ctx), obj.metadata.resourceVersion ?? '', parseIncludeObject(q.get('includeObject'))))
      return jsonResponse(200, inVersion(obj))
    }
    case 'PUT': {
      const obj = fromRequestVersion(t, p.version, decodeObject(t, p.version, req.body, ns, name))
      return jsonResponse(200, inVersion(api.update(t, obj, { ...writeOptions(q, req), subresource: sub === 'status' ? 'status' : undefined })))
    }
    case 'PATCH':
      return patchResource(ctx, req, t, p, { ...writeOptions(q, req), force: q.get('force') === 'true' })
    case 'DELETE': {
      if (sub) break
      const before = current()
      const obj = api.delete(t, ns, name, deleteOptions(req, q))
      if (api.store.get(storageKey(t), `${ns ? `${ns}/` : ''}${name}`) || (t.plural === 'pods' && !t.group)) return jsonResponse(200, obj)
      return jsonResponse(200, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: { name, group: t.group, kind: t.plural, uid: before.metadata.uid },
      })
    }
  }
  throw newMethodNotAllowed()
}

function deleteOptions(req: RestRequest, q: Map<string, string>): WriteOptions & { gracePeriodSeconds?: number; propagationPolicy?: PropagationPolicy; preconditions?: { uid?: string; resourceVersion?: string } } {
  const body = req.body?.trim() ? (parseJSONBody(req.body) as Record<string, unknown>) : {}
  const grace = body.gracePeriodSeconds ?? (q.has('gracePeriodSeconds') ? parseInt(q.get('gracePeriodSeconds')!, 10) : undefined)
  const dry = Array.isArray(body.dryRun) ? body.dryRun.includes('All') : q.get('dryRun') === 'All'
  return {
    gracePeriodSeconds: typeof grace === 'number' ? grace : undefined,
    propagationPolicy: (body.propagationPolicy ?? q.get('propagationPolicy')) as PropagationPolicy | undefined,
    preconditions: body.preconditions as { uid?: string; resourceVersion?: string } | undefined,
    dryRun: dry,
    user: ADMIN_USER,
  }
}
