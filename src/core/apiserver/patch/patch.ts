/**
 * A PATCH of an existing object (JSON patch, JSON merge patch, strategic merge patch), shared
 * by the HTTP face and the in-engine kubectl so both answer alike: the body is read as JSON,
 * applied to the live object (or its scale subresource), and the result goes through the same
 * update path as a PUT with the live resourceVersion as precondition.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { newBadRequest, newInvalid, StatusError } from '../../machinery/errors'
import { goJSONError } from '../rest/decode'
import { fromScale, toScale } from '../rest/scale'
import type { APIServer, WriteOptions } from '../server'
import { applyJSONPatch, JSONPatchError } from './json-patch'
import { isObject, mergePatch } from './merge-patch'
import { strategicMergePatch } from './strategic-merge'

export type PatchKind = 'json' | 'merge' | 'strategic'

/** The body as JSON; one that is not gets a 400 with Go's decoder text. */
export function patchBodyJSON(body: string | undefined): unknown {
  try {
    return JSON.parse(body ?? '') as unknown
  } catch {
    throw newBadRequest(goJSONError(body ?? ''))
  }
}

export function applyPatch(kind: PatchKind, live: unknown, patch: unknown): unknown {
  try {
    if (kind === 'json') return applyJSONPatch(live, patch)
    if (kind === 'merge') return mergePatch(live, patch)
    return strategicMergePatch(live, patch)
  } catch (e) {
    if (e instanceof JSONPatchError) throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: e.message, reason: 'Invalid', code: 422 })
    throw e
  }
}

export function patchObject(
  api: APIServer,
  t: ResourceType,
  ns: string | undefined,
  name: string,
  subresource: string | undefined,
  kind: PatchKind,
  body: string | undefined,
  opts: WriteOptions,
): KubeObject {
  const patch = patchBodyJSON(body)
  const live = api.get(t, ns, name)
  if (subresource === 'scale') {
    const patched = applyPatch(kind, toScale(live), patch) as KubeObject
    return toScale(api.update(t, fromScale(t, live, patched), { ...opts, subresource: 'scale' }))
  }
  const patched = applyPatch(kind, live, patch)
  if (!isObject(patched)) throw newInvalid(t.kind, t.group, name, [])
  const obj = patched as KubeObject
  obj.metadata = isObject(obj.metadata) ? obj.metadata : {}
  // A patch that sets metadata.resourceVersion asks for optimistic concurrency; one that does not gets the live one.
  if (!obj.metadata.resourceVersion) obj.metadata.resourceVersion = live.metadata.resourceVersion
  obj.metadata.name = name
  if (ns) obj.metadata.namespace = ns
  return api.update(t, obj, { ...opts, patch: true, subresource: subresource === 'status' ? 'status' : undefined })
}
