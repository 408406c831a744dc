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
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'src/core/api/schema/api-fields.json')
const GENERATOR = 'ts-json-schema-generator@2.9.0'
const TYPES = join(root, 'node_modules/kubernetes-types')

// Modules (kubernetes-types paths) whose kinds the API server serves.
const MODULES = [
  'core/v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'networking/v1', 'discovery/v1', 'rbac/v1',
  'storage/v1', 'policy/v1', 'scheduling/v1', 'coordination/v1', 'events/v1', 'apiextensions/v1',
]
// Modules that only hold shared structs (referenced from the ones above).
const SHARED = ['meta/v1', 'api/resource', 'runtime']

// kubernetes-types writes every integer as `number`; Go has int32 for most and int64 for these
// (k8s.io/api types.go), which decides the type name in json's "of type int64" messages.
const INT64 = new Set([
  'ObjectMeta.generation', 'ObjectMeta.deletionGracePeriodSeconds', 'PodSpec.terminationGracePeriodSeconds',
  'PodSpec.activeDeadlineSeconds', 'JobSpec.activeDeadlineSeconds', 'PodSecurityContext.runAsUser', 'PodSecurityContext.runAsGroup',
  'PodSecurityContext.fsGroup', 'PodSecurityContext.supplementalGroups', 'SecurityContext.runAsUser', 'SecurityContext.runAsGroup',
  'CronJobSpec.startingDeadlineSeconds', 'Toleration.tolerationSeconds', 'ServiceAccountTokenProjection.expirationSeconds',
  'Probe.terminationGracePeriodSeconds', 'SleepAction.seconds', 'ControllerRevision.revision', 'Condition.observedGeneration',
  'TokenRequestSpec.expirationSeconds', 'DeleteOptions.gracePeriodSeconds',
])
// Fields of Go type []byte (base64 in JSON), which kubernetes-types writes as string.
const BYTES = new Set(['Secret.data', 'ConfigMap.binaryData'])
const isInt64 = (struct, field) => INT64.has(`${struct}.${field}`) || field === 'observedGeneration'

/** Which module declares each exported name (to key definitions and name Go packages). */
function declarations(mod) {
  const text = readFileSync(join(TYPES, `${mod}.d.ts`), 'utf8')
  return new Set([...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]))
}
const declared = new Map([...MODULES, ...SHARED].map((m) => [m, declarations(m)]))
function ownerOf(name, preferred) {
  if (declared.get(preferred)?.has(name)) return preferred
  for (const m of [...SHARED, ...MODULES]) if (declared.get(m).has(name)) return m
  throw new Error(`no module declares ${name} (seen from ${preferred})`)
}
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
