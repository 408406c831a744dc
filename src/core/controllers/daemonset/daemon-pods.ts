/**
 * Daemon pod helpers (pkg/controller/daemon/util/daemonset_util.go and the parts of
 * daemon_controller.go that decide per node): the tolerations daemon pods always get, the node
 * a pod is for, whether a pod runs the current template, and podsShouldBeOnNode.
 */

import type { KubeObject } from '../../api/types'
import type { Toleration } from '../../api/tolerations'
import { CONTROLLER_REVISION_HASH_LABEL } from '../controller-utils/history'
import { isPodAvailable, isPodReady, podPhase } from '../controller-utils/pods'

/** extensions.DaemonSetTemplateGenerationKey */
export const DAEMONSET_TEMPLATE_GENERATION_KEY = 'pod-template-generation'

/** AddOrUpdateDaemonPodTolerations */
export function daemonPodTolerations(existing: Toleration[], hostNetwork: boolean): Toleration[] {
  const add: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ]
  if (hostNetwork) add.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' })
  const out = [...existing]
  for (const t of add) if (!out.some((x) => x.key === t.key && x.effect === t.effect)) out.push(t)
  return out
}

/** GetTargetNodeName: the pod's binding, or the node its affinity pins it to. */
export function nodeTarget(p: KubeObject): string | undefined {
  const spec = p.spec as { nodeName?: string; affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; values?: string[] }[] }[] } } } }
  if (spec.nodeName) return spec.nodeName
  const f = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.find((m) => m.key === 'metadata.name')
  return f?.values?.[0]
}

/** IsPodUpdated: the current hash, or (for pods from before hashes) the template generation. */
export function isPodUpdated(pod: KubeObject, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {}
  const templateMatches = generation !== undefined && labels[DAEMONSET_TEMPLATE_GENERATION_KEY] === String(generation)
  return (!!hash && labels[CONTROLLER_REVISION_HASH_LABEL] === hash) || templateMatches
}

/** podByCreationTimestampAndPhase: scheduled pods first, then oldest, then by name. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const an = !!(a.spec as { nodeName?: string }).nodeName
  const bn = !!(b.spec as { nodeName?: string }).nodeName
  if (an !== bn) return an ? -1 : 1
  const at = a.metadata.creationTimestamp ?? ''
  const bt = b.metadata.creationTimestamp ?? ''
  if (at === bt) return (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')
  return at < bt ? -1 : 1
}

export interface NodePlan {
  create: boolean
  delete: KubeObject[]
}

export interface NodeCheck {
  ds: KubeObject
  hash: string
  surge: boolean
  minReadySeconds: number
  now: number
}

/**
 * podsShouldBeOnNode: a node that should run the daemon and has no pod (a terminating one
 * counts) gets one; finished pods go; without surge only the oldest running pod stays; with
 * surge an old and a new pod may share a node until the new one is available.
 */
export function podsShouldBeOnNode(shouldRun: boolean, pods: KubeObject[], c: NodeCheck): NodePlan {
  if (!shouldRun) return { create: false, delete: pods.filter((p) => !p.metadata.deletionTimestamp) }
  if (!pods.length) return { create: true, delete: [] }
  const del: KubeObject[] = []
  const running: KubeObject[] = []
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue
    const phase = podPhase(p)
    if (phase === 'Failed' || phase === 'Succeeded') del.push(p)
    else running.push(p)
  }
  if (running.length <= 1) return { create: false, delete: del }
  running.sort(byCreation)
  if (!c.surge) return { create: false, delete: [...del, ...running.slice(1)] }
  let oldestNew: KubeObject | undefined
  let oldestOld: KubeObject | undefined
  for (const p of running) {
    const isNew = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === c.hash
    if (isNew && !oldestNew) oldestNew = p
    else if (!isNew && !oldestOld) oldestOld = p
    else del.push(p)
  }
  if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, c.minReadySeconds, c.now))) del.push(oldestOld)
  return { create: false, delete: del }
}
