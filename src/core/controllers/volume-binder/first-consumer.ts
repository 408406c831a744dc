/**
 * The scheduler's VolumeBinding plugin, reduced to its PreBind step: when a pod that uses a
 * still-unbound WaitForFirstConsumer claim lands on a node, the claim is annotated with that
 * node (volume.kubernetes.io/selected-node) so its provisioner creates the volume there.
 * Upstream does this before the pod is bound; this playground's scheduler has no
 * VolumeBinding filter yet, so it happens as soon as the pod has its node.
 */

import type { ResourceType } from '../../api/resources'
import { clone, type KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import type { Informer } from '../../client/informer'
import { ANN_SELECTED_NODE } from './pv-controller'
import { phaseOf, pvSpec } from './matching'

export class FirstConsumerBinder {
  private readonly claims: Informer
  private readonly classes: Informer
  private readonly claimType: ResourceType

  constructor(private readonly ctx: ComponentContext) {
    this.claims = ctx.informers.for('', 'persistentvolumeclaims')
    this.classes = ctx.informers.for('storage.k8s.io', 'storageclasses')
    this.claimType = ctx.api.registry.forGroupResource('', 'persistentvolumeclaims')!
    const onPod = (p: KubeObject) => this.podScheduled(p)
    ctx.informers.pods().addEventHandler({ add: onPod, update: (_o, n) => onPod(n) })
  }

  private podScheduled(pod: KubeObject): void {
    const spec = pod.spec as { nodeName?: string; volumes?: { persistentVolumeClaim?: { claimName: string } }[] }
    if (!spec.nodeName || pod.metadata.deletionTimestamp) return
    for (const v of spec.volumes ?? []) {
      const claimName = v.persistentVolumeClaim?.claimName
      const pvc = claimName ? this.claims.get(pod.metadata.namespace, claimName) : undefined
      if (!pvc || phaseOf(pvc) !== 'Pending' || pvSpec(pvc).volumeName || pvc.metadata.annotations?.[ANN_SELECTED_NODE]) continue
      const cls = this.classes.get(undefined, pvSpec(pvc).storageClassName ?? '') as { volumeBindingMode?: string } | undefined
      if (cls?.volumeBindingMode !== 'WaitForFirstConsumer') continue
      const next = clone(pvc)
      next.metadata.annotations = { ...next.metadata.annotations, [ANN_SELECTED_NODE]: spec.nodeName }
      try {
        this.ctx.api.update(this.claimType, next)
      } catch {
        // A concurrent write: the next pod update retries.
      }
    }
  }
}
