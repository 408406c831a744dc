/**
 * kubectl rollout (pkg/cmd/rollout): status, history, undo, pause, resume, restart. This file
 * dispatches the sub-commands and holds the three that are a patch of the object
 * (polymorphichelpers objectpauser / objectresumer / objectrestarter).
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import { rfc3339 } from '../../machinery/time'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { parseResourceArgs, refName } from '../resource-args'
import { runRolloutHistory } from './rollout-history'
import { runRolloutStatus } from './rollout-status'
import { runRolloutUndo } from './rollout-undo'
import { aggregate } from './set-common'

/** The union of the sub-commands' flags: the dispatcher parses once for the whole verb. */
export const rolloutFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'revision', type: 'int', default: 0 },
  { name: 'to-revision', type: 'int', default: 0 },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'field-manager', type: 'string', default: 'kubectl-rollout' },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
]

/** The annotation `rollout restart` stamps on the pod template. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt'

export interface RolloutTarget {
  type: ResourceType
  name: string
}

const SUB_COMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo']

/** `kubectl rollout` alone prints its help (cobra), as kubectl v1.31 words it. */
const ROLLOUT_HELP = [
  'Manage the rollout of one or many resources.',
  '        ',
  ' Valid resource types include:',
  '',
  '  *  deployments',
  '  *  daemonsets',
  '  *  statefulsets',
  '',
  'Examples:',
  '  # Rollback to the previous deployment',
  '  kubectl rollout undo deployment/abc',
  '  ',
  '  # Check the rollout status of a daemonset',
  '  kubectl rollout status daemonset/foo',
  '  ',
  '  # Restart a deployment',
  '  kubectl rollout restart deployment/abc',
  '  ',
  '  # Restart deployments with the \'app=nginx\' label',
  '  kubectl rollout restart deployment --selector=app=nginx',
  '',
  'Available Commands:',
  '  history       View rollout history',
  '  pause         Mark the provided resource as paused',
  '  restart       Restart a resource',
  '  resume        Resume a paused resource',
  '  status        Show the status of the rollout',
  '  undo          Undo a previous rollout',
  '',
  'Usage:',
  '  kubectl rollout SUBCOMMAND [options]',
  '',
  'Use "kubectl rollout <command> --help" for more information about a given command.',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
  ''
].join('\n')

export function runRollout(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const sub = args[0]
  if (!sub) {
    // The help goes to stdout, yet kubectl exits 1 (DefaultSubCommandRun).
    ctx.out(ROLLOUT_HELP)
    return 1
  }
  // DefaultSubCommandRun names every argument: `unknown command "frob deployment/web"`.
  if (!SUB_COMMANDS.includes(sub)) throw new KubectlError(`error: unknown command "${args.join(' ')}"\nSee 'kubectl rollout -h' for help and examples`)
  const rest = args.slice(1)
  if (!rest.length && !(flags.filename as string[]).length) throw new KubectlError('error: required resource not specified')
  switch (sub) {
    case 'status':
      return runRolloutStatus(ctx, resolveTargets(ctx, rest), flags)
    case 'history':
      return runRolloutHistory(ctx, resolveTargets(ctx, rest), flags)
    case 'undo':
      return runRolloutUndo(ctx, resolveTargets(ctx, rest), flags)
    default:
      return runPatchCommand(ctx, sub as 'pause' | 'resume' | 'restart', resolveTargets(ctx, rest, String(flags.selector)), String(flags['field-manager']))
  }
}

/** `deployment/web`, `deployment web`, or a type alone (every object of it in the namespace). */
export function resolveTargets(ctx: KubectlContext, args: string[], selector = ''): RolloutTarget[] {
  const out: RolloutTarget[] = []
  for (const sel of parseResourceArgs(ctx.api, args)) {
    if (sel.names.length) for (const name of sel.names) out.push({ type: sel.type, name })
    else {
      const items = ctx.api.list(sel.type, { namespace: ctx.namespace, labelSelector: selector || undefined }).items
      for (const o of items) out.push({ type: sel.type, name: o.metadata.name! })
    }
  }
  return out
}

/** `deployments.apps` as the patch errors name a resource. */
export function resourceString(t: ResourceType): string {
  return t.group ? `${t.plural}.${t.group}` : t.plural
}

type Mutation = (obj: KubeObject, now: number) => string | undefined

interface WithTemplate {
  paused?: boolean
  template?: { metadata?: { annotations?: Record<string, string> } }
}

const pause: Mutation = (obj) => {
  if (obj.kind !== 'Deployment') return 'pausing is not supported'
  const spec = obj.spec as WithTemplate
  if (spec.paused) return 'is already paused'
  spec.paused = true
  return undefined
}

const resume: Mutation = (obj) => {
  if (obj.kind !== 'Deployment') return 'resuming is not supported'
  const spec = obj.spec as WithTemplate
  if (!spec.paused) return 'is not paused'
  spec.paused = false
  return undefined
}

const restart: Mutation = (obj, now) => {
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) return 'restarting is not supported'
  const spec = obj.spec as WithTemplate
  if (obj.kind === 'Deployment' && spec.paused) return "can't restart paused deployment (run rollout resume first)"
  spec.template ??= {}
  spec.template.metadata ??= {}
  spec.template.metadata.annotations = { ...spec.template.metadata.annotations, [RESTARTED_AT_ANNOTATION]: rfc3339(now) }
  return undefined
}

const MUTATIONS = { pause: [pause, 'paused'], resume: [resume, 'resumed'], restart: [restart, 'restarted'] } as const

function runPatchCommand(ctx: KubectlContext, sub: keyof typeof MUTATIONS, targets: RolloutTarget[], fieldManager: string): number {
  const [mutate, verb] = MUTATIONS[sub]
  if (!targets.length) {
    ctx.err(`No resources found in ${ctx.namespace} namespace.\n`)
    return 0
  }
  const errs: string[] = []
  let exit = 0
  for (const { type, name } of targets) {
    let obj: KubeObject
    try {
      obj = ctx.api.get(type, ctx.namespace, name)
    } catch (e) {
      ctx.err(`${formatError(e)}\n`)
      exit = 1
      continue
    }
    const next = clone(obj)
    const problem = mutate(next, ctx.clock.now())
    if (problem) {
      errs.push(`error: ${resourceString(type)} "${name}" ${problem}`)
      continue
    }
    if (JSON.stringify(next) === JSON.stringify(obj)) {
      // Only a restart can come out unchanged: the same second's timestamp is already there.
      if (sub === 'restart') errs.push(`failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`)
      else ctx.out(`${refName(type, name)} already ${verb}\n`)
      continue
    }
    try {
      ctx.api.update(type, next, { user: ctx.user, fieldManager })
      ctx.out(`${refName(type, name)} ${verb}\n`)
    } catch (e) {
      errs.push(`failed to patch: ${formatError(e)}`)
    }
  }
  if (errs.length) {
    ctx.err(`${aggregate(errs)}\n`)
    exit = 1
  }
  return exit
}
