/** Defaulting for volumes and claims (pkg/apis/core/v1/defaults.go). */

/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks free-form manifests */

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
    for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = base64Encode(String(v ?? ''))
  }
  delete secret.stringData
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard base64 of the text's UTF-8 bytes (no Node Buffer or btoa in the engine). */
export function base64Encode(text: string): string {
  const bytes = unescape(encodeURIComponent(text))
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes.charCodeAt(i)
    const b = i + 1 < bytes.length ? bytes.charCodeAt(i + 1) : -1
    const c = i + 2 < bytes.length ? bytes.charCodeAt(i + 2) : -1
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b < 0 ? 0 : b >> 4)]!
    out += b < 0 ? '=' : ALPHABET[((b & 15) << 2) | (c < 0 ? 0 : c >> 6)]!
    out += c < 0 ? '=' : ALPHABET[c & 63]!
  }
  return out
}
