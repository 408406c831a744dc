/**
 * The API server: every write and read of the cluster goes through here, in upstream's
 * order: resolve the resource, authorize, decode and default, mutating admission, validate,
 * validating admission, then the store. Components use this typed face; the HTTP face and
 * kubectl map their requests onto the same methods.
 */

import type { ResourceType } from '../api/resources'
import { storageKey } from '../api/resources'
import { clone, objectKey, type KubeObject } from '../api/types'
import { fieldErr, newAlreadyExists, newBadRequest, newConflict, newInvalid, newNotFound, OPTIMISTIC_LOCK_MESSAGE, type FieldError } from '../machinery/errors'
import { parseSelector, type Selector } from '../machinery/labels'
import { generateName } from '../machinery/names'
import { validateObjectMeta } from '../api/validation/meta'
import { rfc3339 } from '../machinery/time'
import type { Clock } from '../sim/clock'
import type { Random } from '../sim/random'
import type { Store, StoreEvent } from '../store/store'
import { admit, validateAdmission, type AdmissionPlugin } from './admission/chain'
import { checkFieldSelector, matchesFields, parseFieldSelector, type FieldRequirement } from './field-selector'
import { ResourceRegistry } from './registry'
import type { Strategy, StrategyContext } from './strategy'
import { strategyFor } from './registry/index'
import { deleteObject, type DeleteOptions } from './delete'
import { evictPod, type EvictionOptions } from './registry/eviction'
import { decodeRequest, type FieldValidation } from './decode-request'
import { RBACAuthorizer } from './authorization/rbac'
import { recordUpdate } from './managed-fields/track'

export interface User {
  name: string
  groups: string[]
}

/** Components act as themselves; the playground's learner is kubeadm's admin. */
export const ADMIN_USER: User = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] }

export interface WriteOptions {
  dryRun?: boolean
  fieldManager?: string
  user?: User
  /**
   * The request's `fieldValidation` (kubectl --validate): the body is decoded against the
   * kind's schema first; Strict also rejects unknown fields. Unset for the engine's own
   * components, whose writes never pass through a wire encoding.
   */
  fieldValidation?: FieldValidation
  /** The body was a patch (kubectl apply on a live object): decode errors come unprefixed. */
  patch?: boolean
  /** Receives the request's warnings (Warn field validation), which kubectl prints. */
  warnings?: string[]
  /** Server-side apply has already written the object's managedFields (managed-fields/apply.ts). */
  managedFieldsApplied?: boolean
}

export interface ListOptions {
  namespace?: string
  labelSelector?: string | Selector
  fieldSelector?: string
}

export interface ListResult {
  items: KubeObject[]
  resourceVersion: string
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  object: KubeObject
  oldObject?: KubeObject
  revision: number
}

/**
 * Reads (get, list) hand out copies the caller may change and send back; the results of
 * writes (create, update, bind) are the stored objects themselves, to be read and never mutated.
 */
export class APIServer {
  readonly registry = new ResourceRegistry()
  readonly admission: AdmissionPlugin[] = []
  private readonly ctx: StrategyContext
  /** Requests from users pass through it (authorization/scoped.ts); components are not checked. */
  readonly authorizer: RBACAuthorizer
  /**
   * The manager of writes that name none (upstream takes it from the User-Agent): each
   * component writes through a view of this server with its own (managed-fields/track.ts).
   */
  readonly defaultFieldManager?: string

  constructor(
    readonly store: Store,
    readonly clock: Clock,
    readonly random: Random,
  ) {
    this.ctx = { clock, random, list: (resource, ns) => store.list(resource, ns) }
    this.authorizer = new RBACAuthorizer(store)
  }

  /** Resolve the resource a manifest's apiVersion/kind names; throws kubectl's mapping error text. */
  resourceForKind(apiVersion: string, kind: string): ResourceType {
    const t = this.registry.forKind(apiVersion, kind)
    if (!t) throw newBadRequest(`no matches for kind "${kind}" in version "${apiVersion}"`)
    return t
  }

  strategy(t: ResourceType): Strategy {
    return strategyFor(t)
  }

  get(t: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(storageKey(t), objectKey(t.namespaced ? namespace : undefined, name))
    if (!obj) throw newNotFound(t.plural, t.group, name)
    return clone(obj)
  }

  /** The stored object itself, read-only: for components that must not pay for a copy. */
  peek(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(storageKey(t), objectKey(t.namespaced ? namespace : undefined, name))
  }

  list(t: ResourceType, opts: ListOptions = {}): ListResult {
    const sel = typeof opts.labelSelector === 'string' ? parseSelector(opts.labelSelector) : opts.labelSelector
    const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : []
    if (fields.length) checkFieldSelector(t.kind, t.version, fields)
    const items = this.store
      .list(storageKey(t), t.namespaced ? opts.namespace : undefined)
      .filter((o) => (!sel || sel.matches(o.metadata.labels)) && matchesFields(o, fields))
      .map((o) => clone(o))
    return { items, resourceVersion: String(this.store.revision()) }
  }

