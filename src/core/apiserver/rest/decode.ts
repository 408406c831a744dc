/**
 * Request bodies: JSON (and YAML for apply patches) decoded with the apiserver's error texts,
 * plus the checks the generic handlers make before a write (kind, namespace, name).
 */

import { parse as parseYaml } from 'yaml'
import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { newBadRequest } from '../../machinery/errors'
import { isObject } from '../patch/merge-patch'
import { goJSONSyntaxError } from './go-json-error'

/** Go's encoding/json wording for a body that does not parse (Node's texts differ). */
export function goJSONError(text: string): string {
  return goJSONSyntaxError(text) ?? 'unexpected end of JSON input'
}

/** summarizeData: the body's start, as text when it looks like JSON, else in hex. */
function summarizeData(text: string, max = 30): string {
  if (!text) return '<empty>'
  if (text[0] === '{') return text.length > max ? `${text.slice(0, max)} ...` : text
  const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')
  return text.length > max ? `${hex(text.slice(0, max))} ...` : hex(text)
}

/** A create or update body: what does not parse is transformDecodeError's 400. */
export function parseJSONBody(body: string | undefined, kind = ''): unknown {
  const text = body ?? ''
  try {
    return JSON.parse(text) as unknown
  } catch {
    const why = `couldn't get version/kind; json parse error: ${goJSONError(text)}`
    throw newBadRequest(kind ? `the object provided is unrecognized (must be of type ${kind}): ${why} (${summarizeData(text)})` : why)
  }
}

/** An apply patch is YAML (JSON is YAML too). */
export function parseYAMLBody(body: string | undefined): unknown {
  try {
    return parseYaml(body ?? '') as unknown
  } catch (e) {
    throw newBadRequest(`error decoding YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`)
  }
}

/** The object a create or update sends: it must be of the URL's kind and namespace. */
export function decodeObject(t: ResourceType, version: string, body: string | undefined, namespace: string | undefined, name?: string): KubeObject {
  const v = parseJSONBody(body, t.kind)
  if (!isObject(v)) {
    const type = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v
    if (v !== null) {
      const why = `couldn't get version/kind; json parse error: json: cannot unmarshal ${type} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`
      throw newBadRequest(`the object provided is unrecognized (must be of type ${t.kind}): ${why} (${summarizeData(body ?? '')})`)
    }
  }
  const obj = (v ?? {}) as KubeObject
  const want = t.group ? `${t.group}/${version}` : version
  if (obj.kind && obj.kind !== t.kind) throw newBadRequest(`the object provided is unrecognized (must be of type ${t.kind}): couldn't get version/kind; json parse error`)
  if (obj.apiVersion && obj.apiVersion !== want && !(t.group && [t.version, ...(t.alsoServedAs ?? [])].some((x) => obj.apiVersion === `${t.group}/${x}`))) {
    throw newBadRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${want})`)
  }
  obj.metadata = isObject(obj.metadata) ? obj.metadata : {}
  if (t.namespaced && namespace) {
    if (obj.metadata.namespace && obj.metadata.namespace !== namespace) {
      throw newBadRequest('the namespace of the provided object does not match the namespace sent on the request')
    }
    obj.metadata.namespace = namespace
  }
  if (name !== undefined && obj.metadata.name !== name) {
    throw newBadRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`)
  }
  return obj
}
