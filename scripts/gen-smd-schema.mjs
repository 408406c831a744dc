#!/usr/bin/env node
// Regenerates src/core/apiserver/managed-fields/smd-schema.json: the structured-merge-diff
// schema of the built-in kinds (which lists are maps and by which keys, which are sets or
// atomic, which maps and structs are atomic, which struct fields exist on an empty object),
// read by the field manager (managed-fields/) to compute managedFields and server-side apply.
// Source: client-go's applyconfigurations/internal/internal.go, the schema upstream's API
// server uses, at the client-go tag of the kubectl the playground mirrors:
//   git -C <client-go clone> show v0.31.9:applyconfigurations/internal/internal.go > /tmp/smd.go
//   node scripts/gen-smd-schema.mjs /tmp/smd.go
// Run rarely and commit the JSON.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import YAML from 'yaml'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'src/core/apiserver/managed-fields/smd-schema.json')
const src = readFileSync(process.argv[2], 'utf8')
const yamlText = src.slice(src.indexOf('var schemaYAML = typed.YAMLObject(`') + 'var schemaYAML = typed.YAMLObject(`'.length, src.lastIndexOf('`)'))
const doc = YAML.parse(yamlText)

const byName = new Map(doc.types.map((t) => [t.name, t]))

/** Compact type: 'S' scalar, 'A' untyped atomic, 'D' untyped deduced, a type name, or a list/map. */
function desc(t) {
  if (t.namedType) {
    if (t.namedType === '__untyped_atomic_') return 'A'
    if (t.namedType === '__untyped_deduced_') return 'D'
    const named = byName.get(t.namedType)
    if (named && named.scalar && !named.map && !named.list) return 'S'
    return t.namedType
  }
  if (t.scalar) return 'S'
  if (t.list) {
    const l = { l: desc(t.list.elementType) }
    if (t.list.elementRelationship === 'associative') {
      if (t.list.keys?.length) l.k = t.list.keys
      else l.set = 1
    } else l.atomic = 1
    return l
  }
  if (t.map) {
    const m = {}
    if (t.map.fields) {
      m.f = {}
      for (const f of t.map.fields) m.f[f.name] = desc(f.type)
      const defaults = t.map.fields.filter((f) => f.default !== undefined && typeof f.default === 'object' && f.default !== null).map((f) => f.name)
      if (defaults.length) m.d = defaults
    }
    if (t.map.elementType) m.e = desc(t.map.elementType)
    if (t.map.elementRelationship === 'atomic') m.atomic = 1
    return m
  }
  return 'D'
}

// Keep the types reachable from the kinds: every type with apiVersion and kind fields.
const types = {}
const queue = doc.types.filter((t) => t.map?.fields?.some((f) => f.name === 'kind') && t.map.fields.some((f) => f.name === 'apiVersion')).map((t) => t.name)
const walk = (d) => {
  if (typeof d === 'string') {
    if (d.length > 1 && !(d in types)) queue.push(d)
    return
  }
  if (d.l) walk(d.l)
  if (d.f) Object.values(d.f).forEach(walk)
  if (d.e) walk(d.e)
}
while (queue.length) {
  const name = queue.pop()
  if (name in types) continue
  const t = byName.get(name)
  if (!t) continue
  types[name] = desc(t)
  walk(types[name])
}
const sorted = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]]))
writeFileSync(out, `${JSON.stringify({ source: 'k8s.io/client-go@v0.31.9 applyconfigurations/internal/internal.go', types: sorted })}\n`)
console.log(`wrote ${out}: ${Object.keys(sorted).length} types`)
