/**
 * Request bodies: JSON (and YAML for apply patches) decoded with the apiserver's error texts,
 * plus the checks the generic handlers make before a write (kind, namespace, name).
 */

import { parse as parseYaml } from 'yaml'
import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { newBadRequest } from '../../machinery/errors'
import { isObject } from '../patch/merge-patch'

/** Go's encoding/json wording for the two common failures (Node's texts differ). */
export function goJSONError(text: string, err: unknown): string {
  const m = /position (\d+)/.exec(err instanceof Error ? err.message : '')
  if (!m || parseInt(m[1]!, 10) >= text.length) return 'unexpected end of JSON input'
  const c = text[parseInt(m[1]!, 10)]!
  return `invalid character '${c}' looking for beginning of value`
}

export function parseJSONBody(body: string | undefined): unknown {
  const text = body ?? ''
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    throw newBadRequest(`couldn't get version/kind; json parse error: ${goJSONError(text, e)}`)
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
  const v = parseJSONBody(body)
  if (!isObject(v)) throw newBadRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`)
  const obj = v as KubeObject
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
