/** Workload validation (pkg/apis/apps/validation, batch/validation). */

/* eslint-disable @typescript-eslint/no-explicit-any -- validation walks free-form manifests */
import { fieldErr, goValue, type FieldError } from '../../machinery/errors'
import { selectorFromLabelSelector, selectorFromMap } from '../../machinery/labels'
import { validateAnnotations, validateLabels } from './meta'
import { validateJobPolicies, validateRestartPolicyForPolicy } from './job'
import { validatePodSpec } from './pod'

function nonNegative(value: any, field: string, errs: FieldError[]): void {
  if (typeof value === 'number' && value < 0) errs.push(fieldErr.invalid(field, value, 'must be greater than or equal to 0'))
}

/** Selector present, non-empty, and matching the template's labels. */
export function validateSelectorAndTemplate(spec: any, kindWord: string, errs: FieldError[]): void {
  const sel = spec?.selector
  if (!sel) {
    errs.push(fieldErr.required('spec.selector'))
  } else if (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', detail: `Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for ${kindWord}` })
  }
  const labels = spec?.template?.metadata?.labels ?? {}
  const s = selectorFromLabelSelector(sel)
  if (s && !s.isEmpty() && !s.matches(labels)) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.template.metadata.labels', detail: `Invalid value: ${goValue(labels)}: \`selector\` does not match template \`labels\`` })
  }
}

function validateTemplate(spec: any, allowed: string[], errs: FieldError[]): void {
  if (!spec?.template) {
    errs.push(fieldErr.required('spec.template'))
    return
  }
  errs.push(...validateLabels(spec.template.metadata?.labels, 'spec.template.metadata.labels'))
  errs.push(...validateAnnotations(spec.template.metadata?.annotations, 'spec.template.metadata.annotations'))
  errs.push(...validatePodSpec(spec.template.spec, 'spec.template.spec'))
  const rp = spec.template.spec?.restartPolicy
  if (rp && !allowed.includes(rp)) errs.push(fieldErr.notSupported('spec.template.spec.restartPolicy', rp, allowed))
}

export function validateDeployment(d: any): FieldError[] {
  const errs: FieldError[] = []
  nonNegative(d.spec?.replicas, 'spec.replicas', errs)
  nonNegative(d.spec?.minReadySeconds, 'spec.minReadySeconds', errs)
  validateSelectorAndTemplate(d.spec, 'deployment', errs)
  validateTemplate(d.spec, ['Always'], errs)
  const st = d.spec?.strategy?.type
  if (st && !['RollingUpdate', 'Recreate'].includes(st)) errs.push(fieldErr.notSupported('spec.strategy.type', st, ['Recreate', 'RollingUpdate']))
  return errs
}

export function validateReplicaSet(rs: any): FieldError[] {
  const errs: FieldError[] = []
  nonNegative(rs.spec?.replicas, 'spec.replicas', errs)
  validateSelectorAndTemplate(rs.spec, 'replicaset', errs)
  validateTemplate(rs.spec, ['Always'], errs)
  return errs
}

export function validateDaemonSet(ds: any): FieldError[] {
  const errs: FieldError[] = []
  validateSelectorAndTemplate(ds.spec, 'daemonset', errs)
  validateTemplate(ds.spec, ['Always'], errs)
  const ru = ds.spec?.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined
  if (ru) validateRollingUpdateDaemonSet(ru, 'spec.updateStrategy.rollingUpdate', errs)
  return errs
}

/** getIntOrPercentValue: the number, or the percentage's number. */
const intOrPercentValue = (v: any): number => (typeof v === 'number' ? v : parseInt(String(v ?? '0'), 10) || 0)

/** An intstr.IntOrString as a field error prints it (%#v: String() has a pointer receiver). */
const goIntOrString = (v: any): string => (typeof v === 'string' ? `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}` : `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`)

/** ValidateRollingUpdateDaemonSet: exactly one of maxSurge and maxUnavailable is non-zero. */
function validateRollingUpdateDaemonSet(ru: any, path: string, errs: FieldError[]): void {
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0
  if (hasUnavailable && hasSurge) errs.push({ type: 'FieldValueInvalid', field: `${path}.maxSurge`, detail: `Invalid value: ${goIntOrString(ru.maxSurge)}: may not be set when maxUnavailable is non-zero` })
  else if (!hasUnavailable && !hasSurge) errs.push(fieldErr.required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'))
}

export function validateStatefulSet(sts: any): FieldError[] {
  const errs: FieldError[] = []
  nonNegative(sts.spec?.replicas, 'spec.replicas', errs)
  validateSelectorAndTemplate(sts.spec, 'statefulset', errs)
  validateTemplate(sts.spec, ['Always'], errs)
  return errs
}

export function validateReplicationController(rc: any): FieldError[] {
  const errs: FieldError[] = []
  nonNegative(rc.spec?.replicas, 'spec.replicas', errs)
  const sel = rc.spec?.selector
  if (!sel || !Object.keys(sel).length) errs.push(fieldErr.required('spec.selector'))
  else if (!selectorFromMap(sel).matches(rc.spec?.template?.metadata?.labels)) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.template.metadata.labels', detail: `Invalid value: ${goValue(rc.spec?.template?.metadata?.labels ?? {})}: \`selector\` does not match template \`labels\`` })
  }
  validateTemplate(rc.spec, ['Always'], errs)
  return errs
}

export function validateJob(job: any): FieldError[] {
  const errs: FieldError[] = []
  nonNegative(job.spec?.parallelism, 'spec.parallelism', errs)
  nonNegative(job.spec?.completions, 'spec.completions', errs)
  nonNegative(job.spec?.backoffLimit, 'spec.backoffLimit', errs)
  validateJobPolicies(job.spec ?? {}, errs)
  if (!job.spec?.template) errs.push(fieldErr.required('spec.template'))
  else {
    errs.push(...validatePodSpec(job.spec.template.spec, 'spec.template.spec'))
    const rp = job.spec.template.spec?.restartPolicy ?? 'Always'
    if (!['OnFailure', 'Never'].includes(rp)) errs.push(fieldErr.notSupported('spec.template.spec.restartPolicy', rp, ['OnFailure', 'Never']))
    else validateRestartPolicyForPolicy(job.spec, errs)
  }
  return errs
}
