/**
 * Decoding a request body (endpoints/handlers/rest.go, create.go, update.go, patch.go): what
 * does not decode is a 400 BadRequest, before admission and validation see the object.
 */

import type { KubeObject } from '../api/types'
import { splitApiVersion } from '../api/types'
import { decodeObject, strictDecodingMessage } from '../api/schema/decode'
import { newBadRequest } from '../machinery/errors'

/** metav1.FieldValidation* values of the `fieldValidation` query parameter. */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'

export function decodeRequest(body: KubeObject, opts: { fieldValidation?: FieldValidation; patch?: boolean }): void {
  if (!opts.fieldValidation) return
  const apiVersion = String(body.apiVersion ?? '')
  const kind = String(body.kind ?? '')
  const failure = decodeObject(apiVersion, kind, body, opts.fieldValidation === 'Strict')
  if (!failure) return
  const message = failure.kind === 'strict' ? strictDecodingMessage(failure.unknown) : failure.message
  // A patch is merged into the live object and converted from a map: no "cannot be handled" prefix.
  if (opts.patch && failure.kind === 'strict') throw newBadRequest(message)
  const { version } = splitApiVersion(apiVersion)
  throw newBadRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${message}`)
}
