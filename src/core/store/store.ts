/**
 * The versioned store, as etcd is to the API server: one revision counter for every write,
 * resourceVersion = the revision of an object's last write, a bounded history of changes
 * that watches resume from, and 410 Gone for a revision that history no longer holds.
 * Stored objects are shared with watchers and must never be mutated by anyone.
 */

import type { KubeObject } from '../api/types'
import { newGone } from '../machinery/errors'

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED'

export interface StoreEvent {
  type: WatchEventType
  /** storageKey of the kind, e.g. "apps/deployments". */
  resource: string
  object: KubeObject
  /** The object before this change (MODIFIED / DELETED), for handlers that diff. */
  oldObject?: KubeObject
  revision: number
}

export type WatchHandler = (ev: StoreEvent) => void

interface Watcher {
  resource: string | undefined
  handler: WatchHandler
}

/** How many past events a watch can resume from (etcd's compaction keeps a window too). */
export const DEFAULT_HISTORY_LIMIT = 50_000

export class Store {
  private rev = 0
  private data = new Map<string, Map<string, KubeObject>>()
  private history: StoreEvent[] = []
  private historyStart = 0
  private watchers = new Map<string | undefined, Set<Watcher>>()
  /** The revision at which history begins: watches from before it are Gone. */
  private compactedRevision = 0

  constructor(private readonly historyLimit = DEFAULT_HISTORY_LIMIT) {}

  revision(): number {
    return this.rev
  }

  get(resource: string, key: string): KubeObject | undefined {
    return this.data.get(resource)?.get(key)
  }

  /** Objects of a kind, optionally in one namespace, in key order (as etcd ranges are). */
  list(resource: string, namespace?: string): KubeObject[] {
    const m = this.data.get(resource)
    if (!m) return []
    const out: KubeObject[] = []
    for (const obj of m.values()) if (!namespace || obj.metadata.namespace === namespace) out.push(obj)
    return out.sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`
      return ka < kb ? -1 : ka > kb ? 1 : 0
    })
  }

  count(resource: string): number {
    return this.data.get(resource)?.size ?? 0
  }

  resources(): string[] {
    return [...this.data.keys()].sort()
  }

  create(resource: string, key: string, obj: KubeObject): KubeObject {
    const stored = this.stamp(obj)
    let m = this.data.get(resource)
    if (!m) this.data.set(resource, (m = new Map()))
    m.set(key, stored)
    this.emit({ type: 'ADDED', resource, object: stored, revision: this.rev })
    return stored
  }

  update(resource: string, key: string, obj: KubeObject): KubeObject {
    const m = this.data.get(resource)
    const old = m?.get(key)
    if (!m || !old) throw new Error(`store: update of missing ${resource} ${key}`)
    const stored = this.stamp(obj)
    m.set(key, stored)
    this.emit({ type: 'MODIFIED', resource, object: stored, oldObject: old, revision: this.rev })
    return stored
  }

  delete(resource: string, key: string): KubeObject | undefined {
    const m = this.data.get(resource)
    const old = m?.get(key)
    if (!m || !old) return undefined
    m.delete(key)
    // The DELETED event carries the deletion's revision, as the watch cache reports it.
    const gone = this.stamp(old)
    this.emit({ type: 'DELETED', resource, object: gone, oldObject: old, revision: this.rev })
    return gone
  }

  /**
   * Watch one kind (or every kind when resource is undefined) from a revision: events after
   * `fromRevision` are replayed from history first. Throws 410 Gone when they were compacted.
   */
  watch(resource: string | undefined, fromRevision: number, handler: WatchHandler): () => void {
    if (fromRevision < this.compactedRevision) {
      throw newGone(`too old resource version: ${fromRevision} (${this.compactedRevision + 1})`)
    }
    for (let i = this.historyStart; i < this.history.length; i++) {
      const ev = this.history[i]!
      if (ev.revision > fromRevision && (resource === undefined || ev.resource === resource)) handler(ev)
    }
    const w: Watcher = { resource, handler }
    let set = this.watchers.get(resource)
    if (!set) this.watchers.set(resource, (set = new Set()))
    set.add(w)
    return () => {
      set.delete(w)
    }
  }

  /** The oldest revision a watch can still start from. */
  oldestWatchableRevision(): number {
    return this.compactedRevision
  }

  /** Everything, for a snapshot (an etcd backup). */
  dump(): { revision: number; objects: { resource: string; key: string; object: KubeObject }[] } {
    const objects: { resource: string; key: string; object: KubeObject }[] = []
    for (const [resource, m] of this.data) for (const [key, object] of m) objects.push({ resource, key, object })
    return { revision: this.rev, objects }
  }

  restore(dump: { revision: number; objects: { resource: string; key: string; object: KubeObject }[] }): void {
    this.data.clear()
    this.history = []
    this.historyStart = 0
    for (const { resource, key, object } of dump.objects) {
      let m = this.data.get(resource)
      if (!m) this.data.set(resource, (m = new Map()))
      m.set(key, object)
    }
    this.rev = dump.revision
    this.compactedRevision = dump.revision
  }

  private stamp(obj: KubeObject): KubeObject {
    this.rev++
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.rev) } }
  }

  private emit(ev: StoreEvent): void {
    this.history.push(ev)
    if (this.history.length - this.historyStart > this.historyLimit) {
      this.compactedRevision = this.history[this.historyStart]!.revision
      this.historyStart++
      // Drop the dead prefix now and then rather than shifting on every write.
      if (this.historyStart > this.historyLimit) {
        this.history = this.history.slice(this.historyStart)
        this.historyStart = 0
      }
    }
    const kindWatchers = this.watchers.get(ev.resource)
    if (kindWatchers) for (const w of [...kindWatchers]) w.handler(ev)
    const allWatchers = this.watchers.get(undefined)
    if (allWatchers) for (const w of [...allWatchers]) w.handler(ev)
  }
}
