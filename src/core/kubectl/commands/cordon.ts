/**
 * kubectl cordon / uncordon (pkg/cmd/drain/drain.go RunCordonOrUncordon): set a node's
 * spec.unschedulable through the API. Every node is fetched before any is changed, so a
 * missing name stops the command before it touches the others.
 */

import { clone, type KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { lookupType } from '../resource-args'
import { dryRunSuffix } from './targets'

export const cordonFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', default: 'none' },
]

function printNode(ctx: KubectlContext, node: KubeObject, operation: string, dryRun: string): void {
  ctx.out(`node/${node.metadata.name} ${operation}${dryRunSuffix(dryRun)}\n`)
}

/** RunCordonOrUncordon over nodes already fetched (drain cordons with it too). */
export function runCordonOrUncordon(ctx: KubectlContext, nodes: KubeObject[], desired: boolean, dryRun: string): void {
  const verb = desired ? 'cordon' : 'uncordon'
  const nodeType = lookupType(ctx.api, 'nodes')
  for (const node of nodes) {
    const unschedulable = !!(node.spec as { unschedulable?: boolean } | undefined)?.unschedulable
    if (unschedulable === desired) {
      printNode(ctx, node, desired ? 'already cordoned' : 'already uncordoned', dryRun)
      continue
    }
    if (dryRun !== 'client') {
      const next = clone(node)
      const spec = (next.spec ?? {}) as { unschedulable?: boolean }
      if (desired) spec.unschedulable = true
      else delete spec.unschedulable
      next.spec = spec
      try {
        ctx.api.update(nodeType, next, { user: ctx.user, dryRun: dryRun === 'server' })
      } catch (e) {
        if (!isStatusError(e)) throw e
        ctx.err(`error: unable to ${verb} node ${JSON.stringify(node.metadata.name)}: ${formatError(e).replace(/^error: /, '')}\n`)
        continue
      }
    }
    printNode(ctx, node, desired ? 'cordoned' : 'uncordoned', dryRun)
  }
}

function cordonOrUncordon(desired: boolean) {
  const verb = desired ? 'cordon' : 'uncordon'
  return (ctx: KubectlContext, args: string[], flags: FlagValues): number => {
    const selector = String(flags.selector ?? '')
    if (!args.length && !selector) throw new KubectlError(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`)
    const dryRun = String(flags['dry-run'])
    const nodeType = lookupType(ctx.api, 'nodes')
    const nodes: KubeObject[] = args.length
      ? args.map((name) => ctx.api.get(nodeType, undefined, name))
      : ctx.api.list(nodeType, { labelSelector: selector }).items
    runCordonOrUncordon(ctx, nodes, desired, dryRun)
    return 0
  }
}

export const runCordon = cordonOrUncordon(true)
export const runUncordon = cordonOrUncordon(false)
