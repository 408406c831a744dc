/**
 * NamespaceLifecycle: nothing is created in a namespace that does not exist or is being
 * terminated; the system namespaces cannot be deleted.
 */

import { newForbidden, newNotFound } from '../../machinery/errors'
import type { AdmissionPlugin } from './chain'

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public'])

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  mutate(a) {
    const ns = a.object.metadata.namespace
    if (a.resource.plural === 'namespaces' && a.operation === 'DELETE' && IMMORTAL.has(a.object.metadata.name ?? '')) {
      throw newForbidden('namespaces', '', a.object.metadata.name ?? '', 'this namespace may not be deleted')
    }
    if (a.operation !== 'CREATE' || !a.resource.namespaced || !ns) return
    const nsType = a.api.registry.forGroupResource('', 'namespaces')!
    const namespace = a.api.peek(nsType, undefined, ns)
    if (!namespace) throw newNotFound('namespaces', '', ns)
    const phase = (namespace.status as { phase?: string } | undefined)?.phase
    // Events about the namespace's own teardown are still let in, as upstream allows.
    if (phase === 'Terminating' && a.resource.plural !== 'events') {
      throw newForbidden(a.resource.plural, a.resource.group, a.object.metadata.name ?? '', `unable to create new content in namespace ${ns} because it is being terminated`, [
        { reason: 'NamespaceTerminating', message: `namespace ${ns} is being terminated`, field: 'metadata.namespace' },
      ])
    }
  },
}
