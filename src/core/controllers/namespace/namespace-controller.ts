/**
 * The namespace controller (pkg/controller/namespace): a Terminating namespace has its
 * contents deleted, then its `kubernetes` finalizer removed, and then it is gone.
 */

import { storageKey } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import type { ComponentContext } from '../../client/context'
import { WorkQueue } from '../../client/workqueue'

/** How often a namespace still holding objects is looked at again. */
export const NAMESPACE_RESYNC_MS = 2000

export class NamespaceController {
  private readonly queue: WorkQueue

  constructor(private readonly ctx: ComponentContext) {
    this.queue = new WorkQueue(ctx.clock, (k) => this.syncNamespace(k))
    const inf = ctx.informers.for('', 'namespaces')
    const enqueue = (ns: KubeObject) => {
      if (ns.metadata.deletionTimestamp) this.queue.add(ns.metadata.name!)
    }
    inf.addEventHandler({ add: enqueue, update: (_o, n) => enqueue(n) })
  }

  syncNamespace(name: string): undefined {
    const api = this.ctx.api
    const nsType = api.registry.forGroupResource('', 'namespaces')!
    const ns = api.peek(nsType, undefined, name)
    if (!ns?.metadata.deletionTimestamp) return undefined
    let remaining = 0
    for (const t of api.registry.all()) {
      if (!t.namespaced || !t.verbs.includes('delete')) continue
      for (const obj of api.store.list(storageKey(t), name)) {
        remaining++
        if (obj.metadata.deletionTimestamp) continue
        try {
          api.delete(t, name, obj.metadata.name!, { propagationPolicy: 'Background' })
        } catch {
          // Already going.
        }
      }
    }
    if (remaining > 0) {
      // Events are removed last, as they keep being written while pods stop.
      this.queue.addAfter(name, NAMESPACE_RESYNC_MS)
      return undefined
    }
    api.purge(nsType, undefined, name)
    return undefined
  }
}
