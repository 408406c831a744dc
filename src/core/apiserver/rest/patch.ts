/**
 * PATCH: the Content-Type picks the patch kind (JSON patch, JSON merge patch, strategic merge
 * patch, or an apply patch for server-side apply); the patched object then goes through the
 * same update path as a PUT, with the live resourceVersion as precondition.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { isStatusError, newBadRequest } from '../../machinery/errors'
import type { WriteOptions } from '../server'
import { isObject } from '../patch/merge-patch'
import { patchBodyJSON, patchObject } from '../patch/patch'
import { strategicMergePatch } from '../patch/strategic-merge'
import { parseYAMLBody } from './decode'
import { newUnsupportedMediaType } from './errors'
import type { ResourcePath } from './paths'
import type { RestContext } from './resource'
import { jsonResponse, type RestRequest, type RestResponse } from './types'

type PatchType = 'json' | 'merge' | 'strategic' | 'apply'

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'apply',
}

function patchBody(kind: PatchType, body: string | undefined): unknown {
  return kind === 'apply' ? parseYAMLBody(body) : patchBodyJSON(body)
}

export function patchResource(ctx: RestContext, req: RestRequest, t: ResourceType, p: ResourcePath, opts: WriteOptions): RestResponse {
  const { api } = ctx
  const media = (req.headers['content-type'] ?? '').split(';')[0]!.trim()
  const kind = PATCH_TYPES[media]
  if (!kind) throw newUnsupportedMediaType(media)
  if (kind === 'apply' && p.subresource === 'scale') throw newUnsupportedMediaType(media)
  const patch = patchBody(kind, req.body)
  const ns = t.namespaced ? p.namespace : undefined
  const name = p.name!
  if (kind === 'apply') {
    if (!opts.fieldManager) throw newBadRequest('PATCH /apply requests require a non-empty fieldManager')
    if (!isObject(patch)) throw newBadRequest('invalid object: expected an object')
    const applied = patch as KubeObject
    if (applied.metadata?.name && applied.metadata.name !== name) {
      throw newBadRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`)
    }
    let live: KubeObject | undefined
    try {
      live = api.get(t, ns, name)
    } catch (e) {
      if (!(isStatusError(e) && e.code === 404)) throw e
    }
    if (!live) {
      const obj = { ...applied, metadata: { ...(applied.metadata ?? {}), name, namespace: ns } }
      return jsonResponse(201, api.create(t, obj, { ...opts, namespace: ns }))
    }
    // Server-side apply, simplified: the applied configuration merges over the live object.
    const merged = strategicMergePatch(live, { ...applied, metadata: { ...(applied.metadata ?? {}), resourceVersion: undefined } }) as KubeObject
    merged.metadata.resourceVersion = live.metadata.resourceVersion
    return jsonResponse(200, api.update(t, merged, { ...opts, subresource: p.subresource === 'status' ? 'status' : undefined }))
  }
  return jsonResponse(200, patchObject(api, t, ns, name, p.subresource, kind, req.body, opts))
}
