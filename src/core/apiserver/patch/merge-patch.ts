/**
 * JSON merge patch (RFC 7386, `application/merge-patch+json`): objects merge key by key, a
 * null deletes, anything else (lists included) replaces.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- patches are free-form JSON */

export const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v)

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch
  const out: Record<string, any> = isObject(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}
