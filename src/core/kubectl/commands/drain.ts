/**
 * kubectl drain (k8s.io/kubectl/pkg/cmd/drain RunDrain): cordon the nodes, then for each
 * node list its pods, refuse (or warn about) DaemonSet pods, pods with emptyDir data and
 * pods without a controller, evict the rest through the Eviction API (PodDisruptionBudgets
 * may refuse, and drain retries) or delete them, and wait until they are gone.
 */

import type { KubeObject } from '../../api/types'
import { parseDuration } from '../../machinery/duration'
import { parseSelector } from '../../machinery/labels'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { lookupType } from '../resource-args'
import { runCordonOrUncordon } from './cordon'
import { deleteErrors, deleteWarnings, filterPods, type DrainOptions } from './drain-filters'
import { deletePods, evictPods, type EvictOptions } from './drain-pods'
import { dryRunSuffix } from './targets'

export const drainFlags: FlagSpec[] = [
  { name: 'force', type: 'bool', default: false },
  { name: 'ignore-daemonsets', type: 'bool', default: false },
  { name: 'delete-emptydir-data', type: 'bool', default: false },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'pod-selector', type: 'string', default: '' },
  { name: 'disable-eviction', type: 'bool', default: false },
  { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
]

const usage = (msg: string) => new KubectlError(`error: ${msg}\nSee 'kubectl drain -h' for help and examples`)

/** pflag's DurationVar: Go duration syntax, a bare number only when it is 0. */
function timeoutFlag(raw: string): number {
  if (raw === '0') return 0
  const ms = /^[0-9.]+[a-zµ]+/.test(raw) ? parseDuration(raw) : undefined
  if (ms === undefined) {
    const why = /^-?[0-9.]+$/.test(raw) ? `time: missing unit in duration ${JSON.stringify(raw)}` : `time: invalid duration ${JSON.stringify(raw)}`
    throw new KubectlError(`error: invalid argument ${JSON.stringify(raw)} for "--timeout" flag: ${why}\nSee 'kubectl drain --help' for usage.`)
  }
  return ms
}

/** Aggregate.Error(): one message alone, several deduplicated inside brackets. */
function aggregate(errs: string[]): string {
  const unique = [...new Set(errs)]
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`
}

export function runDrain(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const selector = String(flags.selector ?? '')
  if (!args.length && !selector) throw usage('USAGE: drain NODE [flags]')
  if (args.length && selector) throw usage('cannot specify both a node name and a --selector option')
  const dryRun = String(flags['dry-run'])
  const timeoutMs = timeoutFlag(String(flags.timeout))
  const podSelector = String(flags['pod-selector'] ?? '')
  try {
    parseSelector(podSelector)
  } catch {
    throw new KubectlError('error: --pod-selector=<pod_selector> must be a valid label selector')
  }
  const nodeType = lookupType(ctx.api, 'nodes')
  const nodes: KubeObject[] = args.length ? args.map((name) => ctx.api.get(nodeType, undefined, name)) : ctx.api.list(nodeType, { labelSelector: selector }).items
  runCordonOrUncordon(ctx, nodes, true, dryRun)

  const filters: DrainOptions = {
    force: !!flags.force,
    ignoreAllDaemonSets: !!flags['ignore-daemonsets'],
    deleteEmptyDirData: !!flags['delete-emptydir-data'],
    skipWaitForDeleteTimeoutSeconds: Number(flags['skip-wait-for-delete-timeout']),
  }
  const evict: EvictOptions = { gracePeriodSeconds: Number(flags['grace-period']), timeoutMs, skipWaitForDeleteTimeoutSeconds: filters.skipWaitForDeleteTimeoutSeconds, dryRun }
  const podType = lookupType(ctx.api, 'pods')
  const podsForDeletion = (node: string) => filterPods(ctx, ctx.api.list(podType, { fieldSelector: `spec.nodeName=${node}`, labelSelector: podSelector }).items, filters)

  const fatal: NodeErrors[] = []
  const remaining: string[] = []
  for (const node of nodes) {
    const name = node.metadata.name!
    const err = drainNode(ctx, name, podsForDeletion, evict, !!flags['disable-eviction'])
    if (err === undefined) {
      ctx.out(`node/${name} drained${dryRunSuffix(dryRun)}\n`)
      continue
    }
    ctx.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${aggregate(err.errors)}, continuing command...\n`)
    fatal.push(err)
    remaining.push(name)
  }
  if (remaining.length) ctx.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`)
  if (!fatal.length) return 0
  // CheckErr unwraps an aggregate of one, prints an aggregate one error a line, anything else as "error: ...".
  if (fatal.length > 1) throw new KubectlError(fatal.map((f) => aggregate(f.errors)).join('\n'))
  const only = fatal[0]!
  if (only.aggregate) throw new KubectlError(only.errors.join('\n'))
  throw new KubectlError(`error: ${only.errors[0]}`)
}

/** A node's failure: the filters' and evictions' errors come as an aggregate, a delete's alone. */
interface NodeErrors {
  errors: string[]
  aggregate: boolean
}

/** deleteOrEvictPodsSimple: the node's errors, or undefined when it is drained. */
function drainNode(ctx: KubectlContext, node: string, podsForDeletion: (node: string) => ReturnType<typeof filterPods>, o: EvictOptions, disableEviction: boolean): NodeErrors | undefined {
  const list = podsForDeletion(node)
  const errs = deleteErrors(list)
  if (errs.length) return { errors: errs, aggregate: true }
  const warnings = deleteWarnings(list)
  if (warnings) ctx.err(`Warning: ${warnings}\n`)
  const pods = list.filter((i) => i.delete).map((i) => i.pod)
  if (o.dryRun === 'client') {
    for (const pod of pods) ctx.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name} (dry run)\n`)
    return undefined
  }
  if (!pods.length) return undefined
  const printDone = (verb: string) => (pod: KubeObject) => ctx.out(`pod/${pod.metadata.name} ${verb}\n`)
  let failed: string[]
  if (disableEviction) {
    const e = deletePods(ctx, pods, o, printDone('deleted'))
    failed = e === undefined ? [] : [e]
  } else failed = evictPods(ctx, pods, o, printDone('evicted'))
  if (!failed.length) return undefined
  const pending = podsForDeletion(node).filter((i) => i.delete)
  if (pending.length) {
    ctx.err(`There are pending pods in node ${JSON.stringify(node)} when an error occurred: ${aggregate(failed)}\n${pending.map((i) => `pod/${i.pod.metadata.name}\n`).join('')}`)
  }
  return { errors: failed, aggregate: !disableEviction }
}
