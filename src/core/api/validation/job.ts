/**
 * Job spec validation beyond the basics (pkg/apis/batch/validation validateJobSpec): per-index
 * back-off, the pod failure policy, the success policy and the pod replacement policy, in
 * upstream's order so several errors print as the API server lists them.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- validation walks free-form manifests */
import { fieldErr, type FieldError } from '../../machinery/errors'

const ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore']
const OPERATORS = ['In', 'NotIn']
const CONDITION_STATUSES = ['False', 'True', 'Unknown']

const int32s = (v: number[]): string => `[]int32{${v.join(', ')}}`
const nonNegative = (v: any, field: string, errs: FieldError[]) => {
  if (typeof v === 'number' && v < 0) errs.push(fieldErr.invalid(field, v, 'must be greater than or equal to 0'))
}
const omitted = (field: string, detail: string): FieldError => ({ type: 'FieldValueInvalid', field, detail: `Invalid value: ${detail}` })

/** The checks between backoffLimit and the template (backoffLimitPerIndex ... podReplacementPolicy). */
export function validateJobPolicies(spec: any, errs: FieldError[]): void {
  nonNegative(spec.backoffLimitPerIndex, 'spec.backoffLimitPerIndex', errs)
  if (spec.maxFailedIndexes !== undefined) {
    nonNegative(spec.maxFailedIndexes, 'spec.maxFailedIndexes', errs)
    if (spec.backoffLimitPerIndex === undefined) errs.push(fieldErr.required('spec.backoffLimitPerIndex', 'when maxFailedIndexes is specified'))
  }
  const indexed = spec.completionMode === 'Indexed'
  if (indexed && typeof spec.completions === 'number' && typeof spec.maxFailedIndexes === 'number' && spec.maxFailedIndexes > spec.completions) {
    errs.push(fieldErr.invalid('spec.maxFailedIndexes', spec.maxFailedIndexes, 'must be less than or equal to completions'))
  }
  if (!indexed) {
    if (spec.backoffLimitPerIndex !== undefined) errs.push(fieldErr.invalid('spec.backoffLimitPerIndex', spec.backoffLimitPerIndex, 'requires indexed completion mode'))
    if (spec.maxFailedIndexes !== undefined) errs.push(fieldErr.invalid('spec.maxFailedIndexes', spec.maxFailedIndexes, 'requires indexed completion mode'))
  }
  if (spec.podFailurePolicy) validatePodFailurePolicy(spec, 'spec.podFailurePolicy', errs)
  if (spec.successPolicy) {
    if (!indexed) errs.push(omitted('spec.successPolicy', `${goSuccessPolicy(spec.successPolicy)}: requires indexed completion mode`))
    else validateSuccessPolicy(spec.successPolicy, 'spec.successPolicy', errs)
  }
  if (spec.podFailurePolicy && spec.podReplacementPolicy !== undefined && spec.podReplacementPolicy !== 'Failed') {
    errs.push(fieldErr.notSupported('spec.podReplacementPolicy', spec.podReplacementPolicy, ['Failed']))
  }
}

/** After the template: only Never may restart nothing the policy has to judge. */
export function validateRestartPolicyForPolicy(spec: any, errs: FieldError[]): void {
  const rp = spec.template?.spec?.restartPolicy
  if (spec.podFailurePolicy && rp === 'OnFailure') errs.push(fieldErr.invalid('spec.template.spec.restartPolicy', rp, 'only "Never" is supported when podFailurePolicy is specified'))
}

