/**
 * JSON patch (RFC 6902, `application/json-patch+json`): add, remove, replace, move, copy and
 * test operations on JSON pointers, applied in order to a copy; any failure rejects all.
 * Error texts follow evanphx/json-patch, which the apiserver uses.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- patches are free-form JSON */

export class JSONPatchError extends Error {}

interface Operation {
  op: string
  path: string
  from?: string
  value?: unknown
}

function parsePointer(path: string): string[] {
  if (path === '') return []
  if (!path.startsWith('/')) throw new JSONPatchError(`invalid JSON pointer: ${path}`)
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The container holding the pointer's last segment, and that segment. */
function locate(doc: any, path: string): { parent: any; key: string } {
  const parts = parsePointer(path)
  if (!parts.length) throw new JSONPatchError('replacing the whole document is not supported')
  let cur = doc
  for (const p of parts.slice(0, -1)) {
    cur = Array.isArray(cur) ? cur[Number(p)] : cur?.[p]
    if (cur === undefined || cur === null || typeof cur !== 'object') throw new JSONPatchError(`doc is missing path: "${path}": missing value`)
  }
  return { parent: cur, key: parts[parts.length - 1]! }
}

function indexOf(arr: unknown[], key: string, forAdd: boolean, path: string): number {
  if (forAdd && key === '-') return arr.length
  const i = /^\d+$/.test(key) ? parseInt(key, 10) : NaN
  if (Number.isNaN(i) || i < 0 || i > arr.length || (!forAdd && i === arr.length)) throw new JSONPatchError(`Unable to access invalid index: ${key}: invalid index referenced: ${path}`)
  return i
}

function get(doc: any, path: string): unknown {
  const { parent, key } = locate(doc, path)
  const v = Array.isArray(parent) ? parent[indexOf(parent, key, false, path)] : parent[key]
  if (v === undefined) throw new JSONPatchError(`doc is missing path: "${path}": missing value`)
  return v
}

function add(doc: any, path: string, value: unknown): void {
  const { parent, key } = locate(doc, path)
  if (Array.isArray(parent)) parent.splice(indexOf(parent, key, true, path), 0, value)
  else parent[key] = value
}

function remove(doc: any, path: string): void {
  const { parent, key } = locate(doc, path)
  if (Array.isArray(parent)) parent.splice(indexOf(parent, key, false, path), 1)
  else {
    if (!(key in parent)) throw new JSONPatchError(`Unable to remove nonexistent key: ${key}: missing value`)
    delete parent[key]
  }
}

export function applyJSONPatch(doc: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw new JSONPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  const out = JSON.parse(JSON.stringify(doc)) as unknown
  for (const raw of ops as Operation[]) {
    const copy = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown
    switch (raw.op) {
      case 'add':
        add(out, raw.path, copy(raw.value))
        break
      case 'remove':
        remove(out, raw.path)
        break
      case 'replace':
        get(out, raw.path)
        remove(out, raw.path)
        add(out, raw.path, copy(raw.value))
        break
      case 'move': {
        const v = get(out, raw.from ?? '')
        remove(out, raw.from ?? '')
        add(out, raw.path, v)
        break
      }
      case 'copy':
        add(out, raw.path, copy(get(out, raw.from ?? '')))
        break
      case 'test':
        if (JSON.stringify(get(out, raw.path)) !== JSON.stringify(raw.value)) throw new JSONPatchError(`testing value ${raw.path} failed: test failed`)
        break
      default:
        throw new JSONPatchError(`Unexpected kind: ${raw.op}`)
    }
  }
  return out
}
