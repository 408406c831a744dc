/**
 * The HTTP face of the API server as plain data: a request (method, path, query, headers,
 * body) in, a response (status, headers, body or an event stream) out. The Node server in
 * src/cli/serve is a thin wrapper around this; a browser host could call it directly.
 */

import type { ExecSession } from './exec'

export interface RestRequest {
  method: string
  /** The URL path, not yet decoded, without the query. */
  path: string
  /** The raw query string without the leading "?". */
  query: string
  /** Header names in lower case. */
  headers: Record<string, string | undefined>
  body?: string
}

/** A watch: the handler pushes chunks until the client goes away or the watch ends. */
export interface RestStream {
  /** Starts pushing chunks; returns the function that stops the watch. */
  start(write: (chunk: string) => void, end: () => void): () => void
  /** Streams that follow simulated time (logs -f): the host calls this after it moves the clock. */
  poll?(): void
}

export interface RestResponse {
  status: number
  headers: Record<string, string>
  body?: string
  stream?: RestStream
  /** pods/exec: the session the host runs over its upgraded connection (status 101). */
  exec?: ExecSession
}

/** Parsed query parameters; a repeated key keeps its first value, as Go's url.Values.Get does. */
export function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>()
  if (!query) return out
  for (const part of query.split('&')) {
    if (!part) continue
    const eq = part.indexOf('=')
    const k = decodeComponent(eq < 0 ? part : part.slice(0, eq))
    const v = eq < 0 ? '' : decodeComponent(part.slice(eq + 1))
    if (!out.has(k)) out.set(k, v)
  }
  return out
}

function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

/** UTF-8 length of a string, for the request body limit (no TextEncoder in the engine's lib). */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

export function jsonResponse(status: number, value: unknown, contentType = 'application/json'): RestResponse {
  return { status, headers: { 'Content-Type': contentType }, body: `${JSON.stringify(value)}\n` }
}