function validatePodFailurePolicy(spec: any, path: string, errs: FieldError[]): void {
  const t = spec.template?.spec ?? {}
  const names = new Set([...(t.containers ?? []), ...(t.initContainers ?? [])].map((c: any) => c?.name))
  for (const [i, rule] of (spec.podFailurePolicy.rules ?? []).entries()) {
    const rp = `${path}.rules[${i}]`
    if (!rule.action) errs.push(fieldErr.required(`${rp}.action`, `valid values: [${ACTIONS.map((a) => JSON.stringify(a)).join(' ')}]`))
    else if (rule.action === 'FailIndex') {
      if (spec.backoffLimitPerIndex === undefined) errs.push(fieldErr.invalid(`${rp}.action`, rule.action, 'requires the backoffLimitPerIndex to be set'))
    } else if (!ACTIONS.includes(rule.action)) errs.push(fieldErr.notSupported(`${rp}.action`, rule.action, ACTIONS))
    if (rule.onExitCodes) validateOnExitCodes(rule.onExitCodes, `${rp}.onExitCodes`, names, errs)
    for (const [j, p] of (rule.onPodConditions ?? []).entries()) {
      const sp = `${rp}.onPodConditions[${j}].status`
      if (!p.status) errs.push(fieldErr.required(sp, `valid values: [${CONDITION_STATUSES.map((a) => JSON.stringify(a)).join(' ')}]`))
      else if (!CONDITION_STATUSES.includes(p.status)) errs.push(fieldErr.notSupported(sp, p.status, CONDITION_STATUSES))
    }
    const conds = (rule.onPodConditions ?? []).length > 0
    if (rule.onExitCodes && conds) errs.push(omitted(rp, 'specifying both OnExitCodes and OnPodConditions is not supported'))
    if (!rule.onExitCodes && !conds) errs.push(omitted(rp, 'specifying one of OnExitCodes and OnPodConditions is required'))
  }
}

function validateOnExitCodes(req: any, path: string, names: Set<string>, errs: FieldError[]): void {
  if (!req.operator) errs.push(fieldErr.required(`${path}.operator`, `valid values: [${OPERATORS.map((a) => JSON.stringify(a)).join(' ')}]`))
  else if (!OPERATORS.includes(req.operator)) errs.push(fieldErr.notSupported(`${path}.operator`, req.operator, OPERATORS))
  if (req.containerName !== undefined && !names.has(req.containerName)) {
    errs.push(fieldErr.invalid(`${path}.containerName`, req.containerName, 'must be one of the container or initContainer names in the pod template'))
  }
  const values: number[] = Array.isArray(req.values) ? req.values : []
  if (!values.length) errs.push({ type: 'FieldValueInvalid', field: `${path}.values`, detail: `Invalid value: ${values.length || !req.values ? '[]int32(nil)' : '[]int32{}'}: at least one value is required` })
  const seen = new Set<number>()
  let ordered = true
  values.forEach((v, j) => {
    if (req.operator === 'In' && v === 0) errs.push(fieldErr.invalid(`${path}.values[${j}]`, v, 'must not be 0 for the In operator'))
    if (seen.has(v)) errs.push(fieldErr.duplicate(`${path}.values[${j}]`, v))
    seen.add(v)
    if (j > 0 && values[j - 1]! > v) ordered = false
  })
  if (!ordered) errs.push({ type: 'FieldValueInvalid', field: `${path}.values`, detail: `Invalid value: ${int32s(values)}: must be ordered` })
}

function validateSuccessPolicy(policy: any, path: string, errs: FieldError[]): void {
  const rules = policy.rules ?? []
  if (!rules.length) errs.push(fieldErr.required(`${path}.rules`, 'at least one rules must be specified when the successPolicy is specified'))
  for (const [i, rule] of rules.entries()) {
    if (rule.succeededCount === undefined && rule.succeededIndexes === undefined) {
      errs.push(fieldErr.required(`${path}.rules[${i}]`, 'at least one of succeededCount or succeededIndexes must be specified'))
    }
    if (typeof rule.succeededCount === 'number' && rule.succeededCount < 0) errs.push(fieldErr.invalid(`${path}.rules[${i}].succeededCount`, rule.succeededCount, 'must be greater than or equal to 0'))
  }
}

/** %#v of a batch.SuccessPolicy; its pointer fields print as addresses, here a fixed one. */
function goSuccessPolicy(p: any): string {
  const ptr = (v: unknown, t: string) => (v === undefined ? `(${t})(nil)` : `(${t})(0xc000a1b2c0)`)
  const rules = (p.rules ?? []).map((r: any) => `batch.SuccessPolicyRule{SucceededIndexes:${ptr(r.succeededIndexes, '*string')}, SucceededCount:${ptr(r.succeededCount, '*int32')}}`)
  return `batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{${rules.join(', ')}}}`
}
