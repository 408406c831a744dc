/**
 * OpenAPI documents, built from the resource table: per group/version, every resource's
 * paths with their operations, each tagged with x-kubernetes-group-version-kind and
 * x-kubernetes-action, the PATCH ones listing the fieldValidation parameter (which tells
 * kubectl to leave validation to the server), and the kinds' component schemas
 * (openapi-schemas.ts: upstream's, with descriptions, once the documentation is loaded).
 */

import type { ResourceType } from '../../api/resources'
import { apiDocs } from '../../api/schema/docs'
import type { ResourceRegistry } from '../registry'
import { servedGroupVersions } from './discovery'
import { componentSchemas, schemaName } from './openapi-schemas'

const gvPath = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`)

/** A stable short hash of a document, for the serverRelativeURL cache busting upstream does. */
function hashOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16).toUpperCase().padStart(8, '0')
}

const queryParam = (name: string, type = 'string') => ({ name, in: 'query', schema: { type, uniqueItems: true } })

function operations(t: ResourceType, version: string, item: boolean): Record<string, unknown> {
  const gvk = { group: t.group, version, kind: t.kind }
  const ref = { $ref: `#/components/schemas/${schemaName(t, version)}` }
  const op = (action: string, params: unknown[] = []) => ({
    operationId: `${action}${t.kind}`,
    parameters: params,
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
  })
  const write = [queryParam('dryRun'), queryParam('fieldManager'), queryParam('fieldValidation')]
  if (!item) return { get: op('list'), post: op('post', write), delete: op('deletecollection') }
  return {
    get: op('get'),
    put: op('put', write),
    patch: { ...op('patch', [...write, queryParam('force', 'boolean')]), requestBody: { content: { 'application/json-patch+json': { schema: { type: 'object' } }, 'application/merge-patch+json': { schema: { type: 'object' } }, 'application/apply-patch+yaml': { schema: { type: 'object' } } } } },
    delete: op('delete', [queryParam('dryRun')]),
  }
}

export function openAPIV3Doc(registry: ResourceRegistry, group: string, version: string): unknown | undefined {
  const g = servedGroupVersions(registry).find((x) => x.group === group)
  const v = g?.versions.find((x) => x.version === version)
  if (!v) return undefined
  const paths: Record<string, unknown> = {}
  for (const t of v.resources) {
    const base = `/${gvPath(group, version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`
    paths[base] = operations(t, version, false)
    paths[`${base}/{name}`] = operations(t, version, true)
  }
  const schemas = componentSchemas(v.resources, version)
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.31.9' }, paths, components: { schemas } }
}

// The root lists every document's hash; a document only changes with the kinds served (CRDs)
// and the documentation being loaded, so hashes are remembered by those.
const hashes = new Map<string, string>()

function documentHash(registry: ResourceRegistry, group: string, resources: readonly ResourceType[], version: string): string {
  const key = `${group}/${version}|${resources.map((t) => `${t.plural}.${t.kind}.${t.namespaced}`).join(',')}|${apiDocs() ? 'docs' : 'bare'}`
  let h = hashes.get(key)
  if (!h) hashes.set(key, (h = hashOf(JSON.stringify(openAPIV3Doc(registry, group, version)))))
  return h
}

/** /openapi/v3: where each group/version's document lives. */
export function openAPIV3Root(registry: ResourceRegistry): unknown {
  const paths: Record<string, { serverRelativeURL: string }> = {}
  for (const g of servedGroupVersions(registry)) {
    for (const v of g.versions) {
      const p = gvPath(g.group, v.version)
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${documentHash(registry, g.group, v.resources, v.version)}` }
    }
  }
  return { paths }
}

/** /openapi/v2 in JSON: the same kinds as definitions, no paths. */
export function openAPIV2Doc(registry: ResourceRegistry): unknown {
  const definitions: Record<string, unknown> = {}
  for (const g of servedGroupVersions(registry)) {
    for (const v of g.versions) {
      for (const t of v.resources) {
        definitions[schemaName(t, v.version)] = { type: 'object', 'x-kubernetes-group-version-kind': [{ group: t.group, version: v.version, kind: t.kind }] }
      }
    }
  }
  return { swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.31.9' }, paths: {}, definitions }
}
