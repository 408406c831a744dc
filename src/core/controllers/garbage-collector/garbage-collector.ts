/**
 * The garbage collector (pkg/controller/garbagecollector): keeps a graph of who owns whom
 * from ownerReferences; deletes dependents whose owners are all gone (Background), removes
 * owner references for `orphan`, and holds an owner with `foregroundDeletion` until its
 * blocking dependents are gone.
 */

import { storageKey, type ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone, keyOf } from '../../api/types'
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from '../../apiserver/delete'
import type { ComponentContext } from '../../client/context'
import { WorkQueue } from '../../client/workqueue'

interface Node {
  resource: string
  key: string
  uid: string
}

export class GarbageCollector {
  /** owner uid -> dependents */
  private dependents = new Map<string, Map<string, Node>>()
  /** uid -> the object's node, for every object we have seen */
  private nodes = new Map<string, Node>()
  private readonly attemptQueue: WorkQueue
  private readonly ownerQueue: WorkQueue
  private readonly types = new Map<string, ResourceType>()

  constructor(private readonly ctx: ComponentContext) {
    for (const t of ctx.api.registry.all()) this.types.set(storageKey(t), t)
    this.attemptQueue = new WorkQueue(ctx.clock, (k) => this.attemptToDelete(k))
    this.ownerQueue = new WorkQueue(ctx.clock, (k) => this.processOwner(k))
    const store = ctx.api.store
    for (const { resource, object } of store.dump().objects) this.observe(resource, object)
    store.watch(undefined, store.revision(), (ev) => {
      if (ev.type === 'DELETED') this.forget(ev.resource, ev.object)
      else this.observe(ev.resource, ev.object)
    })
  }

  private id(resource: string, obj: KubeObject): string {
    return `${resource}|${keyOf(obj)}`
  }

  private observe(resource: string, obj: KubeObject): void {
    const uid = obj.metadata.uid
    if (!uid) return
    const node: Node = { resource, key: keyOf(obj), uid }
    this.nodes.set(uid, node)
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let m = this.dependents.get(ref.uid)
      if (!m) this.dependents.set(ref.uid, (m = new Map()))
      m.set(uid, node)
      // An owner that is already gone (or never existed): check the dependent.
      if (!this.nodes.has(ref.uid)) this.attemptQueue.add(this.id(resource, obj))
    }
    const fin = obj.metadata.finalizers ?? []
    if (obj.metadata.deletionTimestamp && (fin.includes(FINALIZER_ORPHAN) || fin.includes(FINALIZER_FOREGROUND))) {
      this.ownerQueue.add(this.id(resource, obj))
    }
  }

  private forget(resource: string, obj: KubeObject): void {
    const uid = obj.metadata.uid
    if (!uid) return
    this.nodes.delete(uid)
    for (const ref of obj.metadata.ownerReferences ?? []) {
      this.dependents.get(ref.uid)?.delete(uid)
      // The owner may be waiting for this dependent (foreground deletion).
      const owner = this.nodes.get(ref.uid)
      if (owner) this.ownerQueue.add(`${owner.resource}|${owner.key}`)
    }
    for (const dep of this.dependents.get(uid)?.values() ?? []) this.attemptQueue.add(`${dep.resource}|${dep.key}`)
    void resource
  }

  private lookup(id: string): { t: ResourceType; obj: KubeObject } | undefined {
    const i = id.indexOf('|')
    const resource = id.slice(0, i)
    const key = id.slice(i + 1)
    const t = this.types.get(resource) ?? this.ctx.api.registry.all().find((x) => storageKey(x) === resource)
    const obj = this.ctx.api.store.get(resource, key)
    return t && obj ? { t, obj } : undefined
  }

  /** attemptToDeleteItem: a dependent whose owners no longer exist is deleted. */
  private attemptToDelete(id: string): undefined {
    const found = this.lookup(id)
    if (!found || found.obj.metadata.deletionTimestamp) return undefined
    const refs = found.obj.metadata.ownerReferences ?? []
    if (!refs.length) return undefined
    const alive = refs.filter((r) => this.nodes.has(r.uid))
    if (alive.length === refs.length) {
      // Owners exist; if one is being deleted in the foreground, this dependent goes too.
      const foregroundOwner = refs.some((r) => {
        const n = this.nodes.get(r.uid)
        const o = n && this.ctx.api.store.get(n.resource, n.key)
        return r.blockOwnerDeletion && o?.metadata.deletionTimestamp && o.metadata.finalizers?.includes(FINALIZER_FOREGROUND)
      })
      // Only a dependent that has dependents of its own is deleted in the foreground too.
      const hasDependents = (this.dependents.get(found.obj.metadata.uid!)?.size ?? 0) > 0
      if (foregroundOwner) this.deleteObject(found.t, found.obj, hasDependents ? 'Foreground' : 'Background')
      return undefined
    }
    if (alive.length > 0) {
      // Some owners remain: only drop the dangling references.
      const next = clone(found.obj)
      next.metadata.ownerReferences = alive
      try {
        this.ctx.api.update(found.t, next)
      } catch {
        this.attemptQueue.addRateLimited(id)
      }
      return undefined
    }
    this.deleteObject(found.t, found.obj, 'Background')
    return undefined
  }

  private deleteObject(t: ResourceType, obj: KubeObject, policy: 'Background' | 'Foreground'): void {
    try {
      this.ctx.api.delete(t, obj.metadata.namespace, obj.metadata.name!, { propagationPolicy: policy, preconditions: { uid: obj.metadata.uid } })
    } catch {
      // Gone already, or replaced by a new object of the same name.
    }
  }

  /** An owner being deleted with `orphan` or `foregroundDeletion`. */
  private processOwner(id: string): undefined {
    const found = this.lookup(id)
    if (!found || !found.obj.metadata.deletionTimestamp) return undefined
    const { t, obj } = found
    const fin = obj.metadata.finalizers ?? []
    const deps = [...(this.dependents.get(obj.metadata.uid!)?.values() ?? [])]
    if (fin.includes(FINALIZER_ORPHAN)) {
      for (const dep of deps) {
        const d = this.lookup(`${dep.resource}|${dep.key}`)
        if (!d) continue
        const next = clone(d.obj)
        next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== obj.metadata.uid)
        if (!next.metadata.ownerReferences.length) delete next.metadata.ownerReferences
        try {
          this.ctx.api.update(d.t, next)
        } catch {
          this.ownerQueue.addRateLimited(id)
          return undefined
        }
      }
      this.removeFinalizer(t, obj, FINALIZER_ORPHAN)
      return undefined
    }
    if (fin.includes(FINALIZER_FOREGROUND)) {
      const blocking = deps.filter((dep) => {
        const d = this.ctx.api.store.get(dep.resource, dep.key)
        return d?.metadata.ownerReferences?.some((r) => r.uid === obj.metadata.uid && r.blockOwnerDeletion)
      })
      if (blocking.length === 0) {
        this.removeFinalizer(t, obj, FINALIZER_FOREGROUND)
        return undefined
      }
      for (const dep of blocking) this.attemptQueue.add(`${dep.resource}|${dep.key}`)
    }
    return undefined
  }

  private removeFinalizer(t: ResourceType, obj: KubeObject, f: string): void {
    const latest = this.ctx.api.store.get(storageKey(t), keyOf(obj))
    if (!latest) return
    const next = clone(latest)
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((x) => x !== f)
    if (!next.metadata.finalizers.length) delete next.metadata.finalizers
    try {
      this.ctx.api.update(t, next)
    } catch {
      this.ownerQueue.addRateLimited(`${storageKey(t)}|${keyOf(obj)}`)
    }
  }
}
