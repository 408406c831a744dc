/**
 * What the authorizer is asked (upstream's authorizer.Attributes) and how a denial reads:
 * the Forbidden text kube-apiserver writes (endpoints/handlers/responsewriters/errors.go).
 */

import { newForbidden, type StatusError } from '../../machinery/errors'
import type { User } from '../server'

export interface Attributes {
  user: User
  verb: string
  /** Resource requests; empty for non-resource requests (paths like /healthz). */
  resourceRequest: boolean
  apiGroup?: string
  resource?: string
  subresource?: string
  namespace?: string
  name?: string
  path?: string
}

export const ALL_AUTHENTICATED = 'system:authenticated'
export const ALL_UNAUTHENTICATED = 'system:unauthenticated'
export const ANONYMOUS = 'system:anonymous'
const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:'

/** serviceaccount.MakeUsername */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_PREFIX}${namespace}:${name}`
}

/** serviceaccount.SplitUsername: the namespace of a service account's user name, if it is one. */
export function serviceAccountNamespace(username: string): string | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_PREFIX)) return undefined
  const parts = username.slice(SERVICE_ACCOUNT_PREFIX.length).split(':')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined
  return parts[0]
}

/**
 * The user a request acts as after the impersonation filter (Impersonate-User and
 * Impersonate-Group, i.e. kubectl --as and --as-group): service accounts get their groups when
 * none were given, and everyone but anonymous is in system:authenticated.
 */
export function impersonatedUser(name: string, groups: string[]): User {
  let out = [...groups]
  const saNamespace = serviceAccountNamespace(name)
  if (saNamespace && out.length === 0) out = ['system:serviceaccounts', `system:serviceaccounts:${saNamespace}`]
  if (name !== ANONYMOUS) {
    if (!out.includes(ALL_AUTHENTICATED) && !out.includes(ALL_UNAUTHENTICATED)) out.push(ALL_AUTHENTICATED)
  } else if (!out.includes(ALL_UNAUTHENTICATED)) out.push(ALL_UNAUTHENTICATED)
  return { name, groups: out }
}

/** responsewriters.forbiddenMessage */
export function forbiddenMessage(a: Attributes): string {
  if (!a.resourceRequest) return `User "${a.user.name}" cannot ${a.verb} path "${a.path ?? ''}"`
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource
  if (a.namespace) return `User "${a.user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup ?? ''}" in the namespace "${a.namespace}"`
  return `User "${a.user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup ?? ''}" at the cluster scope`
}

/** responsewriters.Forbidden: the authorizer's reason, when it gave one, follows after `: `. */
export function forbiddenError(a: Attributes, reason: string): StatusError {
  const why = reason ? `${forbiddenMessage(a)}: ${reason}` : forbiddenMessage(a)
  return newForbidden(a.resource ?? '', a.apiGroup ?? '', a.name ?? '', why)
}
