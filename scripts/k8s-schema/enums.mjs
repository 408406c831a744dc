// Upstream's enums for gen-api-docs.mjs. kubernetes-types drops them; kubernetes-models 4.5.1
// (the Kubernetes 1.31 OpenAPI as TypeScript, see docs/adr/0005-openapi-explain.md) keeps
// them as string-literal unions plus the description's "Possible enum values" paragraph.
// The package is only read here, at generation time: `npm pack` into a temporary folder.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const MODELS = 'kubernetes-models@4.5.1'

// kubernetes-types module -> kubernetes-models folder (named by API group).
const FOLDERS = {
  'core/v1': 'v1', 'apps/v1': 'apps/v1', 'batch/v1': 'batch/v1', 'autoscaling/v1': 'autoscaling/v1', 'autoscaling/v2': 'autoscaling/v2',
  'networking/v1': 'networking.k8s.io/v1', 'discovery/v1': 'discovery.k8s.io/v1', 'rbac/v1': 'rbac.authorization.k8s.io/v1',
  'storage/v1': 'storage.k8s.io/v1', 'policy/v1': 'policy/v1', 'scheduling/v1': 'scheduling.k8s.io/v1', 'coordination/v1': 'coordination.k8s.io/v1',
  'events/v1': 'events.k8s.io/v1', 'apiextensions/v1': 'apiextensions.k8s.io/v1',
}

// A union of string literals only: "a" | "b".
const LITERALS = /^"(?:[^"\\]|\\.)*"(?:\s*\|\s*"(?:[^"\\]|\\.)*")*$/
// A JSDoc block followed by its property: `"name"?: TYPE;`.
const PROPERTY = /\/\*\*\n((?:[ \t]*\*.*\n)*?)[ \t]*\*\/\n[ \t]*"(\w+)"\??: ([^;\n]+);/g

/**
 * For each module, struct and field with an enum: its values (in upstream's order), whether
 * they apply to the list's items, and the "Possible enum values" paragraph.
 */
export function readEnums(modules) {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-models-'))
  const tgz = execFileSync('npm', ['pack', MODELS, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir])
  const enums = new Map()
  for (const mod of modules) {
    const folder = join(dir, 'package', FOLDERS[mod])
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.d.ts') && f !== 'index.d.ts')) {
      const struct = file.slice(0, -'.d.ts'.length)
      for (const [, doc, field, type] of readFileSync(join(folder, file), 'utf8').matchAll(PROPERTY)) {
        if (field === 'apiVersion' || field === 'kind') continue
        const array = /^Array<(.*)>$/.exec(type)
        const union = array ? array[1] : type
        if (!LITERALS.test(union)) continue
        const values = [...union.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`))
        const text = doc.split('\n').map((l) => l.replace(/^[ \t]*\* ?/, '')).join('\n').replace(/\\\*/g, '*').replace(/\*\\\//g, '*/').trimEnd()
        const at = text.indexOf('\n\nPossible enum values:')
        enums.set(`${mod}.${struct}.${field}`, { values, items: !!array, paragraph: at < 0 ? '' : text.slice(at) })
      }
    }
  }
  return enums
}
