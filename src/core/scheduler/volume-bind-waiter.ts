/**
 * VolumeBinding's PreBind as the scheduler runs it (BindPodVolumes): the chosen node's volume
 * writes happen at once, and the pod waits, unbound and still Pending, until every claim it
 * uses is Bound (provisioned or matched), then it is bound like any other pod.
 */

import type { KubeObject } from '../api/types'
import { clone } from '../api/types'
import type { ComponentContext } from '../client/context'
import type { SchedulerListers } from './framework/types'
import { ANN_SELECTED_NODE, preBindVolumes, type VolumeWrites } from './plugins/volume-binding'
import type { Entry } from './queue/scheduling-queue'

interface Waiting {
  node: string
  claims: string[]
  entry: Entry
}

export class VolumeBindWaiter {
  private readonly waiting = new Map<string, Waiting>()

  constructor(
    private readonly ctx: ComponentContext,
    private readonly listers: SchedulerListers,
    private readonly bind: (pod: KubeObject, node: string, e: Entry) => void,
  ) {}

  has(key: string): boolean {
    return this.waiting.has(key)
  }

  /** Runs PreBind; true when the pod must wait for its claims. */
  preBind(pod: KubeObject, node: KubeObject, e: Entry): boolean {
    const claims = preBindVolumes(pod, node, this.listers, this.writes())
    if (!claims.length) return false
    this.waiting.set(e.key, { node: node.metadata.name!, claims, entry: e })
    return true
  }

  /** Binds the waiting pods whose claims are all Bound now. */
  finish(): void {
    for (const [key, w] of [...this.waiting]) {
      const pod = this.ctx.informers.pods().getByKey(key)
      if (!pod || pod.metadata.deletionTimestamp || (pod.spec as { nodeName?: string }).nodeName) {
        this.waiting.delete(key)
        continue
      }
      const bound = w.claims.every((k) => {
        const [ns, name] = k.split('/')
        return (this.listers.claim?.(ns!, name!)?.status as { phase?: string } | undefined)?.phase === 'Bound'
      })
      if (!bound) continue
      this.waiting.delete(key)
      this.bind(pod, w.node, w.entry)
    }
  }

  private writes(): VolumeWrites {
    const api = this.ctx.api
    const write = (r: string, o: KubeObject) => {
      try {
        api.update(api.registry.forGroupResource('', r)!, o)
      } catch {
        // Changed meanwhile: the PV controller or the next cycle sorts it out.
      }
    }
    return {
      bindVolume: (pv, claim) => {
        const next = clone(pv)
        const { name, namespace, resourceVersion, uid } = claim.metadata
        ;(next.spec as Record<string, unknown>).claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name, namespace, resourceVersion, uid }
        next.metadata.annotations = { ...next.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' }
        write('persistentvolumes', next)
      },
      selectNode: (claim, node) => {
        const next = clone(claim)
        next.metadata.annotations = { ...next.metadata.annotations, [ANN_SELECTED_NODE]: node }
        write('persistentvolumeclaims', next)
      },
    }
  }
}
