/**
 * Shared informers (client-go): one list + watch per kind, a local cache, and handlers that
 * components register. Caches hold the store's own objects: read them, never mutate them.
 */

import type { ResourceType } from '../api/resources'
import type { KubeObject } from '../api/types'
import { keyOf } from '../api/types'
import type { APIServer } from '../apiserver/server'

export interface EventHandlers {
  add?(obj: KubeObject): void
  update?(oldObj: KubeObject, newObj: KubeObject): void
  delete?(obj: KubeObject): void
}

export class Informer {
  private cache = new Map<string, KubeObject>()
  private handlers: EventHandlers[] = []
  private indexes = new Map<string, { fn: (o: KubeObject) => string[]; index: Map<string, Set<string>> }>()

  constructor(
    readonly type: ResourceType,
    api: APIServer,
  ) {
    // List from the store directly (no copies), then follow every change.
    const sk = type.group ? `${type.group}/${type.plural}` : type.plural
    for (const o of api.store.list(sk)) this.put(o)
    api.store.watch(sk, api.store.revision(), (ev) => {
      if (ev.type === 'DELETED') {
        const old = this.cache.get(keyOf(ev.object))
        this.remove(ev.object)
        for (const h of this.handlers) h.delete?.(old ?? ev.object)
      } else {
        const old = this.cache.get(keyOf(ev.object))
        this.put(ev.object)
        for (const h of this.handlers) {
          if (old) h.update?.(old, ev.object)
          else h.add?.(ev.object)
        }
      }
    })
  }

  addEventHandler(h: EventHandlers): void {
    this.handlers.push(h)
    for (const o of this.cache.values()) h.add?.(o)
  }

  addIndex(name: string, fn: (o: KubeObject) => string[]): void {
    const index = new Map<string, Set<string>>()
    this.indexes.set(name, { fn, index })
    for (const [k, o] of this.cache) for (const v of fn(o)) this.indexAdd(index, v, k)
  }

  byIndex(name: string, value: string): KubeObject[] {
    const idx = this.indexes.get(name)
    if (!idx) throw new Error(`no index ${name}`)
    const keys = idx.index.get(value)
    if (!keys) return []
    const out: KubeObject[] = []
    for (const k of keys) {
      const o = this.cache.get(k)
      if (o) out.push(o)
    }
    return out
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name)
  }

  getByKey(key: string): KubeObject | undefined {
    return this.cache.get(key)
  }

  list(namespace?: string): KubeObject[] {
    if (!namespace) return [...this.cache.values()]
    if (this.indexes.has('namespace')) return this.byIndex('namespace', namespace)
    return [...this.cache.values()].filter((o) => o.metadata.namespace === namespace)
  }

  private put(o: KubeObject): void {
    const k = keyOf(o)
    const old = this.cache.get(k)
    this.cache.set(k, o)
    for (const { fn, index } of this.indexes.values()) {
      if (old) for (const v of fn(old)) index.get(v)?.delete(k)
      for (const v of fn(o)) this.indexAdd(index, v, k)
    }
  }

  private remove(o: KubeObject): void {
    const k = keyOf(o)
    const old = this.cache.get(k)
    this.cache.delete(k)
    if (old) for (const { fn, index } of this.indexes.values()) for (const v of fn(old)) index.get(v)?.delete(k)
  }

  private indexAdd(index: Map<string, Set<string>>, v: string, k: string): void {
    let s = index.get(v)
    if (!s) index.set(v, (s = new Set()))
    s.add(k)
  }
}

/** One informer per kind for the whole control plane, as SharedInformerFactory gives. */
export class InformerFactory {
  private informers = new Map<string, Informer>()
  constructor(private readonly api: APIServer) {}

  for(group: string, plural: string): Informer {
    const key = `${group}/${plural}`
    let inf = this.informers.get(key)
    if (!inf) {
      const t = this.api.registry.forGroupResource(group, plural)
      if (!t) throw new Error(`unknown resource ${key}`)
      inf = new Informer(t, this.api)
      inf.addIndex('namespace', (o) => (o.metadata.namespace ? [o.metadata.namespace] : []))
      this.informers.set(key, inf)
    }
    return inf
  }

  pods(): Informer {
    return this.for('', 'pods')
  }
  nodes(): Informer {
    return this.for('', 'nodes')
  }
}
