/**
 * The API server's decoding of a request body into a typed object (apimachinery's json
 * serializer over kubernetes-sigs/json), replayed on the plain object kubectl sent: the same
 * three outcomes in the same order of precedence:
 *  1. an error returned by a field's own unmarshaler (resource.Quantity, intstr.IntOrString)
 *     stops decoding at once and is the answer;
 *  2. otherwise the first type mismatch met (Go's json saves it and goes on) is the answer,
 *     `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`;
 *  3. otherwise, under fieldValidation=Strict, every unknown field, joined by ", ".
 * kubectl sends JSON encoded from a Go map, so keys are met in sorted order, which decides
 * which error is "first" and the order of the unknown-field list.
 * Field knowledge comes from api-fields.json (generated, see docs/adr/0002-api-schema.md).
 */

import schema from './api-fields.json'
import { isQuantity, QUANTITY_REGEX_MESSAGE } from '../../machinery/quantity'

interface StructDef {
  go: string
  fields: Record<string, string>
}

const KINDS = schema.kinds as Record<string, string>
const TYPES = schema.types as Record<string, StructDef>

/** Whether the schema knows this apiVersion/kind (custom resources are not checked). */
export function hasSchema(apiVersion: string, kind: string): boolean {
  return `${apiVersion}/${kind}` in KINDS
}

/** Go's reflect.Type.String() of a schema type. */
function goTypeName(t: string): string {
  if (t.startsWith('[]')) return `[]${goTypeName(t.slice(2))}`
  if (t.startsWith('map:')) return `map[string]${goTypeName(t.slice(4))}`
  if (t === 'Quantity') return 'resource.Quantity'
  if (t === 'IntOrString') return 'intstr.IntOrString'
  if (t === 'Time') return 'v1.Time'
  if (t === 'any') return 'interface {}'
  if (t === 'bytes') return '[]uint8'
  return TYPES[t]?.go ?? t
}

/** What encoding/json calls a JSON value in its messages. */
function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  if (Array.isArray(v)) return 'array'
  return 'object'
}

/** A JSON number as Go's encoder writes it (what json quotes in "number 1.5"). */
function numberText(n: number): string {
  return String(n)
}

class Walker {
  /** First type error (Go's savedError), with its Go-struct context. */
  typeError?: string
  /** An unmarshaler's error: decoding stops. */
  fatal?: string
  unknown: string[] = []


  /**
   * Decode `value` as type `t`. `struct` and `fields` are Go's error context (innermost
   * struct, struct field names from the root); `path` is kubernetes-sigs/json's strict path.
   */
  value(value: unknown, t: string, struct: string, fields: string[], path: string): void {
    if (this.fatal || value === null || value === undefined || t === 'any') return
    if (t === 'Quantity') {
      if (typeof value === 'number' || isQuantity(value)) return
      this.fatal = QUANTITY_REGEX_MESSAGE
      return
    }
    if (t === 'IntOrString') {
      if (typeof value === 'string') return
      if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1) return
      // IntOrString unmarshals non-strings on its own, without a struct context.
      const what = typeof value === 'number' ? `number ${numberText(value)}` : jsonKind(value)
      this.fatal = `json: cannot unmarshal ${what} into Go value of type int32`
      return
    }
    if (t === 'Time') {
      if (typeof value !== 'string') this.fatal = `json: cannot unmarshal ${jsonKind(value)} into Go value of type string`
      return
    }
    const mismatch = (what: string) => {
      if (!this.typeError) this.typeError = `json: cannot unmarshal ${what} into Go struct field ${struct}.${fields.join('.')} of type ${goTypeName(t)}`
    }
    if (t === 'string') {
      if (typeof value !== 'string') mismatch(jsonKind(value))
      return
    }
    if (t === 'bytes') {
      if (typeof value !== 'string') return mismatch(jsonKind(value))
      // A []byte field takes base64; Go saves the decoder's error as it is (no struct context).
      const at = base64ErrorOffset(value)
      if (at !== undefined && !this.typeError) this.typeError = `illegal base64 data at input byte ${at}`
      return
    }
    if (t === 'bool') {
      if (typeof value !== 'boolean') mismatch(jsonKind(value))
      return
    }
    if (t === 'int32' || t === 'int64') {
      if (typeof value !== 'number') return mismatch(jsonKind(value))
      const limit = t === 'int32' ? 2 ** 31 : 2 ** 63
      if (!Number.isInteger(value) || value >= limit || value < -limit) mismatch(`number ${numberText(value)}`)
      return
    }
    if (t.startsWith('[]')) {
      if (!Array.isArray(value)) return mismatch(jsonKind(value))
      value.forEach((item, i) => this.value(item, t.slice(2), struct, fields, `${path}[${i}]`))
      return
    }
    if (t.startsWith('map:')) {
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch(jsonKind(value))
      for (const key of Object.keys(value).sort()) {
        this.value((value as Record<string, unknown>)[key], t.slice(4), struct, fields, join(path, key))
      }
      return
    }
    const def = TYPES[t]
    if (!def) return
    if (typeof value !== 'object' || Array.isArray(value)) return mismatch(jsonKind(value))
    this.struct(value as Record<string, unknown>, t, def, fields, path)
  }

  struct(obj: Record<string, unknown>, t: string, def: StructDef, fields: string[], path: string): void {
    const name = t.slice(t.lastIndexOf('.') + 1)
    for (const key of Object.keys(obj).sort()) {
      const ft = def.fields[key]
      if (ft === undefined) {
        // Go structs have nowhere to put it: the field is dropped, and reported when strict.
        this.unknown.push(join(path, key))
        delete obj[key]
        continue
      }
      this.value(obj[key], ft, name, [...fields, key], join(path, key))
    }
  }
}

