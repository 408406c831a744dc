/** Defaulting for volumes and claims (pkg/apis/core/v1/defaults.go). */

/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks free-form manifests */
import { encodeBase64 } from '../../machinery/base64'

/** SetDefaults_PersistentVolumeClaim(Spec): Filesystem volumes, a new claim is Pending. */
export function defaultPersistentVolumeClaim(pvc: any): void {
  pvc.spec ??= {}
  pvc.spec.volumeMode ??= 'Filesystem'
  pvc.status ??= {}
  pvc.status.phase ??= 'Pending'
}

/** SetDefaults_PersistentVolume: Retain, Filesystem, Pending; hostPath type "" (HostPathUnset). */
export function defaultPersistentVolume(pv: any): void {
  pv.spec ??= {}
  pv.spec.persistentVolumeReclaimPolicy ??= 'Retain'
  pv.spec.volumeMode ??= 'Filesystem'
  if (pv.spec.hostPath && typeof pv.spec.hostPath === 'object') pv.spec.hostPath.type ??= ''
  pv.status ??= {}
  pv.status.phase ??= 'Pending'
}

/**
 * SetDefaults_Secret: a Secret without a type is Opaque. The v1 -> internal conversion folds
 * the write-only `stringData` into `data` (base64), stringData winning on equal keys.
 */
export function defaultSecret(secret: any): void {
  secret.type ??= 'Opaque'
  if (secret.stringData && typeof secret.stringData === 'object') {
    secret.data = { ...(secret.data ?? {}) }
    for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = encodeBase64(String(v ?? ''))
  }
  delete secret.stringData
}
