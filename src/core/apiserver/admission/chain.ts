/**
 * Admission control: after defaulting, mutating plugins may change the object; after
 * validation, validating plugins may refuse it (403). Order matters and follows upstream's
 * recommended plugin order.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import type { APIServer, User } from '../server'

export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE' | 'DELETE'
  resource: ResourceType
  subresource?: string
  object: KubeObject
  oldObject?: KubeObject
  user?: User
  api: APIServer
}

export interface AdmissionPlugin {
  name: string
  mutate?(a: AdmissionAttributes): void
  validate?(a: AdmissionAttributes): void
}

export function admit(plugins: readonly AdmissionPlugin[], a: AdmissionAttributes): void {
  for (const p of plugins) p.mutate?.(a)
}

export function validateAdmission(plugins: readonly AdmissionPlugin[], a: AdmissionAttributes): void {
  for (const p of plugins) p.validate?.(a)
}
