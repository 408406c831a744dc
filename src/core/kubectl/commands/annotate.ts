/**
 * kubectl annotate (pkg/cmd/annotate/annotate.go): like label, but values are free text, the
 * overwrite check lists every clash, and the verdict is always "annotated".
 */

import { clone, type KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { toGoJSON, toGoYaml } from '../printers/go-yaml'
import { refName } from '../resource-args'
import { labelFlags } from './label'
import { collectTargets, dryRunSuffix, listPairs, resourcesAndPairs, singleItemImplied } from './targets'

export const annotateFlags: FlagSpec[] = labelFlags.map((f) => (f.name === 'field-manager' ? { ...f, default: 'kubectl-annotate' } : f))

/** The annotation kubectl --record writes; it may always be overwritten. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause'

/** cmdutil.ParsePairs with removal allowed. */
export function parsePairs(args: string[], pairType: string): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>()
  const remove: string[] = []
  const invalid: string[] = []
  for (const a of args) {
    const eq = a.indexOf('=')
    if (eq > 0) add.set(a.slice(0, eq), a.slice(eq + 1))
    else if (a.endsWith('-') && a !== '-') remove.push(a.slice(0, -1))
    else invalid.push(a)
  }
  if (invalid.length) throw new KubectlError(`error: invalid ${pairType} format: ${invalid.join(', ')}`)
  return { add, remove }
}

export function runAnnotate(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const { resources, pairs } = resourcesAndPairs(args, 'annotation')
  const { add, remove } = parsePairs(pairs, 'annotation')
  const output = String(flags.output ?? '')
  const dryRun = String(flags['dry-run'])
  if (flags.list && output) throw new KubectlError('error: --list and --output may not be specified together')
  if (flags.all && flags.selector) throw new KubectlError('error: cannot set --all and --selector at the same time')
  if (flags.all && flags['field-selector']) throw new KubectlError('error: cannot set --all and --field-selector at the same time')
  if (!resources.length && !(flags.filename as string[]).length)
    throw new KubectlError('error: one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (!add.size && !remove.length && !flags.list) throw new KubectlError('error: at least one annotation update is required')
  const both = remove.filter((k) => add.has(k))
  if (both.length) throw new KubectlError(`error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`)
  const errors: string[] = []
  const targets = collectTargets(ctx, resources, flags)
  const single = singleItemImplied(resources, targets.length)
  for (const target of targets) {
    if (!target.obj) {
      errors.push(target.error!)
      continue
    }
    const live = target.obj
    try {
      const annotations = { ...(live.metadata.annotations ?? {}) }
      if (!flags.overwrite) {
        const clashes = [...add].filter(([k, v]) => k !== CHANGE_CAUSE && k in annotations && annotations[k] !== v)
        if (clashes.length) {
          const list = clashes.map(([k]) => `'${k}' already has a value (${annotations[k]})`).join('; ')
          throw new KubectlError(`error: --overwrite is false but found the following declared annotation(s): ${list}`)
        }
      }
      for (const [k, v] of add) annotations[k] = v
      for (const k of remove) delete annotations[k]
      const changed = JSON.stringify(annotations) !== JSON.stringify(live.metadata.annotations ?? {})
      let result: KubeObject = { ...live, metadata: { ...live.metadata, annotations } }
      if (changed && dryRun !== 'client' && !flags.list) {
        const next = clone(live)
        next.metadata.annotations = annotations
        result = ctx.api.update(target.type, next, { user: ctx.user, dryRun: dryRun === 'server', fieldManager: String(flags['field-manager']) })
      }
      if (flags.list) {
        listPairs(ctx, 'annotations', target, result.metadata.annotations, single)
        continue
      }
      const ref = refName(target.type, live.metadata.name!)
      if (output === 'yaml') ctx.out(toGoYaml(result))
      else if (output === 'json') ctx.out(toGoJSON(result))
      else if (output === 'name') ctx.out(`${ref}\n`)
      else ctx.out(`${ref} annotated${dryRunSuffix(dryRun)}\n`)
    } catch (e) {
      if (e instanceof KubectlError) errors.push(e.message)
      else if (isStatusError(e)) errors.push(formatError(e))
      else throw e
    }
  }
  for (const e of errors) ctx.err(`${e}\n`)
  return errors.length ? 1 : 0
}
