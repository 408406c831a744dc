/**
 * kubectl rollout status (pkg/cmd/rollout/rollout_status.go + polymorphichelpers
 * rollout_status.go): watch one object and print its status viewer's line for the initial
 * list and for every change, until the rollout is done, it fails, or --timeout passes. The
 * simulated clock moves while it waits, as real time would.
 */

import type { KubeObject } from '../../api/types'
import { parseDuration } from '../../machinery/duration'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagValues } from '../flags'
import type { RolloutTarget } from './rollout'

/** With --timeout=0 kubectl waits for ever; the simulation stops waiting after this long. */
export const STATUS_WAIT_CAP_MS = 60 * 60_000

/** wait.ErrWaitTimeout's text, what a timed out watch returns. */
const TIMED_OUT = 'timed out waiting for the condition'

interface Viewed {
  line: string
  done: boolean
  error?: string
}

type Spec = Record<string, unknown>
type Status = Record<string, number | string | undefined>

function deploymentStatus(d: KubeObject, revision: number): Viewed {
  const name = d.metadata.name
  const spec = d.spec as Spec
  const st = (d.status ?? {}) as Status & { conditions?: { type: string; reason?: string }[] }
  if (revision > 0) {
    const rev = parseInt(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '', 10)
    if (Number.isNaN(rev)) return { line: '', done: false, error: `cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "": invalid syntax` }
    if (rev !== revision) return { line: '', done: false, error: `desired revision (${revision}) is different from the running revision (${rev})` }
  }
  const n = (k: string) => (st[k] as number | undefined) ?? 0
  if ((d.metadata.generation ?? 0) <= n('observedGeneration')) {
    const progressing = st.conditions?.find((c) => c.type === 'Progressing')
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { line: '', done: false, error: `deployment "${name}" exceeded its progress deadline` }
    const replicas = spec.replicas as number | undefined
    if (replicas !== undefined && n('updatedReplicas') < replicas) {
      return { line: `Waiting for deployment "${name}" rollout to finish: ${n('updatedReplicas')} out of ${replicas} new replicas have been updated...\n`, done: false }
    }
    if (n('replicas') > n('updatedReplicas')) {
      return { line: `Waiting for deployment "${name}" rollout to finish: ${n('replicas') - n('updatedReplicas')} old replicas are pending termination...\n`, done: false }
    }
    if (n('availableReplicas') < n('updatedReplicas')) {
      return { line: `Waiting for deployment "${name}" rollout to finish: ${n('availableReplicas')} of ${n('updatedReplicas')} updated replicas are available...\n`, done: false }
    }
    return { line: `deployment "${name}" successfully rolled out\n`, done: true }
  }
  return { line: 'Waiting for deployment spec update to be observed...\n', done: false }
}

