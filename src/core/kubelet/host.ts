/**
 * Every node's kubelet, fed by one pod watch indexed by spec.nodeName (what each kubelet's
 * field-selected watch would give it), so thousands of nodes cost one dispatch per event.
 */

import type { KubeObject } from '../api/types'
import type { ComponentContext } from '../client/context'
import type { Kubelet } from './kubelet'

export class KubeletHost {
  private kubelets = new Map<string, Kubelet>()

  constructor(private readonly ctx: ComponentContext) {
    const nodeOf = (p: KubeObject) => (p.spec as { nodeName?: string }).nodeName
    ctx.informers.pods().addEventHandler({
      add: (p) => this.route(nodeOf(p))?.syncPod(p),
      update: (_o, p) => this.route(nodeOf(p))?.syncPod(p),
      delete: (p) => this.route(nodeOf(p))?.forgetPod(p),
    })
  }

  /** A powered-off or partitioned kubelet hears nothing from the API. */
  private route(node: string | undefined): Kubelet | undefined {
    const k = node ? this.kubelets.get(node) : undefined
    return k?.reachable() ? k : undefined
  }

  /** After power-on or a healed partition: the kubelet lists its pods again, as on restart. */
  resync(name: string): void {
    const k = this.kubelets.get(name)
    if (!k?.reachable()) return
    const mine = this.ctx.informers.pods().list().filter((p) => (p.spec as { nodeName?: string }).nodeName === name)
    k.forgetMissing(new Set(mine.map((p) => p.metadata.uid!)))
    for (const p of mine) k.syncPod(p)
  }

  add(k: Kubelet): void {
    this.kubelets.set(k.name, k)
  }

  remove(name: string): void {
    this.kubelets.get(name)?.powerOff()
    this.kubelets.delete(name)
  }

  get(name: string): Kubelet | undefined {
    return this.kubelets.get(name)
  }

  all(): Kubelet[] {
    return [...this.kubelets.values()]
  }
}
