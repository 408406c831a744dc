/**
 * kubectl explain (pkg/cmd/explain, pkg/explain/v2): TYPE[.FIELD...] is resolved with the
 * discovery RESTMapper's rules, the group/version's OpenAPI v3 document is read as the server
 * publishes it under /openapi/v3, and the plaintext template renders it (explain-plaintext.ts).
 */

import type { ResourceType } from '../../api/resources'
import { servedGroupVersions } from '../../apiserver/rest/discovery'
import { openAPIV3Doc } from '../../apiserver/rest/openapi'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { ExplainError, renderPlaintext, type GroupVersionResource, type OpenAPIDocument } from './explain-plaintext'

// --output has no -o shorthand in explain.
export const explainFlags: FlagSpec[] = [
  { name: 'recursive', type: 'bool', default: false },
  { name: 'api-version', type: 'string', default: '' },
  { name: 'output', type: 'string', default: 'plaintext' },
]

const PLAINTEXT = 'plaintext'
const PLAINTEXT_OPENAPIV2 = 'plaintext-openapiv2'

type PathNode = { type: 'field'; value: string } | { type: 'recursive' } | { type: 'other' }

/**
 * The nodes client-go's jsonpath parser makes of `{.TEXT}` for the simple paths explain takes:
 * `a.b` gives fields a and b, `..b` a recursive descent then b, a bracket something else.
 */
function jsonPathParse(text: string): PathNode[] {
  const s = '.' + (text.endsWith('.') ? text.slice(0, -1) : text)
  const nodes: PathNode[] = []
  let i = 0
  while (i < s.length) {
    if (s[i] === '[') return [...nodes, { type: 'other' }]
    let start = i + 1
    if (s[i] === '.' && s[i + 1] === '.') {
      // A recursive descent; a name right after it is a field, anything else parses on.
      nodes.push({ type: 'recursive' })
      i += 2
      if (!/[A-Za-z0-9_]/.test(s[i] ?? '')) continue
      start = i
    }
    let j = start
    while (j < s.length && s[j] !== '.' && s[j] !== '[') j++
    nodes.push({ type: 'field', value: s.slice(start, j) })
    i = j
  }
  return nodes
}

function fieldsOf(nodes: PathNode[]): string[] {
  return nodes.map((n) => {
    if (n.type !== 'field') throw new KubectlError('error: invalid jsonpath syntax, first node must be field node')
    return n.value
  })
}

/**
 * The RESTMapper's ResourcesFor behind kubectl's shortcut expander: every served
 * group/version/resource a name means, by priority. A short name shared by resources of
 * several groups picks the first and warns about the others, as client-go's expander does.
 */
function resourcesFor(ctx: KubectlContext, name: string): { gvr: GroupVersionResource; type: ResourceType }[] {
  const lower = name.toLowerCase()
  const served = servedGroupVersions(ctx.api.registry).flatMap((g) => g.versions.flatMap((v) => v.resources.map((t) => ({ gvr: { group: g.group, version: v.version, resource: t.plural }, type: t }))))
  let wanted = (t: ResourceType) => t.plural === lower || t.singular === lower || t.kind.toLowerCase() === lower
  if (!served.some((r) => r.type.plural === name)) {
    const byShortName = served.filter((r) => r.type.shortNames.includes(name))
    const first = byShortName[0]?.type
    if (first) {
      const warned = new Set<string>()
      for (const { type: t } of byShortName) {
        const groupResource = t.group ? `${t.plural}.${t.group}` : t.plural
        if ((t.group === first.group && t.plural === first.plural) || warned.has(groupResource)) continue
        warned.add(groupResource)
        ctx.err(`Warning: short name "${name}" could also match lower priority resource ${groupResource}\n`)
      }
      wanted = (t) => t.plural === first.plural
    }
  }
  const out = served.filter((r) => wanted(r.type))
  if (out.length === 0) throw new KubectlError(`the server doesn't have a resource type "${name}"`)
  return out
}

function firstResource(nodes: PathNode[]): string {
  const first = nodes[0]
  if (!first || first.type !== 'field') throw new KubectlError('error: invalid jsonpath syntax, first node must be field node')
  return first.value
}

/** SplitAndParseResourceRequestWithMatchingPrefix: `deployments.apps.spec` picks the apps group. */
function splitWithMatchingPrefix(ctx: KubectlContext, arg: string): { gvr: GroupVersionResource; fields: string[] } {
  const nodes = jsonPathParse(arg)
  const candidates = resourcesFor(ctx, firstResource(nodes))
  for (const { gvr } of candidates) {
    const groupResource = gvr.group ? `${gvr.resource}.${gvr.group}` : gvr.resource
    if (!arg.startsWith(groupResource)) continue
    const suffix = arg.slice(groupResource.length)
    return { gvr, fields: suffix ? fieldsOf(jsonPathParse(suffix).slice(1)) : [] }
  }
  return { gvr: candidates[0]!.gvr, fields: fieldsOf(nodes.slice(1)) }
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(text: string): { group: string; version: string } {
  const parts = text.split('/')
  if (parts.length === 1) return { group: '', version: text }
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! }
  throw new KubectlError(`error: unexpected GroupVersion string: ${text}`)
}

export function runExplain(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  if (args.length === 0) throw new KubectlError('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.')
  if (args.length > 1) throw new KubectlError('error: We accept only this format: explain RESOURCE')
  const apiVersion = String(flags['api-version'] ?? '')
  const format = String(flags.output ?? PLAINTEXT)
  let gvr: GroupVersionResource
  let fields: string[]
  if (!apiVersion) {
    ;({ gvr, fields } = splitWithMatchingPrefix(ctx, args[0]!))
  } else {
    const nodes = jsonPathParse(args[0]!)
    gvr = resourcesFor(ctx, firstResource(nodes))[0]!.gvr
    fields = fieldsOf(nodes.slice(1))
  }
  if (format === PLAINTEXT_OPENAPIV2) throw new KubectlError(`error: --output ${PLAINTEXT_OPENAPIV2} is not available in this playground`)
  if (apiVersion) gvr = { ...gvr, ...parseGroupVersion(apiVersion) }
  const served = servedGroupVersions(ctx.api.registry).some((g) => g.group === gvr.group && g.versions.some((v) => v.version === gvr.version))
  const doc = served ? (openAPIV3Doc(ctx.api.registry, gvr.group, gvr.version) as OpenAPIDocument | undefined) : undefined
  if (!doc) throw new KubectlError(`error: couldn't find resource for "${gvr.group}/${gvr.version}, Resource=${gvr.resource}"`)
  if (format !== PLAINTEXT) throw new KubectlError(`error: unrecognized format: ${format}`)
  try {
    renderPlaintext(doc, gvr, fields, flags.recursive === true, ctx.out)
  } catch (e) {
    if (e instanceof ExplainError) throw new KubectlError(e.message)
    throw e
  }
  return 0
}
