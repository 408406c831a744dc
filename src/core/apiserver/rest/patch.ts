/**
 * PATCH: the Content-Type picks the patch kind (JSON patch, JSON merge patch, strategic merge
 * patch, or an apply patch for server-side apply); the patched object then goes through the
 * same update path as a PUT, with the live resourceVersion as precondition.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { newBadRequest } from '../../machinery/errors'
import { serverSideApply } from '../managed-fields/apply'
import type { WriteOptions } from '../server'
import { isObject } from '../patch/merge-patch'
import { patchBodyJSON, patchObject } from '../patch/patch'
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

export function patchResource(ctx: RestContext, req: RestRequest, t: ResourceType, p: ResourcePath, opts: WriteOptions & { force?: boolean }): RestResponse {
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
    const r = serverSideApply(api, t, ns, name, applied, opts)
    return jsonResponse(r.created ? 201 : 200, r.object)
  }
  return jsonResponse(200, patchObject(api, t, ns, name, p.subresource, kind, req.body, opts))
}
