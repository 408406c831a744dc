/**
 * The components.schemas of an OpenAPI v3 group/version document, named as upstream names
 * them (io.k8s.api.apps.v1.Deployment, io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta). With
 * the documentation loaded (api/schema/docs.ts) each served kind brings its full schema and
 * every schema it refers to; before that, or for kinds without one (custom resources), an
 * open object that still carries the kind's x-kubernetes-group-version-kind.
 */

import { BUILTIN_RESOURCES, type ResourceType } from '../../api/resources'
import { apiDocs, type OpenAPISchema } from '../../api/schema/docs'

const BUILTIN_GROUPS = new Set(BUILTIN_RESOURCES.map((t) => t.group))
const REF = '#/components/schemas/'

/**
 * Upstream's name for a kind's schema: its Go package path reversed into a domain
 * (k8s.io/api/networking/v1 -> io.k8s.api.networking.v1); a custom resource's comes from its
 * group reversed (stable.example.com -> com.example.stable.v1.CronTab), as the apiextensions
 * server publishes them.
 */
export function schemaName(t: Pick<ResourceType, 'group' | 'kind'>, version: string): string {
  if (t.group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}.${t.kind}`
  if (BUILTIN_GROUPS.has(t.group)) return `io.k8s.api.${t.group ? t.group.split('.')[0] : 'core'}.${version}.${t.kind}`
  return `${t.group.split('.').reverse().join('.')}.${version}.${t.kind}`
}

/** Every $ref target inside a schema. */
function refsOf(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const x of node) refsOf(x, out)
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF)) out.push(v.slice(REF.length))
      else refsOf(v, out)
    }
  }
}

const bareSchema = (t: ResourceType, version: string): OpenAPISchema => ({
  type: 'object',
  'x-kubernetes-group-version-kind': [{ group: t.group, kind: t.kind, version }],
})

/** The schemas of one group/version's kinds and everything they refer to, sorted by name. */
export function componentSchemas(resources: readonly ResourceType[], version: string): Record<string, OpenAPISchema> {
  const docs = apiDocs()?.schemas
  const found = new Map<string, OpenAPISchema>()
  const queue: string[] = []
  for (const t of resources) {
    const name = schemaName(t, version)
    const full = docs?.[name]
    if (!full) {
      found.set(name, bareSchema(t, version))
      continue
    }
    queue.push(name)
    if (docs[`${name}List`]) queue.push(`${name}List`)
  }
  while (queue.length) {
    const name = queue.pop()!
    if (found.has(name) || !docs?.[name]) continue
    found.set(name, docs[name])
    refsOf(docs[name], queue)
  }
  return Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}
