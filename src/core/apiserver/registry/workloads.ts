/** Strategies of the workload kinds: defaulting, validation, generation, status kept on update. */

import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultReplicationController, defaultStatefulSet } from '../../api/defaults/workloads'
import type { KubeObject } from '../../api/types'
import { validateCronJob } from '../../api/validation/cronjob'
import { validateDaemonSet, validateDeployment, validateJob, validateReplicaSet, validateReplicationController, validateStatefulSet } from '../../api/validation/workloads'
import { fieldErr, goValue, type FieldError } from '../../machinery/errors'
import type { Strategy } from '../strategy'
import { goPodTemplateSpec } from './go-syntax'

type Defaulter = (o: KubeObject) => void
type Validator = (o: KubeObject) => FieldError[]

function immutableSelector(obj: KubeObject, old: KubeObject): FieldError[] {
  const a = (obj.spec as { selector?: unknown } | undefined)?.selector
  const b = (old.spec as { selector?: unknown } | undefined)?.selector
  if (JSON.stringify(a) === JSON.stringify(b)) return []
  const sel = (a ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] }
  const ml = sel.matchLabels ? goValue(sel.matchLabels) : 'map[string]string(nil)'
  const me = sel.matchExpressions ? JSON.stringify(sel.matchExpressions) : '[]v1.LabelSelectorRequirement(nil)'
  return [{ type: 'FieldValueInvalid', field: 'spec.selector', detail: `Invalid value: v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}: field is immutable` }]
}

function workload(defaulter: Defaulter, validator: Validator, opts: { selectorImmutable?: boolean } = {}): Strategy {
  return {
    nameRule: 'subdomain',
    generation: true,
    statusSubresource: true,
    prepareForCreate(obj) {
      defaulter(obj)
      delete obj.status
    },
    prepareForUpdate(obj) {
      defaulter(obj)
    },
    validate: validator,
    validateUpdate(obj, old) {
      const errs = validator(obj)
      if (opts.selectorImmutable) errs.push(...immutableSelector(obj, old))
      return errs
    },
  }
}

export const deploymentStrategy = workload(defaultDeployment, validateDeployment, { selectorImmutable: true })
export const replicaSetStrategy = workload(defaultReplicaSet, validateReplicaSet, { selectorImmutable: true })
export const daemonSetStrategy = workload(defaultDaemonSet, validateDaemonSet, { selectorImmutable: true })
/** ValidateStatefulSetUpdate: only these spec fields may change (v1.31's list and wording). */
const STATEFULSET_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds']
const STATEFULSET_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

export const statefulSetStrategy: Strategy = {
  ...workload(defaultStatefulSet, validateStatefulSet),
  validateUpdate(obj, old) {
    const errs = validateStatefulSet(obj)
    const rest = (o: KubeObject) => {
      const spec = { ...((o.spec as Record<string, unknown> | undefined) ?? {}) }
      for (const f of STATEFULSET_MUTABLE) delete spec[f]
      return JSON.stringify(spec)
    }
    if (rest(obj) !== rest(old)) errs.push(fieldErr.forbidden('spec', STATEFULSET_FORBIDDEN))
    return errs
  },
}
export const replicationControllerStrategy = workload(defaultReplicationController, validateReplicationController)
export const jobStrategy: Strategy = {
  ...workload(defaultJob, validateJob),
  validateUpdate(obj, old) {
    const errs = validateJob(obj)
    const template = (o: KubeObject) => (o.spec as { template?: unknown })?.template
    if (JSON.stringify(template(obj)) !== JSON.stringify(template(old))) {
      errs.push({ type: 'FieldValueInvalid', field: 'spec.template', detail: `Invalid value: ${goPodTemplateSpec(template(obj))}: field is immutable` })
    }
    return errs
  },
}
export const cronJobStrategy: Strategy = {
  ...workload(defaultCronJob, (o) => validateCronJob(o)),
  validateUpdate: (obj, old) => validateCronJob(obj, old),
}
