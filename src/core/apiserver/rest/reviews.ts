/**
 * Who is asking, and the review APIs that answer "what may I do": the impersonation filter
 * (Impersonate-User / Impersonate-Group, which kubectl --as / --as-group send), then
 * SelfSubjectAccessReview and SelfSubjectRulesReview (authorization.k8s.io/v1, behind
 * `kubectl auth can-i`) and SelfSubjectReview (authentication.k8s.io/v1, `kubectl auth whoami`).
 * Reviews are never stored: the server answers the posted object with its status filled in.
 */

import type { ResourceType } from '../../api/resources'
import { newMethodNotAllowed } from '../../machinery/errors'
import { impersonatedUser, serviceAccountNamespace, type Attributes } from '../authorization/attributes'
import { authorizeRequest } from '../authorization/scoped'
import { ADMIN_USER, type APIServer, type User } from '../server'
import { parseJSONBody } from './decode'
import { jsonResponse, type RestRequest, type RestResponse } from './types'

const REVIEW_KINDS = new Set(['SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SelfSubjectReview'])

export function isReview(t: ResourceType): boolean {
  return (t.group === 'authorization.k8s.io' || t.group === 'authentication.k8s.io') && REVIEW_KINDS.has(t.kind)
}

const headerList = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [])

/**
 * The request's user: the kubeconfig's admin, or whom it impersonates. The requester must be
 * allowed to `impersonate` each user, service account and group named.
 */
export function requestUser(api: APIServer, headers: Record<string, string | undefined>): User {
  const name = headers['impersonate-user']
  const groups = headerList(headers['impersonate-group'])
  if (!name) return ADMIN_USER
  const check = (a: Omit<Attributes, 'user' | 'verb' | 'resourceRequest'>) => authorizeRequest(api, { user: ADMIN_USER, verb: 'impersonate', resourceRequest: true, ...a })
  const saNamespace = serviceAccountNamespace(name)
  if (saNamespace) check({ apiGroup: '', resource: 'serviceaccounts', namespace: saNamespace, name: name.split(':')[3] })
  else check({ apiGroup: '', resource: 'users', name })
  for (const g of groups) check({ apiGroup: '', resource: 'groups', name: g })
  return impersonatedUser(name, groups)
}

interface ReviewBody {
  metadata?: Record<string, unknown>
  spec?: {
    namespace?: string
    resourceAttributes?: { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string }
    nonResourceAttributes?: { verb?: string; path?: string }
  }
}

export function handleReview(api: APIServer, req: RestRequest, t: ResourceType, user: User): RestResponse {
  if (req.method.toUpperCase() !== 'POST') throw newMethodNotAllowed()
  // Creating a review is itself authorized (system:basic-user grants it to everyone).
  authorizeRequest(api, { user, verb: 'create', resourceRequest: true, apiGroup: t.group, resource: t.plural })
  const body = (parseJSONBody(req.body, t.kind) ?? {}) as ReviewBody
  const head = { kind: t.kind, apiVersion: `${t.group}/${t.version}`, metadata: { ...(body.metadata ?? {}), creationTimestamp: null } }
  if (t.kind === 'SelfSubjectReview') {
    return jsonResponse(201, { ...head, status: { userInfo: { username: user.name, groups: user.groups } } })
  }
  const spec = body.spec ?? {}
  if (t.kind === 'SelfSubjectRulesReview') {
    const { rules, errors } = api.authorizer.rulesFor(user, spec.namespace)
    const resourceRules = rules.filter((r) => !r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames }))
    const nonResourceRules = rules.filter((r) => r.nonResourceURLs?.length).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs }))
    const status: Record<string, unknown> = { resourceRules, nonResourceRules, incomplete: errors.length > 0 }
    if (errors.length) status.evaluationError = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`
    return jsonResponse(201, { ...head, spec, status })
  }
  const ra = spec.resourceAttributes
  const na = spec.nonResourceAttributes
  const attrs: Attributes = ra
    ? { user, verb: ra.verb ?? '', resourceRequest: true, apiGroup: ra.group ?? '', resource: ra.resource ?? '', subresource: ra.subresource, namespace: ra.namespace, name: ra.name }
    : { user, verb: na?.verb ?? '', resourceRequest: false, path: na?.path ?? '' }
  const { allowed, reason } = api.authorizer.authorize(attrs)
  return jsonResponse(201, { ...head, spec, status: reason ? { allowed, reason } : { allowed } })
}

/**
 * RequestInfoFactory's verb for a resource request: the HTTP method, with GET split into
 * get/list/watch and DELETE into delete/deletecollection by whether a name was given.
 */
export function requestVerb(method: string, hasName: boolean, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return hasName ? 'get' : watch ? 'watch' : 'list'
    case 'POST':
      return 'create'
    case 'PUT':
      return 'update'
    case 'PATCH':
      return 'patch'
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection'
    default:
      return method.toLowerCase()
  }
}
