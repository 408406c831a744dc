/**
 * API errors as Status objects, with apimachinery's exact messages (corpus api-errors.md).
 * Components and kubectl pass these around; kubectl's printers turn them into its lines.
 */

export interface StatusCause {
  reason: string
  message: string
  field?: string
}

export interface StatusDetails {
  name?: string
  group?: string
  kind?: string
  uid?: string
  causes?: StatusCause[]
  retryAfterSeconds?: number
}

export interface Status {
  kind: 'Status'
  apiVersion: 'v1'
  metadata: Record<string, never>
  status: 'Failure' | 'Success'
  message: string
  reason: string
  details?: StatusDetails
  code: number
}

export class StatusError extends Error {
  readonly status: Status
  constructor(status: Status) {
    super(status.message)
    this.status = status
  }
  get code(): number {
    return this.status.code
  }
  get reason(): string {
    return this.status.reason
  }
}

export function isStatusError(e: unknown): e is StatusError {
  return e instanceof StatusError
}

function make(code: number, reason: string, message: string, details?: StatusDetails): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }
  if (details) status.details = details
  return new StatusError(status)
}

/** "pods" for the core group, "deployments.apps" otherwise. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource
}

export function newNotFound(resource: string, group: string, name: string): StatusError {
  return make(404, 'NotFound', `${qualifiedResource(resource, group)} "${name}" not found`, { name, group, kind: resource })
}

export function newAlreadyExists(resource: string, group: string, name: string, beingDeleted = false): StatusError {
  const base = `${qualifiedResource(resource, group)} "${name}" already exists`
  return make(409, 'AlreadyExists', beingDeleted ? `object is being deleted: ${base}` : base, { name, group, kind: resource })
}

export function newConflict(resource: string, group: string, name: string, why: string): StatusError {
  return make(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${why}`, {
    name,
    group,
    kind: resource,
  })
}

export const OPTIMISTIC_LOCK_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again'

export function newForbidden(resource: string, group: string, name: string, why: string, causes?: StatusCause[]): StatusError {
  const q = qualifiedResource(resource, group)
  const message = name ? `${q} "${name}" is forbidden: ${why}` : `${q} is forbidden: ${why}`
  const details: StatusDetails = { name: name || undefined, group, kind: resource }
  if (causes) details.causes = causes
  return make(403, 'Forbidden', message, details)
}

export function newBadRequest(message: string): StatusError {
  return make(400, 'BadRequest', message)
}

export function newMethodNotAllowed(message = 'the server does not allow this method on the requested resource'): StatusError {
  return make(405, 'MethodNotAllowed', message)
}

export function newGone(message: string): StatusError {
  return make(410, 'Expired', message)
}

export function newInternalError(message: string): StatusError {
  return make(500, 'InternalError', `Internal error occurred: ${message}`)
}

export function newUnauthorized(): StatusError {
  return make(401, 'Unauthorized', 'Unauthorized')
}

/** A field error, as apimachinery's field.Error renders it. */
export interface FieldError {
  type: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueForbidden' | 'FieldValueTooLong' | 'FieldValueTooMany'
  field: string
  /** The already-rendered message after "<field>: ". */
  detail: string
}

export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${e.detail}`
}

/** 422 Invalid, with the field causes (`Deployment.apps "x" is invalid: [a, b]`). */
export function newInvalid(kind: string, group: string, name: string, errs: FieldError[]): StatusError {
  const unique: FieldError[] = []
  const seen = new Set<string>()
  for (const e of errs) {
    const t = fieldErrorText(e)
    if (!seen.has(t)) {
      seen.add(t)
      unique.push(e)
    }
  }
  const q = group ? `${kind}.${group}` : kind
  const texts = unique.map(fieldErrorText)
  const joined = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
  const causes = unique.map((e) => ({ reason: e.type, message: e.detail, field: e.field }))
  return make(422, 'Invalid', `${q} "${name}" is invalid: ${joined}`, { name, group, kind, causes })
}

/** Go-style rendering of a value inside "Invalid value: ..." (v1.31 form). */
export function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v === null || v === undefined) return 'null'
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return `[]string{${v.map((x) => JSON.stringify(x)).join(', ')}}`
  if (typeof v === 'object' && Object.values(v as object).every((x) => typeof x === 'string')) {
    const entries = Object.entries(v as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(', ')}}`
  }
  return JSON.stringify(v)
}

export const fieldErr = {
  required: (field: string, detail = ''): FieldError => ({ type: 'FieldValueRequired', field, detail: detail ? `Required value: ${detail}` : 'Required value' }),
  invalid: (field: string, value: unknown, detail: string): FieldError => ({
    type: 'FieldValueInvalid',
    field,
    detail: `Invalid value: ${goValue(value)}${detail ? `: ${detail}` : ''}`,
  }),
  notSupported: (field: string, value: unknown, supported: string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    detail: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({ type: 'FieldValueDuplicate', field, detail: `Duplicate value: ${goValue(value)}` }),
  forbidden: (field: string, detail: string): FieldError => ({ type: 'FieldValueForbidden', field, detail: `Forbidden: ${detail}` }),
  tooLong: (field: string, max: number): FieldError => ({ type: 'FieldValueTooLong', field, detail: `Too long: must have at most ${max} bytes` }),
}
