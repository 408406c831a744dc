/**
 * Which pods of a node drain takes away (k8s.io/kubectl/pkg/drain/filters.go): each pod runs
 * through skipDeleted, daemonSet, mirrorPod, localStorage and unreplicated filters; the first
 * that keeps it decides, with a warning or an error that drain prints in upstream's words.
 */

import { controllerRef, type KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { parseTime } from '../../machinery/time'
import type { KubectlContext } from '../context'
import { lookupType } from '../resource-args'

const DAEMON_SET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'
const DAEMON_SET_WARNING = 'ignoring DaemonSet-managed Pods'
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)'
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage'
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)'
const UNMANAGED_WARNING = 'deleting Pods that declare no controller'
/** corev1.MirrorPodAnnotationKey: a static pod's copy in the API, which only its kubelet removes. */
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'

export interface DrainOptions {
  force: boolean
  ignoreAllDaemonSets: boolean
  deleteEmptyDirData: boolean
  skipWaitForDeleteTimeoutSeconds: number
}

type Reason = 'Okay' | 'Skip' | 'Warning' | 'Error'

export interface PodDelete {
  pod: KubeObject
  delete: boolean
  reason: Reason
  message: string
}

type Status = Omit<PodDelete, 'pod'>
const okay: Status = { delete: true, reason: 'Okay', message: '' }
const skip: Status = { delete: false, reason: 'Skip', message: '' }
const warning = (del: boolean, message: string): Status => ({ delete: del, reason: 'Warning', message })
const error = (message: string): Status => ({ delete: false, reason: 'Error', message })

function finished(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

/** shouldSkipPod: --skip-wait-for-delete-timeout lets long-terminating pods be. */
export function shouldSkipPod(pod: KubeObject, skipSeconds: number, now: number): boolean {
  const ts = parseTime(pod.metadata.deletionTimestamp)
  return skipSeconds > 0 && ts !== undefined && Math.trunc((now - ts) / 1000) > skipSeconds
}

function makeFilters(ctx: KubectlContext, o: DrainOptions): ((pod: KubeObject) => Status)[] {
  const dsType = lookupType(ctx.api, 'daemonsets')
  return [
    (pod) => (shouldSkipPod(pod, o.skipWaitForDeleteTimeoutSeconds, ctx.clock.now()) ? skip : okay),
    (pod) => {
      const ref = controllerRef(pod)
      if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return okay
      try {
        ctx.api.get(dsType, pod.metadata.namespace, ref.name)
      } catch (e) {
        if (!isStatusError(e)) throw e
        return e.code === 404 && o.force ? warning(true, e.message) : error(e.message)
      }
      return o.ignoreAllDaemonSets ? warning(false, DAEMON_SET_WARNING) : error(DAEMON_SET_FATAL)
    },
    (pod) => (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined ? skip : okay),
    (pod) => {
      const volumes = (pod.spec as { volumes?: { emptyDir?: unknown }[] } | undefined)?.volumes ?? []
      if (!volumes.some((v) => v.emptyDir) || finished(pod)) return okay
      return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : error(LOCAL_STORAGE_FATAL)
    },
    (pod) => {
      if (finished(pod) || controllerRef(pod)) return okay
      return o.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL)
    },
  ]
}

/** filterPods: every pod gets the status of the first filter that does not keep it. */
export function filterPods(ctx: KubectlContext, pods: KubeObject[], o: DrainOptions): PodDelete[] {
  const filters = makeFilters(ctx, o)
  return pods.map((pod) => {
    let status = okay
    for (const f of filters) {
      status = f(pod)
      if (!status.delete) break
    }
    return { pod, ...status }
  })
}

/**
 * Pods grouped by message, "ns/name" joined by ", ". Upstream walks a Go map, so with more
 * than one message its order varies from run to run; here it is the order first seen.
 */
function grouped(list: PodDelete[], reason: Reason): Map<string, string[]> {
  const by = new Map<string, string[]>()
  for (const i of list) {
    if (i.reason !== reason) continue
    const msg = i.message || (reason === 'Error' ? 'unexpected error' : '')
    by.set(msg, [...(by.get(msg) ?? []), `${i.pod.metadata.namespace}/${i.pod.metadata.name}`])
  }
  return by
}

/** PodDeleteList.Warnings */
export function deleteWarnings(list: PodDelete[]): string {
  return [...grouped(list, 'Warning')].map(([msg, pods]) => `${msg}: ${pods.join(', ')}`).join('; ')
}

/** PodDeleteList.errors */
export function deleteErrors(list: PodDelete[]): string[] {
  return [...grouped(list, 'Error')].map(([msg, pods]) => `cannot delete ${msg}: ${pods.join(', ')}`)
}
