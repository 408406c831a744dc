/**
 * A set of field paths (structured-merge-diff's fieldpath.Set) and its wire form, FieldsV1.
 * A path element is kept in its serialized form: `f:<field>` for a struct field or map key,
 * `k:{"name":"web"}` for a list-map item (its keys, sorted), `v:"x"` for a set item, `i:0` for
 * a positional item. A node that is itself in the set ("member") and has children is written
 * with a "." entry, as upstream does.
 */

export interface PathNode {
  member: boolean
  children: Map<string, PathNode>
}

export type Path = readonly string[]

export function newSet(): PathNode {
  return { member: false, children: new Map() }
}

export function insert(set: PathNode, path: Path): void {
  let n = set
  for (const pe of path) {
    let c = n.children.get(pe)
    if (!c) n.children.set(pe, (c = newSet()))
    n = c
  }
  n.member = true
}

export function has(set: PathNode, path: Path): boolean {
  let n: PathNode | undefined = set
  for (const pe of path) {
    n = n.children.get(pe)
    if (!n) return false
  }
  return n.member
}

export function isEmpty(set: PathNode): boolean {
  return !set.member && set.children.size === 0
}

export function union(a: PathNode, b: PathNode): PathNode {
  const out: PathNode = { member: a.member || b.member, children: new Map(a.children) }
  for (const [pe, c] of b.children) {
    const mine = a.children.get(pe)
    out.children.set(pe, mine ? union(mine, c) : c)
  }
  return out
}

/** The members of `a` that are not members of `b` (children of a removed member stay). */
export function difference(a: PathNode, b: PathNode): PathNode {
  const out: PathNode = { member: a.member && !b.member, children: new Map() }
  for (const [pe, c] of a.children) {
    const theirs = b.children.get(pe)
    const d = theirs ? difference(c, theirs) : c
    if (!isEmpty(d)) out.children.set(pe, d)
  }
  return out
}

export function intersection(a: PathNode, b: PathNode): PathNode {
  const out: PathNode = { member: a.member && b.member, children: new Map() }
  for (const [pe, c] of a.children) {
    const theirs = b.children.get(pe)
    if (!theirs) continue
    const i = intersection(c, theirs)
    if (!isEmpty(i)) out.children.set(pe, i)
  }
  return out
}

/** Everything under `prefix` removed, the prefix itself included (fieldpath's ExcludeFilter). */
export function withoutPrefix(set: PathNode, prefix: Path): PathNode {
  if (!prefix.length) return newSet()
  const [head, ...rest] = prefix
  const c = set.children.get(head!)
  if (!c) return set
  const out: PathNode = { member: set.member, children: new Map(set.children) }
  const sub = withoutPrefix(c, rest)
  if (isEmpty(sub)) out.children.delete(head!)
  else out.children.set(head!, sub)
  return out
}

export function equals(a: PathNode, b: PathNode): boolean {
  if (a.member !== b.member || a.children.size !== b.children.size) return false
  for (const [pe, c] of a.children) {
    const theirs = b.children.get(pe)
    if (!theirs || !equals(c, theirs)) return false
  }
  return true
}

/** Every member path, in upstream's element order. */
export function paths(set: PathNode, prefix: string[] = [], out: string[][] = []): string[][] {
  if (set.member && prefix.length) out.push(prefix)
  for (const pe of sortedElements(set.children.keys())) paths(set.children.get(pe)!, [...prefix, pe], out)
  return out
}

const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 }

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const sa = typeof a === 'string' ? a : JSON.stringify(a)
  const sb = typeof b === 'string' ? b : JSON.stringify(b)
  return sa < sb ? -1 : sa > sb ? 1 : 0
}

/** fieldpath.PathElement.Compare: field names, then keys, then values, then indexes. */
export function compareElements(a: string, b: string): number {
  const ka = KIND_ORDER[a[0]!] ?? 4
  const kb = KIND_ORDER[b[0]!] ?? 4
  if (ka !== kb) return ka - kb
  const ra = a.slice(2)
  const rb = b.slice(2)
  if (a[0] === 'f') return ra < rb ? -1 : ra > rb ? 1 : 0
  if (a[0] === 'i') return Number(ra) - Number(rb)
  if (a[0] === 'v') return compareValues(JSON.parse(ra), JSON.parse(rb))
  const ea = Object.entries(JSON.parse(ra) as Record<string, unknown>)
  const eb = Object.entries(JSON.parse(rb) as Record<string, unknown>)
  for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
    if (ea[i]![0] !== eb[i]![0]) return ea[i]![0] < eb[i]![0] ? -1 : 1
    const c = compareValues(ea[i]![1], eb[i]![1])
    if (c) return c
  }
  return ea.length - eb.length
}

function sortedElements(keys: Iterable<string>): string[] {
  return [...keys].sort(compareElements)
}

/** The FieldsV1 object of a set. */
export function toFieldsV1(set: PathNode, includeSelf = false): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (includeSelf && set.member && set.children.size) out['.'] = {}
  for (const pe of sortedElements(set.children.keys())) {
    const c = set.children.get(pe)!
    out[pe] = c.children.size ? toFieldsV1(c, true) : {}
  }
  return out
}

export function fromFieldsV1(v: unknown): PathNode {
  const set = newSet()
  if (!v || typeof v !== 'object') return set
  for (const [k, c] of Object.entries(v as Record<string, unknown>)) {
    if (k === '.') {
      set.member = true
      continue
    }
    const child = fromFieldsV1(c)
    // A key with no children of its own ({}) is a member leaf.
    if (!c || typeof c !== 'object' || !Object.keys(c).length) child.member = true
    set.children.set(k, child)
  }
  return set
}

/** fieldpath.Path.String(): `.spec.containers[name="web"].image`. */
export function pathString(path: Path): string {
  return path
    .map((pe) => {
      const body = pe.slice(2)
      if (pe.startsWith('f:')) return `.${body}`
      if (pe.startsWith('i:')) return `[${body}]`
      if (pe.startsWith('v:')) return `[=${goValueString(JSON.parse(body))}]`
      const keys = Object.entries(JSON.parse(body) as Record<string, unknown>)
      return `[${keys.map(([k, v]) => `${k}=${goValueString(v)}`).join(',')}]`
    })
    .join('')
}

/** value.ToString: strings quoted, numbers and booleans bare. */
function goValueString(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)
}
