/** Pod strategy: defaulting, validation, and the narrow set of fields an update may change. */

import { defaultPod } from '../../api/defaults/pod'
import { validatePodSpec } from '../../api/validation/pod'
import type { KubeObject } from '../../api/types'
import { fieldErr } from '../../machinery/errors'
import type { Strategy } from '../strategy'

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'

/** The spec with the fields an update may change blanked out, to compare the rest. */
function fixedPart(spec: unknown): string {
  const s = JSON.parse(JSON.stringify(spec ?? {})) as Record<string, unknown> & {
    containers?: { image?: string }[]
    initContainers?: { image?: string }[]
  }
  for (const c of s.containers ?? []) delete c.image
  for (const c of s.initContainers ?? []) delete c.image
  delete s.activeDeadlineSeconds
  delete s.tolerations
  delete s.terminationGracePeriodSeconds
  return JSON.stringify(s)
}

export const podStrategy: Strategy = {
  nameRule: 'subdomain',
  statusSubresource: true,
  prepareForCreate(obj: KubeObject) {
    defaultPod(obj)
  },
  validate(obj) {
    return validatePodSpec(obj.spec, 'spec')
  },
  validateUpdate(obj, old) {
    const errs = validatePodSpec(obj.spec, 'spec')
    if (fixedPart(obj.spec) !== fixedPart(old.spec)) errs.push(fieldErr.forbidden('spec', POD_UPDATE_FORBIDDEN))
    return errs
  },
}
