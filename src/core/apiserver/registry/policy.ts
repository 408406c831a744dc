/**
 * PodDisruptionBudget (pkg/registry/policy/poddisruptionbudget): generation counts spec
 * changes, status is written only through the status subresource (by the disruption
 * controller and the eviction handler), validation as ValidatePodDisruptionBudgetSpec.
 */

import type { KubeObject } from '../../api/types'
import { fieldErr, type FieldError } from '../../machinery/errors'
import type { Strategy } from '../strategy'

/** The values of spec.unhealthyPodEvictionPolicy (policy/v1). */
export const UNHEALTHY_POD_EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget']

/** IsValidPercent's message (apimachinery/pkg/util/validation). */
const PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"

/** An intstr.IntOrString as Go's %#v prints it (its String() has a pointer receiver). */
function goIntOrString(v: number | string): string {
  return typeof v === 'number' ? `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}` : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`
}

/** ValidatePositiveIntOrPercent followed by IsNotMoreThan100Percent. */
function validateIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'number') return v < 0 ? [fieldErr.invalid(field, v, 'must be greater than or equal to 0')] : []
  if (typeof v !== 'string') return [{ type: 'FieldValueInvalid', field, detail: `Invalid value: ${JSON.stringify(v)}: must be an integer or percentage (e.g '5%')` }]
  if (!/^[0-9]+%$/.test(v)) return [{ type: 'FieldValueInvalid', field, detail: `Invalid value: ${goIntOrString(v)}: ${PERCENT_MESSAGE}` }]
  if (parseInt(v, 10) > 100) return [{ type: 'FieldValueInvalid', field, detail: `Invalid value: ${goIntOrString(v)}: must not be greater than 100%` }]
  return []
}

export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const spec = (pdb.spec ?? {}) as { minAvailable?: unknown; maxUnavailable?: unknown; unhealthyPodEvictionPolicy?: string }
  const errs: FieldError[] = []
  const set = (v: unknown) => v !== undefined && v !== null
  if (set(spec.minAvailable) && set(spec.maxUnavailable)) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec', detail: `Invalid value: ${JSON.stringify({ minAvailable: spec.minAvailable, maxUnavailable: spec.maxUnavailable })}: minAvailable and maxUnavailable cannot be both set` })
  }
  if (set(spec.minAvailable)) errs.push(...validateIntOrPercent(spec.minAvailable, 'spec.minAvailable'))
  if (set(spec.maxUnavailable)) errs.push(...validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'))
  const policy = spec.unhealthyPodEvictionPolicy
  if (policy !== undefined && policy !== null && !UNHEALTHY_POD_EVICTION_POLICIES.includes(policy)) {
    errs.push(fieldErr.notSupported('spec.unhealthyPodEvictionPolicy', policy, UNHEALTHY_POD_EVICTION_POLICIES))
  }
  return errs
}

export const podDisruptionBudgetStrategy: Strategy = {
  nameRule: 'subdomain',
  generation: true,
  statusSubresource: true,
  prepareForCreate(obj) {
    // The status starts empty; the disruption controller fills it in.
    obj.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }
  },
  validate: validatePodDisruptionBudget,
  validateUpdate: validatePodDisruptionBudget,
}
