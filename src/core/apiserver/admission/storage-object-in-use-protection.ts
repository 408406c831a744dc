/**
 * StorageObjectInUseProtection (plugin/pkg/admission/storage/storageobjectinuseprotection):
 * every new PersistentVolumeClaim and PersistentVolume gets its protection finalizer, so
 * deleting one that is still in use leaves it Terminating until the pvc-protection /
 * pv-protection controller sees it is free.
 */

import type { AdmissionPlugin } from './chain'

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection'
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection'

export const storageObjectInUseProtection: AdmissionPlugin = {
  name: 'StorageObjectInUseProtection',
  mutate(a) {
    if (a.operation !== 'CREATE' || a.subresource || a.resource.group) return
    const finalizer = a.resource.plural === 'persistentvolumeclaims' ? PVC_PROTECTION_FINALIZER : a.resource.plural === 'persistentvolumes' ? PV_PROTECTION_FINALIZER : undefined
    if (!finalizer) return
    const list = a.object.metadata.finalizers ?? []
    if (!list.includes(finalizer)) a.object.metadata.finalizers = [...list, finalizer]
  },
}
