/** What the `kubectl set` sub-commands share: where a kind keeps its pod spec, and error output. */

import type { KubeObject } from '../../api/types'

export interface Container {
  name: string
  image?: string
}
export interface PodSpecLike {
  containers?: Container[]
  initContainers?: Container[]
}

/** Where each kind keeps its pod spec (polymorphichelpers.updatePodSpecForObject). */
export function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined
  if (!spec) return undefined
  if (obj.kind === 'Pod') return spec as PodSpecLike
  if (obj.kind === 'CronJob') {
    const jt = spec.jobTemplate as { spec?: { template?: { spec?: PodSpecLike } } } | undefined
    return jt?.spec?.template?.spec
  }
  return (spec.template as { spec?: PodSpecLike } | undefined)?.spec
}

export const WITH_POD_SPEC = new Set(['Pod', 'ReplicationController', 'Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob'])

/**
 * An aggregate error as cmdutil.CheckErr prints it: a single error gets the `error: ` prefix
 * it lacks; several are printed one a line as they are (MultipleErrors with no prefix).
 */
export function aggregate(msgs: string[]): string {
  if (msgs.length === 1) return msgs[0]!.startsWith('error: ') ? msgs[0]! : `error: ${msgs[0]!}`
  return msgs.join('\n')
}
