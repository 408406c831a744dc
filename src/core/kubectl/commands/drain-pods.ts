/**
 * drain.Helper.DeleteOrEvictPods (k8s.io/kubectl/pkg/drain/drain.go): evict every pod (each
 * on its own goroutine upstream, retrying a refused eviction every 5 s), or delete them all,
 * then poll each pod every second until it is gone, all within --timeout. Here the
 * goroutines are steps on the simulated clock: at each moment the pods due act in list order.
 */

import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { goDuration } from '../../machinery/duration'
import type { KubectlContext } from '../context'
import { lookupType } from '../resource-args'
import { shouldSkipPod } from './drain-filters'

/** What kubectl waits between two refused evictions. */
export const EVICTION_RETRY_MS = 5_000
/** waitForDelete's poll interval. */
export const DELETE_POLL_MS = 1_000
/** A zero --timeout waits for ever; the simulation gives up after this long. */
const FOREVER_MS = 7 * 24 * 3600_000

export interface EvictOptions {
  gracePeriodSeconds: number
  timeoutMs: number
  skipWaitForDeleteTimeoutSeconds: number
  dryRun: string
}

interface Worker {
  pod: KubeObject
  state: 'evict' | 'wait' | 'done'
  at: number
  error?: string
}

function podRef(pod: KubeObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`
}

/** getPodFn's verdict: gone when not found, or replaced by a pod of the same name. */
function podGone(ctx: KubectlContext, pod: KubeObject): { gone: boolean; current?: KubeObject } {
  try {
    const current = ctx.api.get(lookupType(ctx.api, 'pods'), pod.metadata.namespace, pod.metadata.name!)
    return { gone: current.metadata.uid !== pod.metadata.uid, current }
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return { gone: true }
    throw e
  }
}

function deleteOptions(o: EvictOptions): { gracePeriodSeconds?: number; dryRun?: boolean } {
  return { ...(o.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: o.gracePeriodSeconds } : {}), ...(o.dryRun === 'server' ? { dryRun: true } : {}) }
}

/** Runs the workers on the simulated clock until each is done; returns their errors. */
function runWorkers(ctx: KubectlContext, workers: Worker[], step: (w: Worker) => void): string[] {
  for (;;) {
    const active = workers.filter((w) => w.state !== 'done')
    if (!active.length) break
    const next = Math.min(...active.map((w) => w.at))
    if (next > ctx.clock.now()) ctx.waitFor(() => false, next - ctx.clock.now())
    for (const w of active) if (w.state !== 'done' && w.at <= ctx.clock.now()) step(w)
  }
  return workers.filter((w) => w.error).map((w) => w.error!)
}

/** evictPods */
export function evictPods(ctx: KubectlContext, pods: KubeObject[], o: EvictOptions, onFinished: (pod: KubeObject) => void): string[] {
  const start = ctx.clock.now()
  const timeout = o.timeoutMs > 0 ? o.timeoutMs : FOREVER_MS
  const timedOut = () => ctx.clock.now() - start >= timeout
  const globalTimeout = `global timeout reached: ${o.timeoutMs > 0 ? goDuration(o.timeoutMs) : '2562047h47m16.854775807s'}`
  const workers: Worker[] = pods.map((pod) => ({ pod, state: 'evict', at: start }))
  const evict = (w: Worker) => {
    const { pod } = w
    ctx.out(`evicting pod ${podRef(pod)}${o.dryRun === 'server' ? ' (server dry run)' : ''}\n`)
    if (timedOut()) {
      w.state = 'done'
      w.error = `error when evicting pods/${JSON.stringify(pod.metadata.name)} -n ${JSON.stringify(pod.metadata.namespace)}: ${globalTimeout}`
      return
    }
    try {
      ctx.api.evict(pod.metadata.namespace!, pod.metadata.name!, deleteOptions(o))
    } catch (e) {
      if (!isStatusError(e)) throw e
      w.state = 'done'
      if (e.code === 404) return
      if (e.code === 429) {
        ctx.err(`error when evicting pods/${JSON.stringify(pod.metadata.name)} -n ${JSON.stringify(pod.metadata.namespace)} (will retry after 5s): ${e.message}\n`)
        w.state = 'evict'
        w.at = ctx.clock.now() + EVICTION_RETRY_MS
        return
      }
      w.error = `error when evicting pods/${JSON.stringify(pod.metadata.name)} -n ${JSON.stringify(pod.metadata.namespace)}: ${e.message}`
      return
    }
    if (o.dryRun === 'server') {
      w.state = 'done'
      return
    }
    // waitForDelete polls at once, then every second.
    w.state = 'wait'
    wait(w)
  }
  const wait = (w: Worker) => {
    const { gone, current } = podGone(ctx, w.pod)
    w.at = ctx.clock.now() + DELETE_POLL_MS
    if (gone) {
      w.state = 'done'
      onFinished(w.pod)
    } else if (current && shouldSkipPod(current, o.skipWaitForDeleteTimeoutSeconds, ctx.clock.now())) {
      ctx.out(`pod ${JSON.stringify(w.pod.metadata.name)} has DeletionTimestamp older than ${o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`)
      w.state = 'done'
    } else if (timedOut()) {
      w.state = 'done'
      w.error = `error when waiting for pod ${JSON.stringify(w.pod.metadata.name)} in namespace ${JSON.stringify(w.pod.metadata.namespace)} to terminate: ${globalTimeout}`
    }
  }
  return runWorkers(ctx, workers, (w) => (w.state === 'evict' ? evict(w) : wait(w)))
}

/** deletePods: delete them all, then wait for all of them within --timeout. */
export function deletePods(ctx: KubectlContext, pods: KubeObject[], o: EvictOptions, onFinished: (pod: KubeObject) => void): string | undefined {
  const podType = lookupType(ctx.api, 'pods')
  for (const pod of pods) {
    try {
      ctx.api.delete(podType, pod.metadata.namespace, pod.metadata.name!, deleteOptions(o))
    } catch (e) {
      if (!(isStatusError(e) && e.code === 404)) return e instanceof Error ? e.message : String(e)
    }
  }
  const start = ctx.clock.now()
  const timeout = o.timeoutMs > 0 ? o.timeoutMs : FOREVER_MS
  let pending = pods
  for (;;) {
    const left: KubeObject[] = []
    for (const pod of pending) {
      const { gone, current } = podGone(ctx, pod)
      if (gone) onFinished(pod)
      else if (current && shouldSkipPod(current, o.skipWaitForDeleteTimeoutSeconds, ctx.clock.now())) {
        ctx.out(`pod ${JSON.stringify(pod.metadata.name)} has DeletionTimestamp older than ${o.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`)
      } else left.push(pod)
    }
    pending = left
    if (!pending.length) return undefined
    if (ctx.clock.now() - start + DELETE_POLL_MS > timeout) {
      ctx.waitFor(() => false, Math.max(0, start + timeout - ctx.clock.now()))
      return 'timed out waiting for the condition'
    }
    ctx.waitFor(() => false, DELETE_POLL_MS)
  }
}
