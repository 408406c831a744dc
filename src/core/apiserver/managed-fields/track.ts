/**
 * Where the API server's write path meets the field manager: every create and update records
 * an Update entry for its manager, before mutating admission (so fields admission adds, such
 * as the service-account token volume, belong to no one, as upstream).
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { rfc3339 } from '../../machinery/time'
import type { APIServer, WriteOptions } from '../server'
import { trackUpdate } from './managers'
import { kindType } from './schema'

/** The manager kube-apiserver derives from kubectl's User-Agent when a request names none. */
export const KUBECTL_USER_AGENT_MANAGER = 'kubectl'

/** prefixFromUserAgent: the User-Agent up to its first "/" (at most 128 characters). */
export function managerFromUserAgent(userAgent: string | undefined): string {
  return (userAgent ?? '').split('/')[0]!.slice(0, 128)
}

export function recordUpdate(
  api: APIServer,
  t: ResourceType,
  live: KubeObject | undefined,
  next: KubeObject,
  opts: WriteOptions & { subresource?: string },
): void {
  if (opts.managedFieldsApplied) return
  const manager = opts.fieldManager ?? api.defaultFieldManager
  if (manager === undefined) {
    // An anonymous engine write keeps what the live object had.
    if (live?.metadata.managedFields && !next.metadata.managedFields) next.metadata.managedFields = live.metadata.managedFields
    return
  }
  const apiVersion = t.group ? `${t.group}/${t.version}` : t.version
  trackUpdate({
    type: kindType(apiVersion, t.kind),
    live,
    next,
    who: { manager, apiVersion, subresource: opts.subresource },
    now: rfc3339(api.clock.now()),
    resetStatus: !!api.strategy(t).statusSubresource && opts.subresource !== 'status',
  })
}

/** A view of the API server whose writes name `manager` unless they name one themselves. */
export function asFieldManager(api: APIServer, manager: string): APIServer {
  return Object.create(api, { defaultFieldManager: { value: manager } }) as APIServer
}
