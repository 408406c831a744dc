/**
 * Deletion as the generic registry does it: graceful deletion for pods on a node (set
 * deletionTimestamp, the kubelet finishes), finalizers that hold an object until they are
 * removed, and the propagation policy turned into the garbage collector's finalizers.
 */

import type { ResourceType } from '../api/resources'
import { storageKey } from '../api/resources'
import { clone, objectKey, type KubeObject } from '../api/types'
import { newConflict, newNotFound } from '../machinery/errors'
import { rfc3339 } from '../machinery/time'
import type { APIServer } from './server'
import type { StrategyContext } from './strategy'
import { admit } from './admission/chain'

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan'

export interface DeleteOptions {
  gracePeriodSeconds?: number
  propagationPolicy?: PropagationPolicy
  preconditions?: { uid?: string; resourceVersion?: string }
}

export const FINALIZER_ORPHAN = 'orphan'
export const FINALIZER_FOREGROUND = 'foregroundDeletion'

function podGracePeriod(pod: KubeObject, requested: number | undefined): number {
  const spec = pod.spec as { nodeName?: string; terminationGracePeriodSeconds?: number }
  const phase = (pod.status as { phase?: string } | undefined)?.phase
  // An unscheduled or finished pod has nothing to stop: it goes at once.
  if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0
  return requested ?? spec.terminationGracePeriodSeconds ?? 30
}

export function deleteObject(
  api: APIServer,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
  opts: DeleteOptions,
  ctx: StrategyContext,
): KubeObject {
  const sk = storageKey(t)
  const key = objectKey(namespace, name)
  const obj = api.store.get(sk, key)
  if (!obj) throw newNotFound(t.plural, t.group, name)
  if (opts.preconditions?.uid && opts.preconditions.uid !== obj.metadata.uid) {
    throw newConflict(t.plural, t.group, name, `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${obj.metadata.uid}`)
  }
  if (opts.preconditions?.resourceVersion && opts.preconditions.resourceVersion !== obj.metadata.resourceVersion) {
    throw newConflict(t.plural, t.group, name, `Precondition failed: ResourceVersion in precondition: ${opts.preconditions.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`)
  }
  admit(api.admission, { operation: 'DELETE', resource: t, object: obj, api })
  const now = ctx.clock.now()
  const grace = t.plural === 'pods' && !t.group ? podGracePeriod(obj, opts.gracePeriodSeconds) : 0
  const finalizers = [...(obj.metadata.finalizers ?? [])]
  const policy = opts.propagationPolicy
  if (policy === 'Orphan' && !finalizers.includes(FINALIZER_ORPHAN)) finalizers.push(FINALIZER_ORPHAN)
  if (policy === 'Foreground' && !finalizers.includes(FINALIZER_FOREGROUND)) finalizers.push(FINALIZER_FOREGROUND)

  if (obj.metadata.deletionTimestamp) {
    // Already terminating: a shorter grace period may still speed it up.
    const current = obj.metadata.deletionGracePeriodSeconds ?? 0
    if (grace === 0 && finalizers.length === 0) return api.purge(t, namespace, name) ?? obj
    if (grace < current) {
      const next = clone(obj)
      next.metadata.deletionGracePeriodSeconds = grace
      next.metadata.deletionTimestamp = rfc3339(now + grace * 1000)
      return clone(api.store.update(sk, key, next))
    }
    return clone(obj)
  }
  // A namespace always passes through Terminating: the namespace controller empties it first.
  const isNamespace = !t.group && t.plural === 'namespaces'
  if (grace > 0 || finalizers.length > 0 || isNamespace) {
    const next = clone(obj)
    next.metadata.deletionTimestamp = rfc3339(now + grace * 1000)
    next.metadata.deletionGracePeriodSeconds = grace
    if (finalizers.length) next.metadata.finalizers = finalizers
    if (isNamespace) {
      next.status = { ...(next.status as object), phase: 'Terminating' }
    }
    return clone(api.store.update(sk, key, next))
  }
  const gone = api.purge(t, namespace, name)
  return clone(gone ?? obj)
}
