#!/usr/bin/env node
/**
 * Generates src/core/api/schema/go-field-order.json: for each Go struct of the Kubernetes API
 * (k8s.io/api and apimachinery's meta/v1 at the release we impersonate), its JSON field names
 * in declaration order with the type each refers to. kubectl prints typed objects (a
 * generator's result, or what a typed client got back) with Go's encoding/json, which writes
 * struct fields in that order; no published schema (OpenAPI, kubernetes-types) keeps it.
 *
 * Usage: node scripts/gen-go-field-order.mjs API_REPO APIMACHINERY_REPO
 * (git clones of kubernetes/api and kubernetes/apimachinery; tag v0.31.9 is read).
 */

import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'

const [apiRepo, machineryRepo] = process.argv.slice(2)
if (!apiRepo || !machineryRepo) {
  console.error('usage: gen-go-field-order.mjs API_REPO APIMACHINERY_REPO')
  process.exit(2)
}
const TAG = 'v0.31.9'
const git = (repo, ...args) => execFileSync('git', ['--git-dir', repo.endsWith('.git') || repo.endsWith('repo') ? repo : `${repo}/.git`, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })

/** Go import paths of the packages we read, by the short name used in the table. */
const PACKAGES = {
  'meta/v1': [machineryRepo, 'pkg/apis/meta/v1/types.go'],
  'core/v1': [apiRepo, 'core/v1/types.go'],
  'apps/v1': [apiRepo, 'apps/v1/types.go'],
  'batch/v1': [apiRepo, 'batch/v1/types.go'],
  'autoscaling/v1': [apiRepo, 'autoscaling/v1/types.go'],
  'autoscaling/v2': [apiRepo, 'autoscaling/v2/types.go'],
  'networking/v1': [apiRepo, 'networking/v1/types.go'],
  'discovery/v1': [apiRepo, 'discovery/v1/types.go'],
  'rbac/v1': [apiRepo, 'rbac/v1/types.go'],
  'storage/v1': [apiRepo, 'storage/v1/types.go'],
  'policy/v1': [apiRepo, 'policy/v1/types.go'],
  'scheduling/v1': [apiRepo, 'scheduling/v1/types.go'],
  'coordination/v1': [apiRepo, 'coordination/v1/types.go'],
  'events/v1': [apiRepo, 'events/v1/types.go'],
  'authorization/v1': [apiRepo, 'authorization/v1/types.go'],
  'authentication/v1': [apiRepo, 'authentication/v1/types.go'],
}
/** Import aliases used inside those files. */
const ALIASES = { metav1: 'meta/v1', v1: 'core/v1', corev1: 'core/v1', apiv1: 'core/v1', autoscalingv1: 'autoscaling/v1' }

const sources = Object.fromEntries(Object.entries(PACKAGES).map(([pkg, [repo, path]]) => [pkg, git(repo, 'show', `${TAG}:${path}`)]))
/** Names declared as structs anywhere we read: every other named type is a scalar alias. */
const STRUCT_NAMES = new Set(Object.values(sources).flatMap((src) => [...src.matchAll(/^type (\w+) struct \{/gm)].map((m) => m[1])))
/** Named scalar types (PodQOSClass string, ...) and the builtin each stands for. */
const SCALAR_ALIASES = new Map(Object.values(sources).flatMap((src) => [...src.matchAll(/^type (\w+) (string|bool|u?int(?:8|16|32|64)?|float(?:32|64))$/gm)].map((m) => [m[1], m[2]])))
/** Named map and slice types (ResourceList, ...): nil, so omitted, when empty. */
const COLLECTION_NAMES = new Set(Object.values(sources).flatMap((src) => [...src.matchAll(/^type (\w+) (?:map\[|\[\])/gm)].map((m) => m[1])))
const table = {}
for (const [pkg, src] of Object.entries(sources)) {
  for (const m of src.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
    const fields = []
    for (const raw of m[2].split('\n')) {
      const line = raw.trim()
      if (!line || line.startsWith('//')) continue
      const f = /^(?:(\w+)\s+)?([\w.*[\]]+)\s+`([^`]*)`/.exec(line)
      if (!f) continue
      const tag = /json:"([^"]*)"/.exec(f[3])?.[1]
      if (tag === undefined || tag.startsWith('-')) continue
      const [name, ...opts] = tag.split(',')
      const type = qualify(f[2], pkg)
      // An embedded struct with an inline (or no) JSON name contributes its own fields.
      fields.push([name, type, zeroOf(f[2], opts.includes('omitempty'))])
    }
    table[`${pkg}.${m[1]}`] = fields
  }
}

/**
 * What encoding/json writes for a field the object lacks: nothing for omitempty fields of
 * pointer, slice, map and scalar types; a struct value is never empty to Go, so it is written
 * even with omitempty; fields without omitempty are written as their zero value.
 */
function zeroOf(goType, omitempty) {
  const bare = goType.replace(/^\w+\./, '')
  if (/^(\*|\[\]|map\[)/.test(goType) || COLLECTION_NAMES.has(bare)) return omitempty ? '' : 'null'
  if (/^(Time|MicroTime)$/.test(bare)) return 'null'
  if (bare === 'Quantity') return '"0"'
  if (bare === 'IntOrString') return '0'
  const builtin = SCALAR_ALIASES.get(bare) ?? (/^(string|bool|u?int(8|16|32|64)?|float(32|64)|byte)$/.test(goType) ? goType : undefined)
  if (builtin || !STRUCT_NAMES.has(bare)) {
    if (omitempty) return ''
    return builtin === 'bool' ? 'false' : builtin && builtin !== 'string' ? '0' : '""'
  }
  return '{}'
}

/** `[]*metav1.Time` in package core/v1 -> `meta/v1.Time`; builtins and maps keep their shape. */
function qualify(goType, pkg) {
  const base = goType.replace(/^(\[\]|\*)+/, '')
  if (/^map\[/.test(base)) {
    const value = base.replace(/^map\[[^\]]+\]/, '').replace(/^(\[\]|\*)+/, '')
    return value.includes('.') || /^[A-Z]/.test(value) ? `map:${qualify(value, pkg)}` : 'scalar'
  }
  const dot = base.indexOf('.')
  if (dot >= 0) {
    const alias = ALIASES[base.slice(0, dot)]
    return alias ? `${alias}.${base.slice(dot + 1)}` : 'scalar'
  }
  return /^[A-Z]/.test(base) ? `${pkg}.${base}` : 'scalar'
}

// Keep only references to structs we know; everything else is printed as a scalar would be.
for (const fields of Object.values(table)) {
  for (const f of fields) {
    const ref = f[1].startsWith('map:') ? f[1].slice(4) : f[1]
    if (!table[ref]) f[1] = 'scalar'
  }
}
// Each field as "name[:type][=zero]": type only for structs we know, zero only when written
// for a missing value.
const out = Object.fromEntries(
  Object.entries(table)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => [k, v.map(([n, t, z]) => `${n}${t === 'scalar' ? '' : `:${t}`}${z ? `=${z}` : ''}`)]),
)
writeFileSync(new URL('../src/core/api/schema/go-field-order.json', import.meta.url), `${JSON.stringify(out)}\n`)
console.log(`${Object.keys(out).length} structs`)
