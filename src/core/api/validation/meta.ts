/**
 * ObjectMeta validation (apimachinery api/validation/objectmeta.go and
 * apis/meta/v1/validation): name or generateName, the namespace, labels and annotations.
 */

import { fieldErr, type FieldError } from '../../machinery/errors'
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from '../../machinery/names'
import type { ObjectMeta } from '../types'

export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'none'

/** apimachinery's TotalAnnotationSizeLimitB: all keys and values together, 256 KiB. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024

function nameProblems(rule: NameRule, name: string): string[] {
  if (rule === 'label') return isDNS1123Label(name)
  if (rule === 'dns1035') return isDNS1035Label(name)
  if (rule === 'none') return []
  return isDNS1123Subdomain(name)
}

/** Labels: every key a qualified name, every value a label value; errors name the map. */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (!labels || typeof labels !== 'object') return errs
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    for (const m of isQualifiedName(k)) errs.push(fieldErr.invalid(field, k, m))
    for (const m of isValidLabelValue(String(v ?? ''))) errs.push(fieldErr.invalid(field, String(v ?? ''), m))
  }
  return errs
}

/** Annotations: keys are qualified names (checked lower-cased), 256 KiB in all. */
export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  const errs: FieldError[] = []
  if (!annotations || typeof annotations !== 'object') return errs
  let size = 0
  for (const [k, v] of Object.entries(annotations as Record<string, unknown>)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fieldErr.invalid(field, k, m))
    size += k.length + String(v ?? '').length
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(fieldErr.tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT_B))
  return errs
}

export function validateObjectMeta(meta: ObjectMeta, rule: NameRule, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = []
  const name = meta.name
  if (!name) errs.push(fieldErr.required('metadata.name', 'name or generateName is required'))
  else for (const p of nameProblems(rule, name)) errs.push(fieldErr.invalid('metadata.name', name, p))
  if (namespaced && meta.namespace) {
    for (const p of isDNS1123Label(meta.namespace)) errs.push(fieldErr.invalid('metadata.namespace', meta.namespace, p))
  }
  errs.push(...validateLabels(meta.labels, 'metadata.labels'))
  errs.push(...validateAnnotations(meta.annotations, 'metadata.annotations'))
  return errs
}
