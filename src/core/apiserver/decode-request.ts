/**
 * Decoding a request body (endpoints/handlers/rest.go, create.go, update.go, patch.go): what
 * does not decode is a 400 BadRequest, before admission and validation see the object.
 */

import type { KubeObject } from '../api/types'
import { splitApiVersion } from '../api/types'
import { decodeObject, strictDecodingMessage } from '../api/schema/decode'
import { newBadRequest, StatusError } from '../machinery/errors'

/** kube-apiserver's MaxRequestBodyBytes (--max-request-bytes): 3 MiB. */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024

/** UTF-8 length of the JSON body the client would send. */
function bodyBytes(body: KubeObject): number {
  return unescape(encodeURIComponent(JSON.stringify(body))).length
}

/** metav1.FieldValidation* values of the `fieldValidation` query parameter. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

/**
 * Decode a request body: returns the object as decoded (unknown fields dropped) or throws the
 * 400/413. Under Warn, each unknown field becomes a warning for the client to print.
 */
export function decodeRequest(body: KubeObject, opts: { fieldValidation?: FieldValidation; patch?: boolean; warnings?: string[] }): KubeObject {
  if (!opts.fieldValidation) return body
  if (bodyBytes(body) > MAX_REQUEST_BODY_BYTES) {
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}`,
      reason: 'RequestEntityTooLarge',
      code: 413,
    })
  }
  const apiVersion = String(body.apiVersion ?? '')
  const kind = String(body.kind ?? '')
  const decoded = decodeObject(apiVersion, kind, body)
  const { version } = splitApiVersion(apiVersion)
  const prefix = `${kind} in version "${version}" cannot be handled as a ${kind}: `
  if (decoded.error) throw newBadRequest(`${prefix}${decoded.error}`)
  if (decoded.unknown.length && opts.fieldValidation === 'Strict') {
    // A patch is merged into the live object and converted from a map: no "cannot be handled" prefix.
    const message = strictDecodingMessage(decoded.unknown)
    throw newBadRequest(opts.patch ? message : `${prefix}${message}`)
  }
  if (opts.fieldValidation === 'Warn') opts.warnings?.push(...decoded.unknown.map((p) => `unknown field ${JSON.stringify(p)}`))
  return decoded.object as KubeObject
}
