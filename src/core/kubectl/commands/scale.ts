/** kubectl scale: set replicas through the scale subresource, optionally only if current matches. */

import { clone } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import { isStatusError } from '../../machinery/errors'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { toGoJSON, toGoYaml } from '../printers/go-yaml'
import { templateFlags } from '../printers/jsonpath/flags'
import { parseResourceArgs, refName } from '../resource-args'
import { jsonPathTemplateFor, printJSONPath } from './wait-print'

export const scaleFlags: FlagSpec[] = [
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  ...templateFlags,
  { name: 'dry-run', type: 'string', default: 'none' },
]

const SCALABLE = new Set(['apps/deployments', 'apps/replicasets', 'apps/statefulsets', '/replicationcontrollers'])

export function runScale(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const template = jsonPathTemplateFor(ctx, flags)
  const replicas = flags.replicas as number
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0')
  const sels = parseResourceArgs(ctx.api, args)
  if (!sels.length || !sels.some((s) => s.names.length)) throw new KubectlError("error: resource(s) were provided, but no name was specified")
  let exit = 0
  let counter = 0
  // Objects the builder could not fetch are reported after the others are scaled (its infoErr).
  const infoErrs: string[] = []
  for (const sel of sels) {
    for (const name of sel.names) {
      try {
        if (!SCALABLE.has(`${sel.type.group}/${sel.type.plural}`)) {
          throw new KubectlError(`error: no scaler has been implemented for {"${sel.type.group}" "${sel.type.kind}"}`)
        }
        let obj
        try {
          obj = ctx.api.get(sel.type, ctx.namespace, name)
        } catch (e) {
          if (!isStatusError(e)) throw e
          infoErrs.push(formatError(e))
          continue
        }
        counter++
        const spec = obj.spec as { replicas?: number }
        const cur = flags['current-replicas'] as number
        if (cur >= 0 && (spec.replicas ?? 1) !== cur) throw new KubectlError(`error: Expected replicas to be ${cur}, was ${spec.replicas ?? 1}`)
        const dryRun = String(flags['dry-run'])
        if (dryRun !== 'client') {
          const next = clone(obj)
          ;(next.spec as { replicas: number }).replicas = replicas
          ctx.api.update(sel.type, next, { user: ctx.user, dryRun: dryRun === 'server', subresource: 'scale' })
        }
        // Upstream prints the object as the builder fetched it, before the scale.
        const output = String(flags.output ?? '')
        if (template) printJSONPath(ctx, template, obj)
        else if (output === 'json') ctx.out(toGoJSON(obj))
        else if (output === 'yaml') ctx.out(toGoYaml(obj))
        else if (output === 'name') ctx.out(`${refName(sel.type, name)}\n`)
        else ctx.out(`${refName(sel.type, name)} scaled${dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''}\n`)
      } catch (e) {
        ctx.err(`${e instanceof KubectlError ? e.message : formatError(e)}\n`)
        exit = 1
      }
    }
  }
  if (counter === 0 && exit === 0) throw new KubectlError('error: no objects passed to scale')
  for (const e of infoErrs) ctx.err(`${e}\n`)
  return infoErrs.length ? 1 : exit
}
