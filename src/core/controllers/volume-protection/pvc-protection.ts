/**
 * The pvc-protection controller (pkg/controller/volume/pvcprotection): a deleted claim keeps
 * its kubernetes.io/pvc-protection finalizer, and so stays Terminating, while any scheduled
 * pod still names it; once no pod does, the finalizer goes and the delete completes.
 */

import { PVC_PROTECTION_FINALIZER } from '../../apiserver/admission/storage-object-in-use-protection'
import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { Informer } from '../../client/informer'
import { WorkQueue } from '../../client/workqueue'

interface PodVolumes {
  nodeName?: string
  volumes?: { name: string; persistentVolumeClaim?: { claimName: string }; ephemeral?: unknown }[]
}

/** The claims a pod's volumes name (an ephemeral volume's claim is "<pod>-<volume>"). */
export function podClaimNames(pod: KubeObject): string[] {
  const spec = pod.spec as PodVolumes | undefined
  const names: string[] = []
  for (const v of spec?.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName) names.push(v.persistentVolumeClaim.claimName)
    else if (v.ephemeral) names.push(`${pod.metadata.name}-${v.name}`)
  }
  return names
}

function podIsShutDown(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

/** podUsesPVC: only scheduled pods count, since the kubelet refuses to start one with a deleted claim. */
function podUsesPVC(pod: KubeObject, claim: string): boolean {
  const spec = pod.spec as PodVolumes | undefined
  if (!spec?.nodeName) return false
  return (spec.volumes ?? []).some(
    (v) => v.persistentVolumeClaim?.claimName === claim || (!podIsShutDown(pod) && !!v.ephemeral && `${pod.metadata.name}-${v.name}` === claim),
  )
}

export class PVCProtectionController {
  private readonly queue: WorkQueue
  private readonly pvcInformer: Informer
  private readonly podInformer: Informer
  private readonly pvcType: ResourceType

  constructor(private readonly ctx: ComponentContext) {
    this.pvcType = ctx.api.registry.forGroupResource('', 'persistentvolumeclaims')!
    this.pvcInformer = ctx.informers.for('', 'persistentvolumeclaims')
    this.podInformer = ctx.informers.pods()
    this.queue = new WorkQueue(ctx.clock, (key) => this.processPVC(key))
    const enqueue = (o: KubeObject) => this.queue.add(`${o.metadata.namespace}/${o.metadata.name}`)
    this.pvcInformer.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n) })
    // A pod going away (or finishing) may free the claims it named.
    const onPod = (pod: KubeObject) => {
      for (const claim of podClaimNames(pod)) this.queue.add(`${pod.metadata.namespace}/${claim}`)
    }
    this.podInformer.addEventHandler({ update: (_o, n) => onPod(n), delete: onPod })
  }

  private processPVC(key: string): Error | undefined {
    const pvc = this.pvcInformer.getByKey(key)
    if (!pvc) return undefined
    const finalizers = pvc.metadata.finalizers ?? []
    const has = finalizers.includes(PVC_PROTECTION_FINALIZER)
    if (pvc.metadata.deletionTimestamp) {
      if (!has || this.isBeingUsed(pvc)) return undefined
      const next = clone(pvc)
      next.metadata.finalizers = finalizers.filter((f) => f !== PVC_PROTECTION_FINALIZER)
      this.ctx.api.update(this.pvcType, next)
      return undefined
    }
    if (!has) {
      // A claim created before the admission plugin was on gets its finalizer here.
      const next = clone(pvc)
      next.metadata.finalizers = [...finalizers, PVC_PROTECTION_FINALIZER]
      this.ctx.api.update(this.pvcType, next)
    }
    return undefined
  }

  private isBeingUsed(pvc: KubeObject): boolean {
    return this.podInformer.list(pvc.metadata.namespace).some((pod) => podUsesPVC(pod, pvc.metadata.name!))
  }
}