  /** Watch a kind from a revision ("0" or undefined = from now). Filters as the watch cache does. */
  watch(
    t: ResourceType,
    opts: ListOptions & { resourceVersion?: string },
    handler: (ev: WatchEvent) => void,
  ): () => void {
    const sel = typeof opts.labelSelector === 'string' ? parseSelector(opts.labelSelector) : opts.labelSelector
    const fields: FieldRequirement[] = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : []
    const from = opts.resourceVersion && opts.resourceVersion !== '0' ? parseInt(opts.resourceVersion, 10) : this.store.revision()
    const ns = t.namespaced ? opts.namespace : undefined
    const matches = (o: KubeObject | undefined) =>
      !!o && (!ns || o.metadata.namespace === ns) && (!sel || sel.matches(o.metadata.labels)) && matchesFields(o, fields)
    return this.store.watch(storageKey(t), from, (ev: StoreEvent) => {
      const now = matches(ev.object)
      const before = ev.type === 'MODIFIED' ? matches(ev.oldObject) : now
      if (ev.type === 'MODIFIED' && now !== before) {
        // An object moving into or out of the selection is an ADDED or DELETED to this watcher.
        handler({ type: now ? 'ADDED' : 'DELETED', object: ev.object, revision: ev.revision })
      } else if (now) {
        handler({ type: ev.type, object: ev.object, oldObject: ev.oldObject, revision: ev.revision })
      }
    })
  }

  create(t: ResourceType, body: KubeObject, opts: WriteOptions & { namespace?: string } = {}): KubeObject {
    const input = decodeRequest(body, opts)
    const obj = clone(input)
    obj.apiVersion = t.group ? `${t.group}/${t.version}` : t.version
    obj.kind = t.kind
    obj.metadata = obj.metadata ?? {}
    if (t.namespaced) obj.metadata.namespace = obj.metadata.namespace || opts.namespace || 'default'
    else delete obj.metadata.namespace
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = generateName(this.random, obj.metadata.generateName)
    const strategy = this.strategy(t)
    delete obj.metadata.resourceVersion
    delete obj.metadata.deletionTimestamp
    obj.metadata.uid = this.random.uuid()
    obj.metadata.creationTimestamp = rfc3339(this.clock.now())
    if (strategy.generation) obj.metadata.generation = 1
    strategy.prepareForCreate?.(obj, this.ctx)
    recordUpdate(this, t, undefined, obj, opts)
    admit(this.admission, { operation: 'CREATE', resource: t, object: obj, user: opts.user, api: this })
    const errs = [...validateMeta(t, strategy, obj), ...(strategy.validate?.(obj, this.ctx) ?? [])]
    if (errs.length) throw newInvalid(t.kind, t.group, obj.metadata.name ?? '', errs)
    validateAdmission(this.admission, { operation: 'CREATE', resource: t, object: obj, user: opts.user, api: this })
    const key = objectKey(obj.metadata.namespace, obj.metadata.name!)
    const existing = this.store.get(storageKey(t), key)
    if (existing) throw newAlreadyExists(t.plural, t.group, obj.metadata.name!, !!existing.metadata.deletionTimestamp)
    if (opts.dryRun) return obj
    return this.store.create(storageKey(t), key, obj)
  }

