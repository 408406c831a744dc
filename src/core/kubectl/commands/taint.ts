/**
 * kubectl taint (pkg/cmd/taint): add `key[=value]:Effect` or remove `key[:Effect]-` taints on
 * nodes named, selected with -l, or --all. New taints come first, then the old ones they do
 * not replace, as upstream's reorganizeTaints orders them; the node is written through the API.
 */

import { clone, type KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { isQualifiedName, isValidLabelValue } from '../../machinery/names'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { toGoJSON, toGoYaml } from '../printers/go-yaml'
import { lookupType } from '../resource-args'

export const taintFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'overwrite', type: 'bool', default: false },
  { name: 'all', type: 'bool', default: false },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string', default: 'kubectl-taint' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'show-managed-fields', type: 'bool', default: false },
  { name: 'template', type: 'string', default: '' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
]

interface Taint {
  key: string
  value?: string
  effect?: string
  timeAdded?: string
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

const usage = (msg: string) => new KubectlError(`error: ${msg}\nSee 'kubectl taint -h' for help and examples`)

/** Taint.ToString */
function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

function parseTaint(st: string): Taint {
  const parts = st.split(':')
  let key: string
  let value = ''
  let effect = ''
  if (parts.length === 1) key = parts[0]!
  else if (parts.length === 2) {
    effect = parts[1]!
    if (!EFFECTS.includes(effect)) throw usage(`invalid taint effect: ${effect}, unsupported taint effect`)
    const kv = parts[0]!.split('=')
    if (kv.length > 2) throw usage(`invalid taint spec: ${st}`)
    key = kv[0]!
    if (kv.length === 2) {
      value = kv[1]!
      const errs = isValidLabelValue(value)
      if (errs.length) throw usage(`invalid taint spec: ${st}, ${errs.join('; ')}`)
    }
  } else throw usage(`invalid taint spec: ${st}`)
  const errs = isQualifiedName(key)
  if (errs.length) throw usage(`invalid taint spec: ${st}, ${errs.join('; ')}`)
  return { key, value, effect }
}

function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = []
  const remove: Taint[] = []
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1))
      remove.push({ key: t.key, effect: t.effect })
      continue
    }
    const t = parseTaint(spec)
    if (!t.effect) throw usage(`invalid taint spec: ${spec}`)
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) throw usage(`duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`)
    add.push(t)
  }
  return { add, remove }
}

/** A copy without empty fields, as the API stores a taint. */
function stored(t: Taint): Taint {
  const out: Taint = { key: t.key }
  if (t.value) out.value = t.value
  if (t.effect) out.effect = t.effect
  if (t.timeAdded) out.timeAdded = t.timeAdded
  return out
}

/** reorganizeTaints: the operation word and the node's new taints, or the removals not found. */
function reorganize(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { op: string; taints: Taint[]; errors: string[] } {
  let taints = add.map(stored)
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o)
  const added = old.length !== taints.length
  const errors: string[] = []
  let deleted = false
  for (const r of remove) {
    const before = taints.length
    taints = taints.filter((t) => (r.effect ? !(t.key === r.key && t.effect === r.effect) : t.key !== r.key))
    deleted = taints.length !== before
    if (!deleted) errors.push(`taint ${JSON.stringify(taintString(r))} not found`)
  }
  const op = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted'
  return { op, taints, errors }
}

export function runTaint(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const resources: string[] = []
  const specs: string[] = []
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-')
    if (isTaint) specs.push(s)
    else if (specs.length) throw new KubectlError(`error: all resources must be specified before taint changes: ${s}`)
    else resources.push(s)
  }
  if (!resources.length) throw new KubectlError('error: one or more resources must be specified as <resource> <name>')
  if (!specs.length) throw new KubectlError('error: at least one taint update is required')
  const { add, remove } = parseTaints(specs)
  const typeName = resources[0]!.toLowerCase()
  const nodeType = lookupType(ctx.api, typeName)
  if (nodeType.kind !== 'Node') throw new KubectlError(`error: invalid resource type ${typeName}, only node types are supported`)
  const conflicts = remove.filter((r) => add.some((a) => a.key === r.key && (!r.effect || a.effect === r.effect))).map((r) => `${r.key}=${r.effect}`)
  if (conflicts.length) throw new KubectlError(`error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`)
  const selector = String(flags.selector ?? '')
  if (flags.all && selector) throw new KubectlError("error: setting 'all' parameter with a non empty selector is prohibited")
  if (!flags.all && !selector && resources.length < 2) throw new KubectlError("error: at least one resource name must be specified since 'all' parameter is not set")
  const dryRun = String(flags['dry-run'])
  const output = String(flags.output ?? '')
  const errors: string[] = []
  const nodes: (KubeObject | string)[] = []
  if (flags.all || selector) nodes.push(...ctx.api.list(nodeType, { labelSelector: selector }).items)
  else {
    for (const name of resources.slice(1)) {
      try {
        nodes.push(ctx.api.get(nodeType, undefined, name))
      } catch (e) {
        if (!isStatusError(e)) throw e
        nodes.push(formatError(e))
      }
    }
  }
  for (const node of nodes) {
    if (typeof node === 'string') {
      errors.push(node)
      continue
    }
    const name = node.metadata.name!
    const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []).map((t) => ({ ...t }))
    if (!flags.overwrite) {
      const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key)
      if (exists.length) {
        errors.push(`error: node ${name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`)
        continue
      }
    }
    const { op, taints, errors: notFound } = reorganize(old, !!flags.overwrite, add, remove)
    if (notFound.length) {
      errors.push(`error: ${notFound.length === 1 ? notFound[0] : `[${notFound.join(', ')}]`}`)
      continue
    }
    const next = clone(node)
    const spec = (next.spec ?? {}) as { taints?: Taint[] }
    if (taints.length) spec.taints = taints
    else delete spec.taints
    next.spec = spec
    let result = next
    if (dryRun !== 'client') {
      try {
        result = ctx.api.update(nodeType, next, { user: ctx.user, dryRun: dryRun === 'server', fieldManager: String(flags['field-manager']) })
      } catch (e) {
        if (!isStatusError(e)) throw e
        errors.push(formatError(e))
        continue
      }
    }
    if (output === 'yaml') ctx.out(toGoYaml(result))
    else if (output === 'json') ctx.out(toGoJSON(result))
    else if (output === 'name') ctx.out(`node/${name}\n`)
    // No " (dry run)" here: taint's ToPrinter sets the operation after the dry-run template.
    else ctx.out(`node/${name} ${op}\n`)
  }
  for (const e of errors) ctx.err(`${e}\n`)
  return errors.length ? 1 : 0
}
