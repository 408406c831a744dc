/**
 * The OpenAPI v3 component schemas with upstream's field descriptions (api-docs.json, made by
 * scripts/gen-api-docs.mjs; see docs/adr/0005-openapi-explain.md). They are large, so they
 * are loaded on demand rather than bundled with the engine: a host calls loadAPIDocs() before
 * serving /openapi/v3 documents or running `kubectl explain`, and the API server publishes
 * bare schemas until then. The data never changes, so one copy serves every cluster.
 */

export type OpenAPISchema = { [key: string]: unknown }

export interface APIDocs {
  source: string
  schemas: Record<string, OpenAPISchema>
}

let loaded: APIDocs | undefined
let loading: Promise<APIDocs> | undefined

/** The schemas, if a host has loaded them. */
export function apiDocs(): APIDocs | undefined {
  return loaded
}

/** Loads the schemas once (a separate chunk in the browser build). */
export function loadAPIDocs(): Promise<APIDocs> {
  if (loaded) return Promise.resolve(loaded)
  loading ??= import('./api-docs.json').then((m) => (loaded = m.default as unknown as APIDocs))
  return loading
}
