/** ConfigMap and Secret strategies: `immutable` freezes the data (pkg/apis/core/validation). */

import { defaultSecret } from '../../api/defaults/storage'
import type { KubeObject } from '../../api/types'
import { fieldErr, type FieldError } from '../../machinery/errors'
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

export const configMapStrategy: Strategy = {
  nameRule: 'subdomain',
  validateUpdate(obj, old) {
    return immutableData(obj, old, ['data', 'binaryData'])
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
  validateUpdate(obj, old) {
    const errs: FieldError[] = []
    if (obj.type !== old.type) errs.push(fieldErr.invalid('type', obj.type, 'field is immutable'))
    // Secret: stringData was folded into data already, so only `data` is compared.
    errs.push(...immutableData(obj, old, ['data']))
    return errs
  },
}
