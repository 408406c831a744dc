/**
 * The API as one user sees it: every request a client makes (kubectl, the HTTP face) is
 * authorized before it reaches the API server's handlers, which is where kube-apiserver's
 * WithAuthorization filter sits. Components hold the unwrapped APIServer and act as themselves.
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import type { APIServer, User } from '../server'
import { forbiddenError, type Attributes } from './attributes'

/** Throws the Forbidden error kube-apiserver answers when RBAC has no rule allowing the request. */
export function authorizeRequest(api: APIServer, a: Attributes): void {
  const { allowed, reason } = api.authorizer.authorize(a)
  if (!allowed) throw forbiddenError(a, reason)
}

function attrs(user: User, t: ResourceType, verb: string, namespace: string | undefined, name?: string, subresource?: string): Attributes {
  return {
    user,
    verb,
    resourceRequest: true,
    apiGroup: t.group,
    resource: t.plural,
    subresource,
    namespace: t.namespaced ? namespace || 'default' : undefined,
    name,
  }
}

/** A view of the API whose reads and writes are checked as `user` (RequestInfo -> Attributes). */
export function authorizedAPI(api: APIServer, user: User): APIServer {
  const check = (a: Attributes) => authorizeRequest(api, a)
  const wrapped: Partial<APIServer> = {
    get: (t, ns, name) => (check(attrs(user, t, 'get', ns, name)), api.get(t, ns, name)),
    peek: (t, ns, name) => (check(attrs(user, t, 'get', ns, name)), api.peek(t, ns, name)),
    list: (t, opts = {}) => {
      // A list across all namespaces is a cluster-scope request.
      check({ ...attrs(user, t, 'list', opts.namespace), namespace: t.namespaced ? opts.namespace || undefined : undefined })
      return api.list(t, opts)
    },
    watch: (t, opts, handler) => {
      check({ ...attrs(user, t, 'watch', opts.namespace), namespace: t.namespaced ? opts.namespace || undefined : undefined })
      return api.watch(t, opts, handler)
    },
    create: (t, body, opts = {}) => {
      // POST to the collection: the request carries no name.
      check(attrs(user, t, 'create', body.metadata?.namespace || opts.namespace))
      return api.create(t, body, { ...opts, user })
    },
    update: (t, body: KubeObject, opts = {}) => {
      const verb = opts.patch ? 'patch' : 'update'
      check(attrs(user, t, verb, body.metadata?.namespace, body.metadata?.name, opts.subresource))
      return api.update(t, body, { ...opts, user })
    },
    evict: (ns, name, opts = {}) => {
      check(attrs(user, api.registry.forGroupResource('', 'pods')!, 'create', ns, name, 'eviction'))
      return api.evict(ns, name, { ...opts, user })
    },
    delete: (t, ns, name, opts = {}) => (check(attrs(user, t, 'delete', ns, name)), api.delete(t, ns, name, { ...opts, user })),
  }
  return new Proxy(api, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in wrapped) return wrapped[prop as keyof APIServer]
      const v = Reflect.get(target, prop, receiver) as unknown
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
    },
  })
}