const BASE64 = /[A-Za-z0-9+/]/

/**
 * Where Go's base64.StdEncoding.Decode reports a CorruptInputError, or undefined when the text
 * decodes: it reads quanta of four characters, skipping CR and LF, and wants `=` padding.
 */
export function base64ErrorOffset(src: string): number | undefined {
  let si = 0
  const skipNewlines = () => {
    while (si < src.length && (src[si] === '\n' || src[si] === '\r')) si++
  }
  while (si < src.length) {
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined
        return si - j
      }
      const c = src[si++]!
      if (BASE64.test(c)) continue
      if (c === '\n' || c === '\r') {
        j--
        continue
      }
      if (c !== '=') return si - 1
      // Padding: only after two or three characters of a quantum.
      if (j === 0 || j === 1) return si - 1
      if (j === 2) {
        skipNewlines()
        if (si === src.length) return src.length
        if (src[si] !== '=') return si - 1
        si++
      }
      skipNewlines()
      return si < src.length ? si : undefined
    }
  }
  return undefined
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

export interface Decoded {
  /** The body as the typed object holds it: unknown fields dropped. */
  object: Record<string, unknown>
  /** An error that fails the request whatever the field validation. */
  error?: string
  /** Unknown fields, kubernetes-sigs/json paths, in the order met. */
  unknown: string[]
}

/** Decode a request body for apiVersion/kind; kinds the schema does not know pass as they are. */
export function decodeObject(apiVersion: string, kind: string, body: Record<string, unknown>): Decoded {
  // JSONSchemaProps mixes floats, schema-or-bool unions and x-kubernetes-* extensions that
  // kubernetes-types renders loosely: CRDs are not checked rather than wrongly refused.
  const key = kind === 'CustomResourceDefinition' ? undefined : KINDS[`${apiVersion}/${kind}`]
  const def = key ? TYPES[key] : undefined
  if (!key || !def) return { object: body, unknown: [] }
  const object = JSON.parse(JSON.stringify(body)) as Record<string, unknown>
  const w = new Walker()
  w.struct(object, key, def, [], '')
  return { object, error: w.fatal ?? w.typeError, unknown: w.unknown }
}

/** `unknown field "spec.a", unknown field "spec.b"` (kubernetes-sigs/json's strict errors). */
export function strictDecodingMessage(unknown: string[]): string {
  return `strict decoding error: ${unknown.map((p) => `unknown field ${JSON.stringify(p)}`).join(', ')}`
}

/**
 * kubectl's own decoding of a manifest's metadata (the resource builder reads it into a
 * metadata-only struct before any request): the json message, or undefined when it decodes.
 */
export function decodeMetadata(body: Record<string, unknown>): string | undefined {
  const meta = body.metadata
  if (meta === undefined || meta === null) return undefined
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    return `json: cannot unmarshal ${jsonKind(meta)} into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta`
  }
  const w = new Walker()
  w.struct(JSON.parse(JSON.stringify(meta)) as Record<string, unknown> as Record<string, unknown>, 'meta/v1.ObjectMeta', TYPES['meta/v1.ObjectMeta']!, ['metadata'], 'metadata')
  return w.fatal ?? w.typeError
}
