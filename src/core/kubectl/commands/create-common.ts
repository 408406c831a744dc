/** What kubectl's `create` generators share: NAME checking, metadata, pflag string slices. */

import type { KubeObject } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagValues } from '../flags'

/** NameFromCommandArgs with no NAME given: `cmd` is the subcommand's path after `create`. */
export function nameRequired(cmd: string): KubectlError {
  return new KubectlError(`error: exactly one NAME is required, got 0\nSee 'kubectl create ${cmd} -h' for help and examples`)
}

/** A generator's metadata: the namespace only when -n was given (EnforceNamespace), as kubectl writes it. */
export function generatedMeta(ctx: KubectlContext, name: string, namespaced = true): KubeObject['metadata'] {
  return { name, namespace: namespaced && ctx.explicitNamespace ? ctx.namespace : undefined, creationTimestamp: null as unknown as string }
}

/** A pflag StringSlice flag: repeatable, each value itself comma-separated. */
export const csv = (v: FlagValues[string]): string[] => (Array.isArray(v) ? v : []).flatMap((s) => (s === '' ? [] : s.split(',')))
