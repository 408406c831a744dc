// What both generators over kubernetes-types share (gen-api-schema.mjs: the decoder's field
// table; gen-api-docs.mjs: the OpenAPI v3 schemas `kubectl explain` reads): which modules hold
// the served kinds, which module declares a struct, and the Go integer and []byte fields that
// TypeScript's `number` and `string` erase (named after k8s.io/api's types.go).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
export const GENERATOR = 'ts-json-schema-generator@2.9.0'
export const TYPES = join(root, 'node_modules/kubernetes-types')

// Modules (kubernetes-types paths) whose kinds the API server serves.
export const MODULES = [
  'core/v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'networking/v1', 'discovery/v1', 'rbac/v1',
  'storage/v1', 'policy/v1', 'scheduling/v1', 'coordination/v1', 'events/v1', 'apiextensions/v1',
]
// Modules that only hold shared structs (referenced from the ones above).
export const SHARED = ['meta/v1', 'api/resource', 'runtime']

// kubernetes-types writes every integer as `number`; Go has int32 for most and int64 for these.
const INT64 = new Set([
  'ObjectMeta.generation', 'ObjectMeta.deletionGracePeriodSeconds', 'PodSpec.terminationGracePeriodSeconds',
  'PodSpec.activeDeadlineSeconds', 'JobSpec.activeDeadlineSeconds', 'PodSecurityContext.runAsUser', 'PodSecurityContext.runAsGroup',
  'PodSecurityContext.fsGroup', 'PodSecurityContext.supplementalGroups', 'SecurityContext.runAsUser', 'SecurityContext.runAsGroup',
  'CronJobSpec.startingDeadlineSeconds', 'Toleration.tolerationSeconds', 'ServiceAccountTokenProjection.expirationSeconds',
  'Probe.terminationGracePeriodSeconds', 'SleepAction.seconds', 'ControllerRevision.revision', 'Condition.observedGeneration',
  'TokenRequestSpec.expirationSeconds', 'DeleteOptions.gracePeriodSeconds',
])
// Fields of Go type []byte (base64 in JSON), which kubernetes-types writes as string.
export const BYTES = new Set(['Secret.data', 'ConfigMap.binaryData'])
export const isInt64 = (struct, field) => INT64.has(`${struct}.${field}`) || field === 'observedGeneration'

/** Which module declares each exported name (to key definitions and name Go packages). */
function declarations(mod) {
  const text = readFileSync(join(TYPES, `${mod}.d.ts`), 'utf8')
  return new Set([...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]))
}
const declared = new Map([...MODULES, ...SHARED].map((m) => [m, declarations(m)]))
export function ownerOf(name, preferred) {
  if (declared.get(preferred)?.has(name)) return preferred
  for (const m of [...SHARED, ...MODULES]) if (declared.get(m).has(name)) return m
  throw new Error(`no module declares ${name} (seen from ${preferred})`)
}
