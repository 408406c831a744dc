/**
 * Reading manifests as kubectl's resource builder does: YAML or JSON, several documents per
 * file, `kind: List` expanded, and kubectl's own words for what cannot be read.
 */

import { parseAllDocuments } from 'yaml'
import type { KubeObject } from '../api/types'

export interface ManifestDoc {
  source: string
  object: KubeObject
}

export class ManifestError extends Error {}

/** Error text kubectl gives for YAML it cannot parse (from the yaml decoder). */
function yamlError(source: string, line: number, detail: string): ManifestError {
  return new ManifestError(`error: error parsing ${source}: error converting YAML to JSON: yaml: line ${line}: ${detail}`)
}

export function parseManifests(text: string, source: string): ManifestDoc[] {
  const docs = parseAllDocuments(text, { uniqueKeys: false, strict: false })
  const out: ManifestDoc[] = []
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length) {
      const e = doc.errors[0]!
      const line = e.linePos?.[0]?.line ?? 1
      throw yamlError(source, line, e.code === 'BAD_INDENT' || e.code === 'MISSING_CHAR' ? 'did not find expected key' : e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''))
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown
    if (value === null || value === undefined) continue
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new ManifestError(`error: error parsing ${source}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'number'} into Go value of type map[string]interface {}`)
    }
    const obj = value as KubeObject
    if (obj.kind === 'List' && Array.isArray((obj as { items?: unknown }).items)) {
      for (const item of (obj as unknown as { items: KubeObject[] }).items) out.push({ source, object: item })
      continue
    }
    out.push({ source, object: obj })
  }
  return out
}

/** kubectl's checks before it talks to the server about an object from a file. */
export function checkObjectShape(doc: ManifestDoc): void {
  const o = doc.object
  if (!o.apiVersion && !o.kind) throw new ManifestError(`error: error validating "${doc.source}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`)
  if (!o.kind) throw new ManifestError(`error: error validating "${doc.source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`)
  if (!o.apiVersion) throw new ManifestError(`error: error validating "${doc.source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`)
}
