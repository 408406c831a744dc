/** Status errors only the HTTP face raises (routing, content negotiation, body limits). */

import { StatusError, type Status } from '../../machinery/errors'

function status(code: number, reason: string, message: string): StatusError {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }
  return new StatusError(s)
}

/** The generic 404 of an unknown path (the NotFound handler's text). */
export function newPathNotFound(): StatusError {
  return status(404, 'NotFound', 'the server could not find the requested resource')
}

export function newNotAcceptable(): StatusError {
  return status(406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf')
}

export function newUnsupportedMediaType(contentType: string): StatusError {
  return status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`)
}

/** MaxRequestBodyBytes: 3 MiB, as kube-apiserver's default. */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024

export function newRequestEntityTooLarge(): StatusError {
  return status(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}`)
}
