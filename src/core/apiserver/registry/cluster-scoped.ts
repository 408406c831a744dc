/** Namespace and Node strategies. */

import type { Strategy } from '../strategy'

export const namespaceStrategy: Strategy = {
  nameRule: 'label',
  statusSubresource: true,
  prepareForCreate(obj) {
    obj.spec = { finalizers: ['kubernetes'] }
    obj.status = { phase: 'Active' }
    obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name ?? '' }
  },
  prepareForUpdate(obj) {
    obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name ?? '' }
  },
}

export const nodeStrategy: Strategy = {
  nameRule: 'subdomain',
  statusSubresource: true,
}
