/**
 * OpenAPI documents. No npm package ships the Kubernetes 1.31 OpenAPI spec, so these are
 * minimal but correct documents built from the resource table: per group/version, every
 * resource's paths with their operations, each tagged with x-kubernetes-group-version-kind
 * and x-kubernetes-action, the PATCH ones listing the fieldValidation parameter (which tells
 * kubectl to leave validation to the server), and an open object schema per kind.
 */

import type { ResourceType } from '../../api/resources'
import type { ResourceRegistry } from '../registry'
import { servedGroupVersions } from './discovery'

const gvPath = (group: string, version: string) => (group ? `apis/${group}/${version}` : `api/${version}`)

/** A stable short hash of a document, for the serverRelativeURL cache busting upstream does. */
function hashOf(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h.toString(16).toUpperCase().padStart(8, '0')
}

function schemaName(t: ResourceType, version: string): string {
  const g = t.group ? t.group.split('.').reverse().join('.') : 'core'
  return `io.k8s.api.${g}.${version}.${t.kind}`
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
  const schemas: Record<string, unknown> = {}
  for (const t of v.resources) {
    const base = `/${gvPath(group, version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.plural}`
    paths[base] = operations(t, version, false)
    paths[`${base}/{name}`] = operations(t, version, true)
    schemas[schemaName(t, version)] = {
      type: 'object',
      description: `${t.kind} (schema not published by this playground)`,
      'x-kubernetes-group-version-kind': [{ group: t.group, version, kind: t.kind }],
    }
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.31.9' }, paths, components: { schemas } }
}

/** /openapi/v3: where each group/version's document lives. */
export function openAPIV3Root(registry: ResourceRegistry): unknown {
  const paths: Record<string, { serverRelativeURL: string }> = {}
  for (const g of servedGroupVersions(registry)) {
    for (const v of g.versions) {
      const p = gvPath(g.group, v.version)
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(JSON.stringify(openAPIV3Doc(registry, g.group, v.version)))}` }
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
