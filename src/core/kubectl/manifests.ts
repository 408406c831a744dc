/**
 * Reading manifests as kubectl's resource builder does: YAML or JSON, several documents per
 * file, `kind: List` expanded, and kubectl's own words for what cannot be read.
 */

import { parseDocument } from 'yaml'
import type { KubeObject } from '../api/types'
import { goJSONSyntaxError, goYamlMessage, splitDocuments } from './yaml-errors'

export interface ManifestDoc {
  source: string
  object: KubeObject
}

export class ManifestError extends Error {}

const INVALID_OBJECT = 'error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false'

/** A document's value as a manifest (objects, `kind: List` expanded); kubectl's words otherwise. */
function addDoc(out: ManifestDoc[], value: unknown, source: string): void {
  if (value === null || value === undefined) return
  if (typeof value !== 'object' || Array.isArray(value)) throw new ManifestError(`error: error validating "${source}": ${INVALID_OBJECT}`)
  const obj = value as KubeObject
  if (obj.kind === 'List' && Array.isArray((obj as { items?: unknown }).items)) {
    for (const item of (obj as unknown as { items: KubeObject[] }).items) out.push({ source, object: item })
    return
  }
  out.push({ source, object: obj })
}

/**
 * A stream read as kubectl's StreamVisitor does: document after document until one cannot be
 * read; the documents before it are kept (kubectl still applies them) and the error returned.
 */
export function readManifestStream(text: string, source: string): { docs: ManifestDoc[]; error?: ManifestError } {
  const docs: ManifestDoc[] = []
  try {
    // A stream that starts with `{` is read as JSON (the YAMLOrJSONDecoder's sniffing).
    if (/^\s*\{/.test(text)) {
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (e) {
        throw new ManifestError(`error: error parsing ${source}: ${goJSONSyntaxError(text, e)}`)
      }
      addDoc(docs, value, source)
      return { docs }
    }
    for (const chunk of splitDocuments(text)) {
      const doc = parseDocument(chunk, { uniqueKeys: false, strict: false })
      const e = doc.errors[0]
      if (e) {
        const problem = { code: e.code, message: e.message, line: e.linePos?.[0]?.line ?? 1 }
        throw new ManifestError(`error: error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlMessage(problem, chunk)}`)
      }
      addDoc(docs, doc.toJS({ maxAliasCount: 100 }) as unknown, source)
    }
  } catch (e) {
    if (e instanceof ManifestError) return { docs, error: e }
    throw e
  }
  return { docs }
}

/** All documents, or the stream's first error thrown (for commands that stop at once). */
export function parseManifests(text: string, source: string): ManifestDoc[] {
  const { docs, error } = readManifestStream(text, source)
  if (error) throw error
  return docs
}

/** kubectl's checks before it talks to the server about an object from a file. */
export function checkObjectShape(doc: ManifestDoc): void {
  const o = doc.object
  if (!o.apiVersion && !o.kind) throw new ManifestError(`error: error validating "${doc.source}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`)
  if (!o.kind) throw new ManifestError(`error: error validating "${doc.source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`)
  if (!o.apiVersion) throw new ManifestError(`error: error validating "${doc.source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`)
}
