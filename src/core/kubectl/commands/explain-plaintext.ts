/**
 * `kubectl explain`'s default output, the "plaintext" template of kubectl 1.31
 * (pkg/explain/v2/templates/plaintext.tmpl) walked by hand: one function per sub-template
 * (output, fieldList, fieldDetail, description, typeGuess, extractEnum), with Go template
 * truthiness (an empty map, list or string counts as absent) and sorted map iteration,
 * so that the same OpenAPI v3 document gives the same bytes as the real client.
 */

import { wrapString } from './explain-wrap'

export type Schema = { [key: string]: unknown }
export interface OpenAPIDocument {
  paths?: Record<string, Record<string, Schema>>
  components?: { schemas?: Record<string, Schema> }
}
export interface GroupVersionResource {
  group: string
  version: string
  resource: string
}

/** A failure the template throws, already in kubectl's words ("error: ..."). */
export class ExplainError extends Error {}

/** Go template truthiness: nil, false, 0, "" and empty maps and lists are false. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false
  if (Array.isArray(v)) return v.length > 0
  if (typeof v === 'object') return Object.keys(v).length > 0
  return true
}

const asSchema = (v: unknown): Schema | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Schema) : undefined)
const sortedKeys = (o: Schema) => Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
const indent = (n: number, s: string) => ' '.repeat(n) + s.split('\n').join('\n' + ' '.repeat(n))
/** additionalProperties holding a schema rather than a boolean. */
const mapValues = (s: Schema) => (truthy(s.additionalProperties) && typeof s.additionalProperties !== 'boolean' ? asSchema(s.additionalProperties) : undefined)

interface Context {
  doc: OpenAPIDocument
  recursive: boolean
}

/** The resolveRef template function: a "#/a/b" fragment looked up in the document. */
function resolveRef(ref: unknown, doc: OpenAPIDocument): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#') || ref.length < 2) return undefined
  let cur: unknown = doc
  for (const part of ref.slice(1).split('/')) {
    if (!part) continue
    cur = asSchema(cur)?.[part]
    if (!asSchema(cur)) return undefined
  }
  return cur as Schema
}

/** The "typeGuess" template: <[]Container>, <map[string]string>, <Object>, <integer>, ... */
export function typeGuess(s: Schema, doc: OpenAPIDocument): string {
  if (!truthy(s)) throw new ExplainError("error: expected schema argument to subtemplate 'typeguess'")
  const items = asSchema(s.items)
  if (truthy(items)) return '[]' + typeGuess(items!, doc)
  const values = mapValues(s)
  if (values) return 'map[string]' + typeGuess(values, doc)
  const allOf = Array.isArray(s.allOf) ? (s.allOf as Schema[]) : []
  if (allOf.length > 0 && !truthy(s.properties) && allOf.length === 1) return typeGuess(allOf[0]!, doc)
  if (truthy(s.$ref)) {
    const ref = String(s.$ref)
    const target = resolveRef(ref, doc)
    if (!truthy(target) || !truthy(target!.type) || target!.type === 'object') return ref.split('/').pop()!.split('.').pop() || 'Object'
    return String(target!.type)
  }
  if (s.type === 'object') return 'Object'
  return truthy(s.type) ? String(s.type) : 'Object'
}

/** The "extractEnum" template: ` enum: a, b, c, d, ....` in a field list, ENUM: lines under FIELD. */
function extractEnum(s: Schema, longView: boolean, limit: number, indentAmount = 0): string {
  const values = Array.isArray(s.enum) ? s.enum : []
  if (values.length === 0) return ''
  let out = longView ? 'ENUM:' : '\n' + ' '.repeat(indentAmount) + 'enum: '
  for (let i = 0; i < values.length; i++) {
    if (limit > -1 && i >= limit) {
      out += ', ....'
      break
    }
    if (i > 0 && !longView) out += ', '
    else if (longView) out += '\n    '
    const v = values[i]
    out += v === '' ? '""' : String(v)
  }
  return out
}

/** The "description" template: a schema's text, then its allOf, items and map values' texts. */
function description(s: Schema, doc: OpenAPIDocument): string {
  const r = resolveRef(s.$ref, doc) ?? s
  if (!truthy(r)) return ''
  let out = truthy(r.description) ? `${String(r.description)}\n` : ''
  for (const sub of Array.isArray(r.allOf) ? (r.allOf as Schema[]) : []) out += description(sub, doc)
  if (truthy(r.items)) out += description(asSchema(r.items)!, doc)
  const values = mapValues(r)
  if (values) out += description(values, doc)
  return out
}

/** The "fieldDetail" template: one field's line, then (unless short) its wrapped description. */
function fieldDetail(name: string, parent: Schema, short: boolean, level: number, doc: OpenAPIDocument): string {
  const indentAmount = level * 2
  const field = asSchema(asSchema(parent.properties)?.[name]) ?? {}
  let out = indent(indentAmount, name) + '\t<' + typeGuess(field, doc) + '>'
  if (Array.isArray(parent.required) && parent.required.includes(name)) out += ' -required-'
  out += extractEnum(field, false, 4, indentAmount) + '\n'
  if (!short) {
    const text = truthy(field.description) ? String(field.description) : '<no description>'
    out += indent(indentAmount + 2, wrapString(text, 78 - indentAmount)) + '\n\n'
  }
  return out
}

