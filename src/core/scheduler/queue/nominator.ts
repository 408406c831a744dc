/**
 * The nominator (backend/queue's nominator): pods waiting for a node that preemption freed
 * for them (status.nominatedNodeName). Other pods' filters count them as already there, so
 * the room a preemption made is not taken by a pod of lower or equal priority.
 */
import type { KubeObject } from '../../api/types'
import { keyOf } from '../../api/types'

export class Nominator {
  private readonly byNode = new Map<string, Map<string, KubeObject>>()
  private readonly nodeOf = new Map<string, string>()

  /** Track the pod's nomination (an unassigned, live pod with status.nominatedNodeName). */
  update(pod: KubeObject): void {
    const key = keyOf(pod)
    const node = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName
    const assigned = !!(pod.spec as { nodeName?: string }).nodeName
    this.delete(key)
    if (!node || assigned || pod.metadata.deletionTimestamp) return
    let m = this.byNode.get(node)
    if (!m) this.byNode.set(node, (m = new Map()))
    m.set(key, pod)
    this.nodeOf.set(key, node)
  }

  delete(key: string): void {
    const node = this.nodeOf.get(key)
    if (node === undefined) return
    this.nodeOf.delete(key)
    const m = this.byNode.get(node)
    m?.delete(key)
    if (m && m.size === 0) this.byNode.delete(node)
  }

  /** Pods nominated to the node, or undefined (the common case, without allocating). */
  podsOn(node: string): Iterable<KubeObject> | undefined {
    return this.byNode.size ? this.byNode.get(node)?.values() : undefined
  }
}
