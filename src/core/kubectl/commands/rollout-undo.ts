/**
 * kubectl rollout undo (pkg/cmd/rollout/rollout_undo.go, polymorphichelpers/rollback.go):
 * kubectl itself finds the revision's ReplicaSet (or ControllerRevision) and writes its pod
 * template back into the object; the controller then sees an old template become current.
 */

import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import { canonicalJSON } from '../../machinery/hash'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagValues } from '../flags'
import { refName } from '../resource-args'
import type { RolloutTarget } from './rollout'
import { kindString, revisionsOf, type Revision } from './rollout-history'
import { describePodTemplate, type PodTemplate } from './rollout-template'

const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash'
const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash'

/** Annotations kept from the Deployment, never copied from the ReplicaSet (annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
])

function withoutLabel(t: PodTemplate, label: string): PodTemplate {
  const c = clone(t)
  if (c.metadata?.labels) {
    delete c.metadata.labels[label]
    if (!Object.keys(c.metadata.labels).length) delete c.metadata.labels
  }
  return c
}

function sameTemplate(a: PodTemplate, b: PodTemplate, label: string): boolean {
  return canonicalJSON(withoutLabel(a, label)) === canonicalJSON(withoutLabel(b, label))
}

/** deploymentRevision / the ControllerRevision pick: the given revision, or the one before the latest. */
function pickRevision(revs: Revision[], toRevision: number, obj: KubeObject): Revision {
  if (toRevision > 0) {
    const r = revs.find((x) => x.revision === toRevision)
    if (!r) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`)
    return r
  }
  if (obj.kind === 'Deployment') {
    if (revs.length < 2) throw new KubectlError(`error: no rollout history found for deployment "${obj.metadata.name}"`)
  } else if (revs.length < 2) throw new KubectlError('error: no last revision to roll back to')
  return revs[revs.length - 2]!
}

export function runRolloutUndo(ctx: KubectlContext, targets: RolloutTarget[], flags: FlagValues): number {
  const toRevision = flags['to-revision'] as number
  const dryRun = String(flags['dry-run'])
  let exit = 0
  for (const { type, name } of targets) {
    let obj: KubeObject
    try {
      obj = ctx.api.get(type, ctx.namespace, name)
    } catch (e) {
      ctx.err(`${formatError(e)}\n`)
      exit = 1
      continue
    }
    if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(obj.kind)) throw new KubectlError(`error: no rollbacker has been implemented for "${kindString(type)}"`)
    if (toRevision < 0) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`)
    const target = pickRevision(revisionsOf(ctx.api, obj), toRevision, obj)
    if (dryRun === 'client') {
      // printPodTemplate (StatefulSet, DaemonSet) says what it would do; the Deployment's printTemplate does not.
      const lead = obj.kind === 'Deployment' ? '' : 'will roll back to '
      ctx.out(`${refName(type, name)} ${lead}${describePodTemplate(target.template)} (dry run)\n`)
      continue
    }
    const spec = obj.spec as { paused?: boolean; template?: PodTemplate }
    if (obj.kind === 'Deployment' && spec.paused) {
      throw new KubectlError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
    }
    const label = obj.kind === 'Deployment' ? POD_TEMPLATE_HASH_LABEL : CONTROLLER_REVISION_HASH_LABEL
    if (sameTemplate(target.template, spec.template ?? {}, label)) {
      ctx.out(`${refName(type, name)} skipped rollback (current template already matches revision ${toRevision})\n`)
      continue
    }
    const next = clone(obj)
    ;(next.spec as { template: PodTemplate }).template = withoutLabel(target.template, label)
    if (obj.kind === 'Deployment') {
      // The Deployment's annotations become its own bookkeeping ones plus the ReplicaSet's others.
      const annotations: Record<string, string> = {}
      for (const [k, v] of Object.entries(obj.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
      for (const [k, v] of Object.entries(target.source.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
      next.metadata.annotations = annotations
    }
    try {
      ctx.api.update(type, next, { user: ctx.user, dryRun: dryRun === 'server' })
    } catch (e) {
      throw new KubectlError(`error: failed restoring revision ${toRevision}: ${formatError(e).replace(/^error: /, '')}`)
    }
    ctx.out(`${refName(type, name)} rolled back${dryRun === 'server' ? ' (server dry run)' : ''}\n`)
  }
  return exit
}
