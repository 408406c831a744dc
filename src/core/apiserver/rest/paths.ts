/**
 * Splits an API path into its parts, as the apiserver's RequestInfoFactory does:
 * /api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]] and the same under
 * /apis/{group}/{version}. /api/v1/namespaces/{name}[/status|/finalize] is the namespace itself.
 */

export interface ResourcePath {
  group: string
  version: string
  namespace?: string
  resource: string
  name?: string
  subresource?: string
}

export type ParsedPath =
  | { kind: 'resource'; info: ResourcePath }
  | { kind: 'groupVersion'; group: string; version: string }
  | { kind: 'group'; group: string }
  | { kind: 'legacyRoot' }
  | { kind: 'groupsRoot' }
  | { kind: 'other'; path: string }

const NAMESPACE_SUBRESOURCES = ['status', 'finalize']

export function parseApiPath(rawPath: string): ParsedPath {
  const path = rawPath.replace(/\/+$/, '') || '/'
  const parts = path.split('/').filter(Boolean).map(safeDecode)
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'legacyRoot' }
    if (parts.length === 2) return { kind: 'groupVersion', group: '', version: parts[1]! }
    return resourcePath('', parts[1]!, parts.slice(2), path)
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'groupsRoot' }
    if (parts.length === 2) return { kind: 'group', group: parts[1]! }
    if (parts.length === 3) return { kind: 'groupVersion', group: parts[1]!, version: parts[2]! }
    return resourcePath(parts[1]!, parts[2]!, parts.slice(3), path)
  }
  return { kind: 'other', path }
}

function resourcePath(group: string, version: string, rest: string[], path: string): ParsedPath {
  let namespace: string | undefined
  if (rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.includes(rest[2]!)) {
    namespace = rest[1]
    rest = rest.slice(2)
  }
  if (rest.length === 0 || rest.length > 3) return { kind: 'other', path }
  return { kind: 'resource', info: { group, version, namespace, resource: rest[0]!, name: rest[1], subresource: rest[2] } }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
