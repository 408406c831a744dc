/**
 * Per-resource behaviour (upstream's pkg/registry/<group>/<resource>/strategy.go): what to
 * default and reset on create and update, how to validate, whether spec changes bump
 * metadata.generation. The API server core stays generic.
 */

import type { KubeObject } from '../api/types'
import type { FieldError } from '../machinery/errors'
import type { Clock } from '../sim/clock'
import type { Random } from '../sim/random'

export interface StrategyContext {
  clock: Clock
  random: Random
  /** Read access to other objects (e.g. a Service's clusterIP allocation). */
  list(resource: string, namespace?: string): KubeObject[]
}

export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'none'

export interface Strategy {
  nameRule?: NameRule
  /** Whether a spec change bumps metadata.generation (kinds with a spec and status). */
  generation?: boolean
  /** Status is written only through the status subresource. */
  statusSubresource?: boolean
  prepareForCreate?(obj: KubeObject, ctx: StrategyContext): void
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): void
  validate?(obj: KubeObject, ctx: StrategyContext): FieldError[]
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: StrategyContext): FieldError[]
  /** Called after a delete completes (release allocated IPs/ports...). */
  afterDelete?(obj: KubeObject, ctx: StrategyContext): void
}
