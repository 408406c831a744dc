#!/usr/bin/env node
// Regenerates src/core/api/schema/api-fields.json: for every struct of the API groups the
// playground serves, its fields and their types, which the API server's strict decoder
// (src/core/api/schema/decode.ts) walks to answer unknown fields and wrong types in upstream's
// words. Source: kubernetes-types (the upstream OpenAPI as TypeScript), read with
// ts-json-schema-generator, one run per group/version so equal struct names from different
// groups (core/v1 Event vs events.k8s.io/v1 Event) stay apart. See docs/adr/0002-api-schema.md.
// Run rarely (`npm run gen:api-schema`) and commit the JSON; the generator is fetched by npx.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BYTES, GENERATOR, isInt64, MODULES, ownerOf, root, TYPES } from './k8s-schema/modules.mjs'

const out = join(root, 'src/core/api/schema/api-fields.json')

// Go package name of a module: the last path part ("core/v1" -> v1, "api/resource" -> resource).
const goPackage = (mod) => mod.split('/').pop()

const SPECIAL = { 'api/resource.Quantity': 'Quantity', 'meta/v1.Time': 'Time', 'meta/v1.MicroTime': 'Time', 'runtime.RawExtension': 'any', 'meta/v1.FieldsV1': 'any' }

function typeOf(node, struct, field, mod) {
  if (!node || Object.keys(node).length === 0) return 'any'
  if (node.$ref) {
    const name = decodeURIComponent(node.$ref.replace('#/definitions/', ''))
    const key = `${ownerOf(name, mod)}.${name}`
    return SPECIAL[key] ?? key
  }
  const t = node.type
  if (Array.isArray(t) && t.includes('number') && t.includes('string')) return 'IntOrString'
  if (t === 'string') return BYTES.has(`${struct}.${field}`) ? 'bytes' : 'string'
  if (t === 'boolean') return 'bool'
  if (t === 'number' || t === 'integer') return isInt64(struct, field) ? 'int64' : 'int32'
  if (t === 'array') return `[]${typeOf(node.items, struct, field, mod)}`
  if (t === 'object') return node.additionalProperties === undefined || node.additionalProperties === true ? 'any' : `map:${typeOf(node.additionalProperties, struct, field, mod)}`
  if (node.anyOf) return 'any'
  throw new Error(`unhandled schema for ${struct}.${field}: ${JSON.stringify(node)}`)
}

const types = {}
const kinds = {}
for (const mod of MODULES) {
  const raw = execFileSync(
    'npx',
    ['--yes', GENERATOR, '--path', join(TYPES, `${mod}.d.ts`), '--type', '*', '--no-type-check', '--expose', 'all', '--jsDoc', 'none'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  for (const [name, def] of Object.entries(JSON.parse(raw).definitions)) {
    const owner = ownerOf(name, mod)
    const key = `${owner}.${name}`
    if (types[key] || SPECIAL[key] || !def.properties) continue
    const fields = {}
    for (const [field, node] of Object.entries(def.properties)) fields[field] = typeOf(node, name, field, owner)
    types[key] = { go: `${goPackage(owner)}.${name}`, fields }
    const apiVersion = def.properties.apiVersion?.const
    const kind = def.properties.kind?.const
    if (apiVersion && kind && !kind.endsWith('List')) kinds[`${apiVersion}/${kind}`] = key
  }
  console.error(`${mod}: ${Object.keys(types).length} structs so far`)
}
const sorted = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)))
writeFileSync(out, JSON.stringify({ source: 'kubernetes-types@1.30.0 via ' + GENERATOR, kinds: sorted(kinds), types: sorted(types) }) + '\n')
console.log(`wrote ${out}: ${Object.keys(kinds).length} kinds, ${Object.keys(types).length} structs, ${(readFileSync(out).length / 1024).toFixed(0)} KiB`)
