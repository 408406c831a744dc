#!/usr/bin/env node
// Regenerates src/ui/features/editor/k8s.schema.json, the JSON schema monaco-yaml validates and
// completes manifests with (stack.md section 4): ts-json-schema-generator over kubernetes-types
// 1.30, then Quantity accepts numbers too and a resource's `status` is dropped (users don't write it).
// Run rarely (`npm run gen:schema`) and commit the JSON; the generator is fetched by npx.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'src/ui/features/editor/k8s.schema.json')
const GENERATOR = 'ts-json-schema-generator@2.9.0'

const raw = execFileSync(
  'npx',
  ['--yes', GENERATOR, '--path', 'scripts/k8s-schema/entry.ts', '--type', 'K8sResource', '--no-type-check', '--expose', 'all', '--jsDoc', 'extended'],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
)
const schema = JSON.parse(raw)
const QUANTITY = { anyOf: [{ type: 'string', pattern: '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$' }, { type: 'number' }] }

function visit(node) {
  if (Array.isArray(node)) return node.forEach(visit)
  if (!node || typeof node !== 'object') return
  // A resource's status is written by controllers, never by the user; nested `status` fields stay.
  if (node.properties?.kind?.const && node.properties.status) delete node.properties.status
  for (const value of Object.values(node)) visit(value)
}
for (const [name, def] of Object.entries(schema.definitions ?? {})) {
  if (/(^|\.)Quantity$/.test(name) || name.endsWith('resource.Quantity')) {
    schema.definitions[name] = { ...QUANTITY, description: def.description }
  }
}
visit(schema)
// Drop definitions nothing refers to any more (the *Status types).
for (let removed = true; removed; ) {
  removed = false
  const text = JSON.stringify(schema)
  for (const name of Object.keys(schema.definitions)) {
    if (name !== 'K8sResource' && !text.includes(`"#/definitions/${encodeURIComponent(name)}"`)) {
      delete schema.definitions[name]
      removed = true
    }
  }
}
writeFileSync(out, JSON.stringify(schema) + '\n')
console.log(`wrote ${out}: ${Object.keys(schema.definitions).length} definitions, ${(readFileSync(out).length / 1024).toFixed(0)} KiB`)
