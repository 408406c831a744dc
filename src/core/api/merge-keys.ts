/**
 * The strategic-merge metadata of the API types (their patchMergeKey struct tags): which
 * lists merge element by element, and by which field. Both the server's strategic merge patch
 * and kubectl's client-side apply read it from here.
 */

/** patchMergeKey of list fields by field name. */
export const PATCH_MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  env: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  addresses: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
}

/** The merge key of the list `field` found under `path`: container ports by containerPort, Service ports by port. */
export function patchMergeKey(field: string, path: readonly string[]): string | undefined {
  if (field === 'ports') return path.includes('containers') || path.includes('initContainers') || path.includes('ephemeralContainers') ? 'containerPort' : 'port'
  return PATCH_MERGE_KEYS[field]
}