function daemonSetStatus(ds: KubeObject): Viewed {
  const name = ds.metadata.name
  const spec = ds.spec as { updateStrategy?: { type?: string } }
  const st = (ds.status ?? {}) as Status
  const n = (k: string) => (st[k] as number | undefined) ?? 0
  if (spec.updateStrategy?.type !== 'RollingUpdate') return { line: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' }
  if ((ds.metadata.generation ?? 0) <= n('observedGeneration')) {
    if (n('updatedNumberScheduled') < n('desiredNumberScheduled')) {
      return { line: `Waiting for daemon set "${name}" rollout to finish: ${n('updatedNumberScheduled')} out of ${n('desiredNumberScheduled')} new pods have been updated...\n`, done: false }
    }
    if (n('numberAvailable') < n('desiredNumberScheduled')) {
      return { line: `Waiting for daemon set "${name}" rollout to finish: ${n('numberAvailable')} of ${n('desiredNumberScheduled')} updated pods are available...\n`, done: false }
    }
    return { line: `daemon set "${name}" successfully rolled out\n`, done: true }
  }
  return { line: 'Waiting for daemon set spec update to be observed...\n', done: false }
}

function statefulSetStatus(sts: KubeObject): Viewed {
  const spec = sts.spec as { replicas?: number; updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } } }
  const st = (sts.status ?? {}) as Status
  const n = (k: string) => (st[k] as number | undefined) ?? 0
  if (spec.updateStrategy?.type !== 'RollingUpdate') return { line: '', done: true, error: 'rollout status is only available for RollingUpdate strategy type' }
  if (n('observedGeneration') === 0 || (sts.metadata.generation ?? 0) > n('observedGeneration')) {
    return { line: 'Waiting for statefulset spec update to be observed...\n', done: false }
  }
  if (spec.replicas !== undefined && n('readyReplicas') < spec.replicas) return { line: `Waiting for ${spec.replicas - n('readyReplicas')} pods to be ready...\n`, done: false }
  const ru = spec.updateStrategy.rollingUpdate
  if (ru) {
    if (spec.replicas !== undefined && ru.partition !== undefined && n('updatedReplicas') < spec.replicas - ru.partition) {
      return { line: `Waiting for partitioned roll out to finish: ${n('updatedReplicas')} out of ${spec.replicas - ru.partition} new pods have been updated...\n`, done: false }
    }
    return { line: `partitioned roll out complete: ${n('updatedReplicas')} new pods have been updated...\n`, done: true }
  }
  if (st.updateRevision !== st.currentRevision) {
    return { line: `waiting for statefulset rolling update to complete ${n('updatedReplicas')} pods at revision ${st.updateRevision ?? ''}...\n`, done: false }
  }
  return { line: `statefulset rolling update complete ${n('currentReplicas')} pods at revision ${st.currentRevision ?? ''}...\n`, done: true }
}

/** StatusViewerFor */
function viewerFor(kind: string, group: string): ((o: KubeObject, revision: number) => Viewed) | undefined {
  if (group === 'apps' && kind === 'Deployment') return deploymentStatus
  if (group === 'apps' && kind === 'DaemonSet') return daemonSetStatus
  if (group === 'apps' && kind === 'StatefulSet') return statefulSetStatus
  return undefined
}

export function runRolloutStatus(ctx: KubectlContext, targets: RolloutTarget[], flags: FlagValues): number {
  const revision = flags.revision as number
  if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`)
  if (targets.length !== 1) {
    throw new KubectlError(`error: rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`)
  }
  const { type, name } = targets[0]!
  const viewer = viewerFor(type.kind, type.group)
  if (!viewer) throw new KubectlError(`error: no status viewer has been implemented for ${type.group ? `${type.kind}.${type.group}` : type.kind}`)
  const timeoutMs = parseDuration(String(flags.timeout)) ?? 0
  const watch = flags.watch as boolean
  const initial = ctx.api.get(type, ctx.namespace, name)

  let finished = false
  let failure: string | undefined
  const show = (obj: KubeObject) => {
    if (finished) return
    const v = viewer(obj, revision)
    if (v.error) {
      failure = v.error
      finished = true
      return
    }
    ctx.out(v.line)
    if (v.done || !watch) finished = true
  }
  // The list comes first (UntilWithSync), then every ADDED / MODIFIED event of the object.
  show(initial)
  if (finished) return failure ? fail(failure) : 0
  const stop = ctx.api.watch(type, { namespace: ctx.namespace, fieldSelector: `metadata.name=${name}` }, (ev) => {
    if (finished) return
    if (ev.type === 'DELETED') {
      failure = 'object has been deleted'
      finished = true
      return
    }
    show(ev.object)
  })
  try {
    const ok = ctx.waitFor(() => finished, timeoutMs > 0 ? timeoutMs : STATUS_WAIT_CAP_MS)
    if (!ok) return fail(TIMED_OUT)
  } finally {
    stop()
  }
  return failure ? fail(failure) : 0
}

function fail(message: string): never {
  throw new KubectlError(`error: ${message}`)
}
