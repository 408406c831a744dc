/**
 * kubectl create quota / priorityclass / poddisruptionbudget (pkg/cmd/create/create_quota.go,
 * create_priorityclass.go, create_pdb.go).
 */

import type { KubeObject } from '../../api/types'
import { parseSelector } from '../../machinery/labels'
import { parseQuantityExact, quantityString } from '../../machinery/quantity-string'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { generatedMeta, nameRequired } from './create-common'

export const createPolicyFlags: FlagSpec[] = [
  { name: 'hard', type: 'string', default: '' },
  { name: 'scopes', type: 'string', default: '' },
  { name: 'value', type: 'int', default: 0 },
  { name: 'global-default', type: 'bool', default: false },
  { name: 'description', type: 'string', default: '' },
  { name: 'preemption-policy', type: 'string', default: 'PreemptLowerPriority' },
  { name: 'min-available', type: 'string', default: '' },
  { name: 'max-unavailable', type: 'string', default: '' },
  { name: 'selector', type: 'string', default: '' },
]

const QUANTITY_ERROR = "error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

export function quotaFor(ctx: KubectlContext, name: string | undefined, flags: FlagValues): KubeObject {
  if (!name) throw nameRequired('quota')
  const hardText = String(flags.hard ?? '')
  let hard: Record<string, string> | undefined
  if (hardText) {
    hard = {}
    for (const statement of hardText.split(',')) {
      const parts = statement.split('=')
      if (parts.length !== 2) throw new KubectlError(`error: Invalid argument syntax ${statement}, expected <resource>=<value>`)
      if (!parseQuantityExact(parts[1]!)) throw new KubectlError(QUANTITY_ERROR)
      hard[parts[0]!] = quantityString(parts[1]!)
    }
  }
  const scopesText = String(flags.scopes ?? '')
  const scopes = scopesText ? scopesText.split(',') : undefined
  if (scopes?.includes('')) throw new KubectlError('error: invalid resource quota scope ""')
  return { kind: 'ResourceQuota', apiVersion: 'v1', metadata: generatedMeta(ctx, name), spec: { hard, scopes } }
}

export function priorityClassFor(name: string | undefined, flags: FlagValues): KubeObject {
  if (!name) throw nameRequired('priorityclass')
  return {
    kind: 'PriorityClass',
    apiVersion: 'scheduling.k8s.io/v1',
    metadata: { name, creationTimestamp: null as unknown as string },
    value: flags.value as number,
    globalDefault: flags['global-default'] ? true : undefined,
    description: String(flags.description ?? '') || undefined,
    preemptionPolicy: String(flags['preemption-policy'] ?? ''),
  }
}

/** metav1.ParseToLabelSelector: equality goes to matchLabels, set operators to matchExpressions. */
function labelSelectorFrom(text: string): Record<string, unknown> {
  let reqs
  try {
    reqs = parseSelector(text).requirements
  } catch (e) {
    throw new KubectlError(`error: ${(e as Error).message}`)
  }
  const matchLabels: Record<string, string> = {}
  const matchExpressions: Record<string, unknown>[] = []
  // labels.Parse returns requirements sorted by key.
  for (const r of [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (r.operator === 'Equals') {
      matchLabels[r.key] = r.values[0]!
      continue
    }
    if (r.operator === 'Gt' || r.operator === 'Lt') throw new KubectlError(`error: "${r.operator === 'Gt' ? 'gt' : 'lt'}" isn't supported in label selectors`)
    if (r.operator === 'NotEquals') throw new KubectlError('error: "!=" is not a valid label selector operator')
    matchExpressions.push({ key: r.key, operator: r.operator, values: r.values.length ? [...r.values].sort() : undefined })
  }
  return { matchLabels: Object.keys(matchLabels).length ? matchLabels : undefined, matchExpressions: matchExpressions.length ? matchExpressions : undefined }
}

export function podDisruptionBudgetFor(ctx: KubectlContext, name: string | undefined, flags: FlagValues): KubeObject {
  if (!name) throw nameRequired('poddisruptionbudget')
  const selector = String(flags.selector ?? '')
  const min = String(flags['min-available'] ?? '')
  const max = String(flags['max-unavailable'] ?? '')
  if (!selector) throw new KubectlError('error: a selector must be specified')
  if (!min && !max) throw new KubectlError('error: one of min-available or max-unavailable must be specified')
  if (min && max) throw new KubectlError('error: min-available and max-unavailable cannot be both specified')
  if (min && !/^[0-9]+%?$/.test(min)) throw new KubectlError('error: invalid format specified for min-available')
  if (max && !/^[0-9]+%?$/.test(max)) throw new KubectlError('error: invalid format specified for max-unavailable')
  // intstr.Parse: digits become an integer, anything else stays a string.
  const intOrString = (v: string) => (/^\d+$/.test(v) ? parseInt(v, 10) : v)
  return {
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    metadata: generatedMeta(ctx, name),
    spec: { minAvailable: min ? intOrString(min) : undefined, selector: labelSelectorFrom(selector), maxUnavailable: max ? intOrString(max) : undefined },
  }
}
