#!/usr/bin/env node
// Regenerates src/core/api/schema/api-docs.json: the OpenAPI v3 component schemas, named as
// upstream names them (io.k8s.api.apps.v1.Deployment, io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta),
// that the API server publishes under /openapi/v3 and `kubectl explain` reads: per struct its
// description, its fields with their types, formats and descriptions, and which are required.
// Source: kubernetes-types 1.30, whose JSDoc carries upstream's field descriptions, read with
// ts-json-schema-generator (--jsDoc extended), one run per group/version as gen-api-schema.mjs;
// enums, which kubernetes-types drops, from kubernetes-models (k8s-schema/enums.mjs).
// The JSON is large, so the engine loads it lazily (docs/adr/0005-openapi-explain.md).
// Run rarely (`npm run gen:api-docs`) and commit the JSON; the generator is fetched by npx.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MODELS, readEnums } from './k8s-schema/enums.mjs'
import { BYTES, GENERATOR, isInt64, MODULES, ownerOf, root, TYPES } from './k8s-schema/modules.mjs'

const out = join(root, 'src/core/api/schema/api-docs.json')
const REF = '#/components/schemas/'

// Upstream's Go package path of each kubernetes-types module, which prefixes schema names.
function packageOf(mod) {
  if (mod === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1'
  if (mod === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource'
  if (mod === 'runtime') return 'io.k8s.apimachinery.pkg.runtime'
  if (mod === 'apiextensions/v1') return 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1'
  return `io.k8s.api.${mod.replace('/', '.')}`
}
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'
// kubernetes-types inlines IntOrString as `number | string`, losing the type's own text.
const INT_OR_STRING_SCHEMA = {
  description:
    'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
  format: 'int-or-string',
  oneOf: [{ type: 'integer' }, { type: 'string' }],
}
// Go float64 fields (kubernetes-types writes them as `number` like the integers).
const FLOATS = new Set(['JSONSchemaProps.maximum', 'JSONSchemaProps.minimum', 'JSONSchemaProps.multipleOf'])

const nameOf = (name, mod) => `${packageOf(ownerOf(name, mod))}.${name}`
const withDescription = (schema, description) => (description ? { description, ...schema } : schema)

/** One property or item schema in upstream's v3 shape (refs wrapped in allOf when annotated). */
function convert(node, struct, field, mod, nested = false) {
  const description = nested ? undefined : node.description
  if (node.$ref) {
    const ref = { $ref: REF + nameOf(decodeURIComponent(node.$ref.replace('#/definitions/', '')), mod) }
    return description ? { allOf: [ref], description } : nested ? { allOf: [ref] } : ref
  }
  const t = node.type
  if (Array.isArray(t) && t.includes('number') && t.includes('string')) return withDescription({ allOf: [{ $ref: REF + INT_OR_STRING }] }, description)
  if (t === 'string') return withDescription(BYTES.has(`${struct}.${field}`) ? { type: 'string', format: 'byte' } : { type: 'string' }, description)
  if (t === 'boolean') return withDescription({ type: 'boolean' }, description)
  if (t === 'number' || t === 'integer') {
    if (FLOATS.has(`${struct}.${field}`)) return withDescription({ type: 'number', format: 'double' }, description)
    return withDescription({ type: 'integer', format: isInt64(struct, field) ? 'int64' : 'int32' }, description)
  }
  if (t === 'array') return withDescription({ type: 'array', items: convert(node.items, struct, field, mod, true) }, description)
  if (t === 'object' && node.additionalProperties && node.additionalProperties !== true) {
    return withDescription({ type: 'object', additionalProperties: convert(node.additionalProperties, struct, field, mod, true) }, description)
  }
  if (t === 'object') return withDescription({ type: 'object' }, description)
  // Unions (JSONSchemaPropsOrBool, ...) and `any`: no type, as upstream's free-form fields.
  return withDescription({}, description)
}

/** A named definition as a component schema; kinds get their group/version/kind. */
function component(name, def, mod) {
  if (name === 'Quantity') return { description: def.description, oneOf: [{ type: 'string' }, { type: 'number' }] }
  if (name === 'Time' || name === 'MicroTime') return { description: def.description, type: 'string', format: 'date-time' }
  if (!def.properties) return withDescription(def.type === 'object' ? { type: 'object' } : {}, def.description)
  const properties = {}
  for (const [field, node] of Object.entries(def.properties)) properties[field] = convert(node, name, field, mod)
  const apiVersion = def.properties.apiVersion?.const
  const kind = def.properties.kind?.const
  // kubernetes-types pins apiVersion and kind to their values and marks them required; upstream does neither.
  const required = (def.required ?? []).filter((f) => !(kind && (f === 'apiVersion' || f === 'kind')))
  const schema = withDescription({ type: 'object', properties: sortKeys(properties) }, def.description)
  if (required.length) schema.required = required
  if (apiVersion && kind) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
    schema['x-kubernetes-group-version-kind'] = [{ group, kind, version }]
  }
  return schema
}

const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))

const schemas = { [INT_OR_STRING]: INT_OR_STRING_SCHEMA }
for (const mod of MODULES) {
  const raw = execFileSync(
    'npx',
    ['--yes', GENERATOR, '--path', join(TYPES, `${mod}.d.ts`), '--type', '*', '--no-type-check', '--expose', 'all', '--jsDoc', 'extended'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  for (const [name, def] of Object.entries(JSON.parse(raw).definitions)) {
    const owner = ownerOf(name, mod)
    const key = nameOf(name, mod)
    if (!schemas[key]) schemas[key] = component(name, def, owner)
  }
  console.error(`${mod}: ${Object.keys(schemas).length} schemas so far`)
}
// Enums (and their "Possible enum values" paragraph) from kubernetes-models, which has them.
let enumFields = 0
for (const [key, { values, items, paragraph }] of readEnums(MODULES)) {
  const [mod, struct, field] = [key.slice(0, key.indexOf('.')), ...key.slice(key.indexOf('.') + 1).split('.')]
  const prop = schemas[`${packageOf(mod)}.${struct}`]?.properties?.[field]
  if (!prop) continue
  if (items && prop.items) prop.items.enum = values
  else if (!items) prop.enum = values
  if (paragraph && prop.description && !prop.description.includes('Possible enum values')) prop.description += paragraph
  enumFields++
}
console.error(`enums: ${enumFields} fields`)
writeFileSync(out, JSON.stringify({ source: `kubernetes-types@1.30.0 via ${GENERATOR}; enums from ${MODELS}`, schemas: sortKeys(schemas) }) + '\n')
console.log(`wrote ${out}: ${Object.keys(schemas).length} schemas, ${(readFileSync(out).length / 1024).toFixed(0)} KiB`)