/** The "fieldList" template: every field of a schema (and, recursive, of their schemas). */
function fieldList(s: Schema, level: number, history: ReadonlySet<string>, ctx: Context): string {
  const ref = typeof s.$ref === 'string' ? s.$ref : ''
  if (ref && history.has(ref)) return ''
  const next = new Set(history).add(ref)
  const r = resolveRef(ref, ctx.doc) ?? s
  let out = ''
  const props = asSchema(r.properties) ?? {}
  for (const k of sortedKeys(props)) {
    out += fieldDetail(k, r, ctx.recursive, level, ctx.doc)
    if (ctx.recursive) out += fieldList(asSchema(props[k]) ?? {}, level + 1, next, ctx)
  }
  for (const sub of Array.isArray(r.allOf) ? (r.allOf as Schema[]) : []) out += fieldList(sub, level, next, ctx)
  if (truthy(r.items)) out += fieldList(asSchema(r.items)!, level, next, ctx)
  const values = mapValues(r)
  if (values) out += fieldList(values, level, next, ctx)
  return out
}

/** The "output" template: follow the field path, then print FIELD/DESCRIPTION/FIELDS. */
function output(s: Schema, path: readonly string[], history: ReadonlySet<string>, ctx: Context): string {
  const ref = typeof s.$ref === 'string' ? s.$ref : ''
  const next = new Set(history).add(ref)
  const r = resolveRef(ref, ctx.doc) ?? s
  if (path.length === 0) {
    const text = description(r, ctx.doc) || '<empty>'
    let out = 'DESCRIPTION:\n' + indent(4, wrapString(text, 76)) + '\n'
    const fields = fieldList(r, 1, new Set(), ctx)
    if (fields) out += 'FIELDS:\n' + fields
    return out
  }
  if (ref && history.has(ref)) return '' // a cycle
  const props = asSchema(r.properties)
  const sub = props && truthy(props) ? asSchema(props[path[0]!]) : undefined
  if (sub && truthy(sub)) {
    let out = ''
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub, ctx.doc)}>\n` + extractEnum(sub, true, -1) + '\n\n'
    return out + output(sub, path.slice(1), new Set(), ctx)
  }
  if (truthy(r.items)) return output(asSchema(r.items)!, path, next, ctx)
  const values = mapValues(r)
  if (values) return output(values, path, next, ctx)
  for (const alt of Array.isArray(r.allOf) ? (r.allOf as Schema[]) : []) {
    const text = output(alt, path, next, ctx)
    if (text) return text
  }
  return ''
}

/** Go's %v of a group/version/kind map: map[group:apps kind:Deployment version:v1]. */
const goMap = (m: Schema) => `map[${sortedKeys(m).map((k) => `${k}:${String(m[k])}`).join(' ')}]`

/** schema.GroupVersionResource's String(): the slash stays even for the core group. */
const gvrString = (g: GroupVersionResource) => `${g.group}/${g.version}, Resource=${g.resource}`

/**
 * Renders explain for one resource (and field path) of a group/version's document. Writes
 * as it goes, like the template does, so a bad field still leaves the header on stdout.
 */
export function renderPlaintext(doc: OpenAPIDocument, gvr: GroupVersionResource, fieldPath: readonly string[], recursive: boolean, out: (text: string) => void): void {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api'
  const base = `${prefix}/${gvr.version}`
  const searchPaths = [`${base}/${gvr.resource}`, `${base}/${gvr.resource}/{name}`, `${base}/namespaces/{namespace}/${gvr.resource}`, `${base}/namespaces/{namespace}/${gvr.resource}/{name}`]
  let gvk: Schema | undefined
  for (const p of searchPaths) {
    const item = doc.paths?.[p]
    if (!truthy(item)) continue
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item![method]
      if (!truthy(op)) continue
      gvk = asSchema(op['x-kubernetes-group-version-kind'])
      if (truthy(gvk)) break
    }
  }
  if (!gvk || !truthy(gvk)) throw new ExplainError(`error: GVR (${gvrString(gvr)}) not found in OpenAPI schema`)
  if (truthy(gvk.group)) out(`GROUP:      ${String(gvk.group)}\n`)
  out(`KIND:       ${String(gvk.kind ?? '')}\nVERSION:    ${String(gvk.version ?? '')}\n\n`)
  const body = schemaFor(doc, gvk, fieldPath, { doc, recursive })
  if (!body) throw new ExplainError(`error: GVK ${goMap(gvk)} not found in OpenAPI schema`)
  out(body + '\n')
}

/** The "schema" template: the first component (by name) carrying this group/version/kind. */
function schemaFor(doc: OpenAPIDocument, gvk: Schema, fieldPath: readonly string[], ctx: Context): string {
  const schemas = doc.components?.schemas ?? {}
  const same = (x: unknown) => {
    const m = asSchema(x)
    return !!m && sortedKeys(m).join() === sortedKeys(gvk).join() && sortedKeys(m).every((k) => m[k] === gvk[k])
  }
  for (const name of sortedKeys(schemas)) {
    const s = schemas[name]!
    const kinds = s['x-kubernetes-group-version-kind']
    if (!Array.isArray(kinds) || !kinds.some(same)) continue
    const text = output(s, fieldPath, new Set(), ctx)
    if (!text) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`)
    return text
  }
  return ''
}
