/**
 * DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault): a new claim that
 * names no class (storageClassName absent, not "") gets the default StorageClass, the one
 * annotated storageclass.kubernetes.io/is-default-class=true (newest wins when several are).
 */

import type { AdmissionPlugin } from './chain'

export const IS_DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class'

export const defaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  mutate(a) {
    if (a.operation !== 'CREATE' || a.resource.plural !== 'persistentvolumeclaims' || a.subresource) return
    const spec = (a.object.spec ??= {}) as { storageClassName?: string | null }
    if (spec.storageClassName !== undefined && spec.storageClassName !== null) return
    const t = a.api.registry.forGroupResource('storage.k8s.io', 'storageclasses')
    if (!t) return
    const defaults = a.api
      .list(t)
      .items.filter((sc) => sc.metadata.annotations?.[IS_DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true')
      .sort((x, y) => String(y.metadata.creationTimestamp).localeCompare(String(x.metadata.creationTimestamp)))
    if (defaults[0]) spec.storageClassName = defaults[0].metadata.name
  },
}
