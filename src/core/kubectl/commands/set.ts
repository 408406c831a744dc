/**
 * kubectl set image (pkg/cmd/set/set_image.go): change container images in the pod template
 * of a workload, which is what starts a Deployment rollout. `set` has other sub-commands
 * upstream (env, resources, selector, serviceaccount, subject); image and resources
 * (set-resources.ts) are answered here.
 */

import type { KubeObject } from '../../api/types'
import { clone } from '../../api/types'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { parseResourceArgs, refName } from '../resource-args'
import { aggregate, podSpecOf, WITH_POD_SPEC, type Container } from './set-common'
import { runSetResources } from './set-resources'

export const setFlags: FlagSpec[] = [
  { name: 'all', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'local', type: 'bool', default: false },
  { name: 'record', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'field-manager', type: 'string', default: 'kubectl-set' },
  // set resources
  { name: 'containers', short: 'c', type: 'string', default: '*' },
  { name: 'limits', type: 'string', default: '' },
  { name: 'requests', type: 'string', default: '' },
]

/** `kubectl set` alone, as kubectl v1.31 words it. */
const SET_HELP = [
  'Configure application resources.',
  '',
  ' These commands help you make changes to existing application resources.',
  '',
  'Available Commands:',
  '  env              Update environment variables on a pod template',
  '  image            Update the image of a pod template',
  '  resources        Update resource requests/limits on objects with pod templates',
  '  selector         Set the selector on a resource',
  '  serviceaccount   Update the service account of a resource',
  '  subject          Update the user, group, or service account in a role binding or cluster role binding',
  '',
  'Usage:',
  '  kubectl set SUBCOMMAND [options]',
  '',
  'Use "kubectl set <command> --help" for more information about a given command.',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).'
].join('\n')

/** setImage: `*` matches every container; returns whether one was found. */
function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false
  for (const c of containers ?? []) {
    if (name === '*' || c.name === name) {
      c.image = image
      found = true
    }
  }
  return found
}

export function runSet(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const sub = args[0]
  if (sub === 'resources') return runSetResources(ctx, args.slice(1), flags)
  if (sub !== 'image') {
    if (sub && ['env', 'selector', 'serviceaccount', 'subject'].includes(sub)) {
      throw new KubectlError(`error: "kubectl set ${sub}" is not available in this playground yet`)
    }
    // Without a sub-command cobra prints the help on stderr and kubectl exits 1.
    if (!sub) throw new KubectlError(SET_HELP)
    throw new KubectlError(`error: unknown command "${args.join(' ')}"\nSee 'kubectl set -h' for help and examples`)
  }
  return runSetImage(ctx, args.slice(1), flags)
}

function runSetImage(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  // Arguments with '=' are container=image pairs; the rest name resources (set_image.go Complete).
  const images = new Map<string, string>()
  const resources: string[] = []
  for (const a of args) {
    const eq = a.indexOf('=')
    if (eq > 0) images.set(a.slice(0, eq), a.slice(eq + 1))
    else resources.push(a)
  }
  const errs: string[] = []
  if (flags.all && flags.selector) errs.push('cannot set --all and --selector at the same time')
  // The builder refuses first (Complete), before Validate sees anything.
  if (!resources.length && !(flags.filename as string[]).length) {
    throw new KubectlError(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    )
  }
  if (!images.size) errs.push('at least one image update is required')
  else if (images.size > 1 && images.has('*')) errs.push('all containers are already specified by *, but saw more than one container_name=container_image pairs')
  if (errs.length) throw new KubectlError(aggregate(errs))

  const sels = parseResourceArgs(ctx.api, resources)
  const dryRun = String(flags['dry-run'])
  let exit = 0
  const problems: string[] = []
  for (const sel of sels) {
    const names = sel.names.length ? sel.names : flags.all || flags.selector ? listNames(ctx, sel.type, String(flags.selector)) : []
    for (const name of names) {
      let obj: KubeObject
      try {
        obj = ctx.api.get(sel.type, ctx.namespace, name)
      } catch (e) {
        ctx.err(`${formatError(e)}\n`)
        exit = 1
        continue
      }
      if (!WITH_POD_SPEC.has(obj.kind)) {
        problems.push(`error: ${refName(sel.type, name)} the object is not a pod or does not have a pod template: *v1.${obj.kind}`)
        continue
      }
      const next = clone(obj)
      const podSpec = podSpecOf(next)
      for (const [c, image] of images) {
        const foundInit = setImage(podSpec?.initContainers, c, image)
        const found = setImage(podSpec?.containers, c, image)
        if (!found && !foundInit) problems.push(`error: unable to find container named "${c}"`)
      }
      // An empty patch prints nothing, as upstream skips it.
      if (JSON.stringify(next) === JSON.stringify(obj)) continue
      try {
        ctx.api.update(sel.type, next, { user: ctx.user, dryRun: dryRun === 'server' || dryRun === 'client', fieldManager: String(flags['field-manager'] ?? 'kubectl-set') })
        const suffix = dryRun === 'server' ? ' (server dry run)' : dryRun === 'client' ? ' (dry run)' : ''
        ctx.out(`${refName(sel.type, name)} image updated${suffix}\n`)
      } catch (e) {
        problems.push(`failed to patch image update to pod template: ${formatError(e).replace(/^error: /, '')}`)
      }
    }
  }
  if (problems.length) {
    ctx.err(`${aggregate(problems)}\n`)
    exit = 1
  }
  return exit
}

function listNames(ctx: KubectlContext, t: Parameters<KubectlContext['api']['list']>[0], selector: string): string[] {
  return ctx.api.list(t, { namespace: ctx.namespace, labelSelector: selector || undefined }).items.map((o) => o.metadata.name!)
}

