/** ConfigMap and Secret strategies: `immutable` freezes the data (pkg/apis/core/validation). */

import { defaultSecret } from '../../api/defaults/storage'
import type { KubeObject } from '../../api/types'
import { fieldErr, type FieldError } from '../../machinery/errors'
import { isConfigMapKey } from '../../machinery/names'
import type { Strategy } from '../strategy'

const IMMUTABLE_DETAIL = 'field is immutable when `immutable` is set'

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {})
}

/** Once `immutable: true`, the data fields and the flag itself stay as they are. */
function immutableData(obj: KubeObject, old: KubeObject, fields: string[]): FieldError[] {
  if (old.immutable !== true) return []
  const errs: FieldError[] = []
  if (obj.immutable !== true) errs.push(fieldErr.forbidden('immutable', IMMUTABLE_DETAIL))
  for (const f of fields) if (!same(obj[f], old[f])) errs.push(fieldErr.forbidden(f, IMMUTABLE_DETAIL))
  return errs
}

/** Every key must be a valid file name in a volume (Go walks a map; we sort for a stable order). */
function keyErrors(obj: KubeObject, field: string): FieldError[] {
  const bag = (obj[field] ?? {}) as Record<string, unknown>
  return Object.keys(bag)
    .sort()
    .flatMap((key) => isConfigMapKey(key).map((msg) => fieldErr.invalid(`${field}[${key}]`, key, msg)))
}

/** ValidateConfigMap: valid keys, and no key in both data and binaryData. */
function validateConfigMap(obj: KubeObject): FieldError[] {
  const errs = keyErrors(obj, 'data')
  const binary = (obj.binaryData ?? {}) as Record<string, unknown>
  for (const key of Object.keys((obj.data ?? {}) as object).sort()) {
    if (key in binary) errs.push(fieldErr.invalid(`data[${key}]`, key, 'duplicate of key present in binaryData'))
  }
  return [...errs, ...keyErrors(obj, 'binaryData')]
}

export const configMapStrategy: Strategy = {
  nameRule: 'subdomain',
  validate: validateConfigMap,
  validateUpdate(obj, old) {
    return [...validateConfigMap(obj), ...immutableData(obj, old, ['data', 'binaryData'])]
  },
}

export const secretStrategy: Strategy = {
  nameRule: 'subdomain',
  prepareForCreate(obj) {
    defaultSecret(obj)
  },
  prepareForUpdate(obj) {
    defaultSecret(obj)
  },
  validate: (obj) => keyErrors(obj, 'data'),
  validateUpdate(obj, old) {
    const errs: FieldError[] = keyErrors(obj, 'data')
    if (obj.type !== old.type) errs.push(fieldErr.invalid('type', obj.type, 'field is immutable'))
    // Secret: stringData was folded into data already, so only `data` is compared.
    errs.push(...immutableData(obj, old, ['data']))
    return errs
  },
}
