/**
 * DefaultTolerationSeconds: every pod tolerates not-ready and unreachable nodes for 300 s,
 * which is why pods on a failed node are evicted about five minutes after it goes NotReady.
 */

import type { AdmissionPlugin } from './chain'

/** kube-apiserver --default-not-ready-toleration-seconds / --default-unreachable-toleration-seconds. */
export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300

interface Toleration {
  key?: string
  operator?: string
  effect?: string
  tolerationSeconds?: number
  value?: string
}

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  mutate(a) {
    if (a.operation !== 'CREATE' || a.resource.plural !== 'pods' || a.subresource) return
    const spec = a.object.spec as { tolerations?: Toleration[] }
    const tolerations = spec.tolerations ?? []
    const has = (key: string) =>
      tolerations.some((t) => (t.operator === 'Exists' && !t.key) || (t.key === key && (!t.effect || t.effect === 'NoExecute')))
    const add: Toleration[] = []
    if (!has('node.kubernetes.io/not-ready'))
      add.push({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS })
    if (!has('node.kubernetes.io/unreachable'))
      add.push({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS })
    if (add.length) spec.tolerations = [...tolerations, ...add]
  },
}
