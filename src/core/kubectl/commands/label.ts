/**
 * kubectl label (pkg/cmd/label/label.go): add, overwrite or remove labels on objects found by
 * name, `--all` or `-l`; the change is written through the API like upstream's merge patch.
 */

import { clone } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { isValidLabelValue } from '../../machinery/names'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { toGoJSON, toGoYaml } from '../printers/go-yaml'
import { refName } from '../resource-args'
import { collectTargets, dryRunSuffix, listPairs, resourcesAndPairs, singleItemImplied } from './targets'

export const labelFlags: FlagSpec[] = [
  { name: 'overwrite', type: 'bool', default: false },
  { name: 'list', type: 'bool', default: false },
  { name: 'local', type: 'bool', default: false },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'resource-version', type: 'string', default: '' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'field-manager', type: 'string', default: 'kubectl-label' },
]

/** parseLabels: KEY=VALUE sets, KEY- removes. */
function parseLabels(specs: string[]): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>()
  const remove: string[] = []
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) throw new KubectlError(`error: invalid label spec: ${spec}`)
      const errs = isValidLabelValue(parts[1]!)
      if (errs.length) throw new KubectlError(`error: invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`)
      add.set(parts[0]!, parts[1]!)
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1))
    else throw new KubectlError(`error: unknown label spec: ${spec}`)
  }
  if (remove.some((k) => add.has(k))) throw new KubectlError('error: can not both modify and remove a label in the same command')
  return { add, remove }
}

export function runLabel(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const { resources, pairs } = resourcesAndPairs(args, 'label')
  const { add, remove } = parseLabels(pairs)
  const output = String(flags.output ?? '')
  const dryRun = String(flags['dry-run'])
  if (flags.list && output) throw new KubectlError('error: --list and --output may not be specified together')
  if (flags.all && flags.selector) throw new KubectlError('error: cannot set --all and --selector at the same time')
  if (flags.all && flags['field-selector']) throw new KubectlError('error: cannot set --all and --field-selector at the same time')
  if (!resources.length && !(flags.filename as string[]).length)
    throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (!add.size && !remove.length && !flags.list) throw new KubectlError('error: at least one label update is required')
  const errors: string[] = []
  const targets = collectTargets(ctx, resources, flags)
  const single = singleItemImplied(resources, targets.length)
  for (const target of targets) {
    if (!target.obj) {
      errors.push(target.error!)
      continue
    }
    const live = target.obj
    const name = live.metadata.name!
    try {
      const labels = { ...(live.metadata.labels ?? {}) }
      if (!flags.overwrite) {
        for (const [k, v] of add) {
          if (k in labels && labels[k] !== v) throw new KubectlError(`error: '${k}' already has a value (${labels[k]}), and --overwrite is false`)
        }
      }
      if (dryRun !== 'client' && !flags.list) {
        for (const k of remove) if (!(k in labels)) ctx.out(`label ${JSON.stringify(k)} not found.\n`)
      }
      let added = 0
      let removed = 0
      for (const [k, v] of add) {
        if (labels[k] !== v) {
          labels[k] = v
          added++
        }
      }
      for (const k of remove) {
        if (k in labels) {
          delete labels[k]
          removed++
        }
      }
      // Upstream prints its local copy with the new labels, not the server's answer (so -o yaml
      // shows the resourceVersion from before the change).
      const result = clone(live)
      result.metadata.labels = labels
      if ((added || removed) && dryRun !== 'client' && !flags.list) {
        ctx.api.update(target.type, clone(result), { user: ctx.user, dryRun: dryRun === 'server', fieldManager: String(flags['field-manager']) })
      }
      if (flags.list) {
        listPairs(ctx, 'labels', target, result.metadata.labels, single)
        continue
      }
      const msg = added && removed ? 'modified' : added ? 'labeled' : removed ? 'unlabeled' : 'not labeled'
      if (output === 'yaml') ctx.out(toGoYaml(result))
      else if (output === 'json') ctx.out(toGoJSON(result))
      else if (output === 'name') ctx.out(`${refName(target.type, name)}\n`)
      else ctx.out(`${refName(target.type, name)} ${msg}${dryRunSuffix(dryRun)}\n`)
    } catch (e) {
      if (e instanceof KubectlError) errors.push(e.message)
      else if (isStatusError(e)) errors.push(formatError(e))
      else throw e
    }
  }
  for (const e of errors) ctx.err(`${e}\n`)
  return errors.length ? 1 : 0
}
