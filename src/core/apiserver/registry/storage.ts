/** PersistentVolumeClaim and PersistentVolume strategies (pkg/registry/core/persistentvolume*). */

/* eslint-disable @typescript-eslint/no-explicit-any -- claims are free-form until validated */
import { defaultPersistentVolume, defaultPersistentVolumeClaim } from '../../api/defaults/storage'
import type { KubeObject } from '../../api/types'
import { fieldErr, goValue, type FieldError } from '../../machinery/errors'
import { parseQuantity } from '../../machinery/quantity'
import type { Strategy } from '../strategy'

const PVC_SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'

/** Go field names of PersistentVolumeClaimSpec in declaration order (for the cmp.Diff lines). */
const PVC_SPEC_FIELDS: [string, string][] = [
  ['accessModes', 'AccessModes'],
  ['selector', 'Selector'],
  ['resources', 'Resources'],
  ['volumeName', 'VolumeName'],
  ['storageClassName', 'StorageClassName'],
  ['volumeMode', 'VolumeMode'],
  ['dataSource', 'DataSource'],
  ['dataSourceRef', 'DataSourceRef'],
  ['volumeAttributesClassName', 'VolumeAttributesClassName'],
]

/** A cmp.Diff-shaped account of what changed (upstream prints the whole struct diff). */
function specDiff(oldSpec: any, newSpec: any): string {
  const lines = ['  core.PersistentVolumeClaimSpec{']
  let same = 0
  for (const [json, go] of PVC_SPEC_FIELDS) {
    const a = oldSpec?.[json]
    const b = newSpec?.[json]
    if (JSON.stringify(a) === JSON.stringify(b)) {
      same++
      continue
    }
    lines.push(`- \t${go}: ${a === undefined ? 'nil' : goValue(a)},`, `+ \t${go}: ${b === undefined ? 'nil' : goValue(b)},`)
  }
  if (same) lines.push(`  \t... // ${same} identical fields`)
  lines.push('  }')
  return lines.join('\n')
}

function storageOf(spec: any): string | number | undefined {
  return spec?.resources?.requests?.storage
}

export const persistentVolumeClaimStrategy: Strategy = {
  nameRule: 'subdomain',
  statusSubresource: true,
  prepareForCreate(obj) {
    // A new claim's status is the server's (reset, then defaulted to Pending).
    obj.status = {}
    defaultPersistentVolumeClaim(obj)
  },
  prepareForUpdate(obj) {
    defaultPersistentVolumeClaim(obj)
  },
  validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
    const errs: FieldError[] = []
    const newSpec = JSON.parse(JSON.stringify(obj.spec ?? {}))
    const oldSpec = JSON.parse(JSON.stringify(old.spec ?? {}))
    // The binder sets volumeName once.
    if (!oldSpec.volumeName) oldSpec.volumeName = newSpec.volumeName
    const bound = (obj.status as any)?.phase === 'Bound'
    if (bound) {
      // A bound claim may change its storage request (expansion) and its attributes class.
      if (newSpec.resources?.requests) newSpec.resources.requests.storage = oldSpec.resources?.requests?.storage
      newSpec.volumeAttributesClassName = oldSpec.volumeAttributesClassName
    }
    if (JSON.stringify(newSpec) !== JSON.stringify(oldSpec)) {
      errs.push(fieldErr.forbidden('spec', `${PVC_SPEC_IMMUTABLE}\n${specDiff(old.spec, obj.spec)}`))
    }
    const before = storageOf(old.spec)
    const after = storageOf(obj.spec)
    if (bound && before !== undefined && after !== undefined && parseQuantity(after) < parseQuantity(before)) {
      errs.push(fieldErr.forbidden('spec.resources.requests.storage', 'field can not be less than previous value'))
    }
    return errs
  },
}

export const persistentVolumeStrategy: Strategy = {
  nameRule: 'subdomain',
  statusSubresource: true,
  prepareForCreate(obj) {
    obj.status = {}
    defaultPersistentVolume(obj)
  },
}