  /** Full update (PUT). A resourceVersion that is set must match the stored one. */
  update(t: ResourceType, body: KubeObject, opts: WriteOptions & { subresource?: 'status' | 'scale' } = {}): KubeObject {
    const input = decodeRequest(body, opts)
    const name = input.metadata?.name ?? ''
    const ns = t.namespaced ? input.metadata?.namespace || 'default' : undefined
    const key = objectKey(ns, name)
    const old = this.store.get(storageKey(t), key)
    if (!old) throw newNotFound(t.plural, t.group, name)
    const rv = input.metadata?.resourceVersion
    if (rv && rv !== old.metadata.resourceVersion) throw newConflict(t.plural, t.group, name, OPTIMISTIC_LOCK_MESSAGE)
    const obj = clone(input)
    obj.apiVersion = old.apiVersion
    obj.kind = old.kind
    // ValidateObjectMetaUpdate: a uid sent with the update must be the stored one.
    const sentUID = input.metadata?.uid
    if (sentUID && sentUID !== old.metadata.uid) {
      throw newInvalid(t.kind, t.group, name, [fieldErr.invalid('metadata.uid', sentUID, 'field is immutable')])
    }
    // Server-owned metadata never changes through an update.
    obj.metadata = {
      ...obj.metadata,
      namespace: old.metadata.namespace,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
      deletionTimestamp: old.metadata.deletionTimestamp,
      deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds,
      generation: old.metadata.generation,
    }
    if (!obj.metadata.namespace) delete obj.metadata.namespace
    if (!obj.metadata.deletionTimestamp) delete obj.metadata.deletionTimestamp
    if (obj.metadata.deletionGracePeriodSeconds === undefined) delete obj.metadata.deletionGracePeriodSeconds
    if (obj.metadata.generation === undefined) delete obj.metadata.generation
    const strategy = this.strategy(t)
    if (opts.subresource === 'status') {
      // The status subresource changes only status.
      const merged: KubeObject = { ...clone(old), status: obj.status }
      merged.metadata = { ...merged.metadata }
      recordUpdate(this, t, old, merged, opts)
      return this.commitUpdate(t, key, merged, old, strategy, opts, true)
    }
    if (strategy.statusSubresource && 'status' in old) obj.status = clone(old.status)
    strategy.prepareForUpdate?.(obj, old, this.ctx)
    if (strategy.generation && JSON.stringify(obj.spec) !== JSON.stringify(old.spec)) {
      obj.metadata.generation = (old.metadata.generation ?? 0) + 1
    }
    recordUpdate(this, t, old, obj, opts)
    admit(this.admission, { operation: 'UPDATE', resource: t, object: obj, oldObject: old, user: opts.user, api: this })
    return this.commitUpdate(t, key, obj, old, strategy, opts, false)
  }

  private commitUpdate(
    t: ResourceType,
    key: string,
    obj: KubeObject,
    old: KubeObject,
    strategy: Strategy,
    opts: WriteOptions,
    statusOnly: boolean,
  ): KubeObject {
    if (!statusOnly) {
      const errs = [...validateMeta(t, strategy, obj), ...(strategy.validateUpdate?.(obj, old, this.ctx) ?? strategy.validate?.(obj, this.ctx) ?? [])]
      if (errs.length) throw newInvalid(t.kind, t.group, obj.metadata.name ?? '', errs)
    }
    if (opts.dryRun) return obj
    // Nothing changed: no new revision, as upstream skips no-op writes.
    const { resourceVersion: _a, ...m1 } = obj.metadata
    const { resourceVersion: _b, ...m2 } = old.metadata
    void _a
    void _b
    if (JSON.stringify({ ...obj, metadata: m1 }) === JSON.stringify({ ...old, metadata: m2 })) return clone(old)
    // Finalizers gone and no grace period left to wait for: the delete completes now.
    if (old.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && !obj.metadata.deletionGracePeriodSeconds) {
      this.store.update(storageKey(t), key, obj)
      const gone = this.store.delete(storageKey(t), key)
      strategy.afterDelete?.(obj, this.ctx)
      return clone(gone ?? obj)
    }
    return this.store.update(storageKey(t), key, obj)
  }

  /** Delete with grace period, finalizers and propagation policy (see delete.ts). */
  delete(t: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions & WriteOptions = {}): KubeObject {
    return deleteObject(this, t, t.namespaced ? namespace || 'default' : undefined, name, opts, this.ctx)
  }

  /** pods/eviction: a delete that honours PodDisruptionBudgets (registry/eviction.ts). */
  evict(namespace: string, name: string, opts: EvictionOptions = {}): void {
    evictPod(this, namespace, name, opts)
  }

  /** pods/binding: the scheduler's write. Sets spec.nodeName and the PodScheduled condition. */
  bind(namespace: string, podName: string, nodeName: string): KubeObject {
    const t = this.registry.forGroupResource('', 'pods')!
    const pod = this.store.get(storageKey(t), objectKey(namespace, podName))
    if (!pod) throw newNotFound('pods', '', podName)
    const spec = pod.spec as { nodeName?: string }
    if (spec.nodeName) throw newConflict('pods', '', podName, `pod ${podName} is already assigned to node "${spec.nodeName}"`)
    if (pod.metadata.deletionTimestamp) throw newConflict('pods', '', podName, 'pod is being deleted')
    const next = clone(pod)
    ;(next.spec as { nodeName?: string }).nodeName = nodeName
    const status = (next.status ?? {}) as { conditions?: { type: string; status: string; lastTransitionTime?: string; lastProbeTime?: null }[] }
    status.conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
    status.conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()) })
    next.status = status
    return this.store.update(storageKey(t), objectKey(namespace, podName), next)
  }

  /** Remove the object from the store now (grace period over, finalizers done). */
  purge(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const gone = this.store.delete(storageKey(t), objectKey(namespace, name))
    if (gone) this.strategy(t).afterDelete?.(gone, this.ctx)
    return gone
  }
}

function validateMeta(t: ResourceType, strategy: Strategy, obj: KubeObject): FieldError[] {
  return validateObjectMeta(obj.metadata, strategy.nameRule ?? 'subdomain', t.namespaced)
}
