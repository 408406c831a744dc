/**
 * kubectl api-resources and api-versions (pkg/cmd/apiresources): what the server's discovery
 * says, read from the same documents the REST face serves the real kubectl.
 */

import { servedGroupVersions } from '../../apiserver/rest/discovery'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { renderColumns } from '../printers/table-writer'

// api-group and namespaced have no default: upstream filters only when they were given.
export const apiResourcesFlags: FlagSpec[] = [
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'api-group', type: 'string' },
  { name: 'namespaced', type: 'bool' },
  { name: 'verbs', type: 'stringArray', default: [] },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'cached', type: 'bool', default: false },
  { name: 'categories', type: 'stringArray', default: [] },
]

export const apiVersionsFlags: FlagSpec[] = []

interface Row {
  group: string
  groupVersion: string
  name: string
  shortNames: string[]
  namespaced: boolean
  kind: string
  verbs: string[]
  categories: string[]
}

/** StringSlice flags: repeated and comma-separated values. */
const slice = (v: unknown) => ((v as string[] | undefined) ?? []).flatMap((s) => s.split(',')).filter((s) => s)

/** ServerPreferredResources: each group's preferred version, plus what only older versions serve. */
function preferredResources(ctx: KubectlContext): Row[] {
  const rows: Row[] = []
  for (const g of servedGroupVersions(ctx.api.registry)) {
    const seen = new Set<string>()
    for (const v of g.versions) {
      for (const t of v.resources) {
        if (seen.has(t.plural)) continue
        seen.add(t.plural)
        const groupVersion = g.group ? `${g.group}/${v.version}` : v.version
        rows.push({ group: g.group, groupVersion, name: t.plural, shortNames: t.shortNames, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs, categories: t.categories })
      }
    }
  }
  return rows
}

export function runAPIResources(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const output = String(flags.output ?? '')
  if (!['', 'wide', 'name'].includes(output)) throw new KubectlError(`error: --output ${output} is not available`)
  const sortBy = String(flags['sort-by'] ?? '')
  if (sortBy && !['name', 'kind'].includes(sortBy)) throw new KubectlError('error: --sort-by accepts only name or kind')
  if (args.length) throw new KubectlError(`error: unexpected arguments: [${args.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`)
  const verbs = slice(flags.verbs)
  const categories = slice(flags.categories)
  const rows = preferredResources(ctx).filter(
    (r) =>
      r.verbs.length > 0 &&
      (flags['api-group'] === undefined || r.group === flags['api-group']) &&
      (flags.namespaced === undefined || r.namespaced === flags.namespaced) &&
      verbs.every((v) => r.verbs.includes(v)) &&
      categories.every((c) => r.categories.includes(c)),
  )
  // sort.Stable on the chosen key (group by default), ties broken by name.
  const key = (r: Row) => (sortBy === 'name' ? r.name : sortBy === 'kind' ? r.kind : r.group)
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  rows.sort((a, b) => cmp(key(a), key(b)) || cmp(a.name, b.name))
  if (output === 'name') {
    for (const r of rows) ctx.out(`${r.name}${r.group ? `.${r.group}` : ''}\n`)
    return 0
  }
  const table: string[][] = []
  if (!flags['no-headers']) table.push(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(output === 'wide' ? ['VERBS', 'CATEGORIES'] : [])])
  for (const r of rows) {
    const cells = [r.name, r.shortNames.join(','), r.groupVersion, String(r.namespaced), r.kind]
    if (output === 'wide') cells.push(r.verbs.join(','), r.categories.join(','))
    table.push(cells)
  }
  ctx.out(renderColumns(table))
  return 0
}

export function runAPIVersions(ctx: KubectlContext, args: string[]): number {
  if (args.length) throw new KubectlError(`error: unexpected arguments: [${args.join(' ')}]\nSee 'kubectl api-versions -h' for help and examples`)
  const all = servedGroupVersions(ctx.api.registry).flatMap((g) => g.versions.map((v) => (g.group ? `${g.group}/${v.version}` : v.version)))
  for (const gv of all.sort()) ctx.out(`${gv}\n`)
  return 0
}
