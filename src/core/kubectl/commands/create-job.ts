/**
 * kubectl create job and create cronjob (pkg/cmd/create/create_job.go, create_cronjob.go): a
 * Job (restartPolicy Never) or CronJob (restartPolicy from --restart, OnFailure by default)
 * with one container named after the object, the command after `--`; or a Job copied from a
 * CronJob's jobTemplate (--from=cronjob/NAME), marked as instantiated by hand.
 */

import { clone, type KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import type { FlagSpec, FlagValues } from '../flags'
import { parseResourceArgs } from '../resource-args'

export const createJobFlags: FlagSpec[] = [
  { name: 'from', type: 'string', default: '' },
  { name: 'schedule', type: 'string', default: '' },
  { name: 'restart', type: 'string', default: '' },
]

const nullTime = null as unknown as string
const lastImage = (flags: FlagValues) => (flags.image as string[]).at(-1) ?? ''

function nameArg(args: string[], what: string): string {
  if (args.length !== 1) throw new KubectlError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create ${what} -h' for help and examples`)
  return args[0]!
}

function podTemplate(name: string, image: string, command: string[], restartPolicy: string): Record<string, unknown> {
  const container: Record<string, unknown> = { name, image, resources: {} }
  if (command.length) container.command = command
  return { metadata: { creationTimestamp: nullTime }, spec: { containers: [container], restartPolicy } }
}

/** The Job to create; reads the CronJob for --from. */
export function jobFor(ctx: KubectlContext, args: string[], flags: FlagValues, command: string[]): KubeObject {
  const name = nameArg(args, 'job')
  const image = lastImage(flags)
  const from = String(flags.from ?? '')
  if ((!image && !from) || (image && from)) throw new KubectlError('error: either --image or --from must be specified')
  if (command.length && from) throw new KubectlError('error: cannot specify --from and command')
  if (!from) {
    return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, creationTimestamp: nullTime }, spec: { template: podTemplate(name, image, command, 'Never') }, status: {} }
  }
  const [target] = parseResourceArgs(ctx.api, [from])
  if (!target?.names[0]) throw new KubectlError('error: from must be an existing cronjob')
  const source = ctx.api.get(target.type, ctx.namespace, target.names[0])
  if (source.kind !== 'CronJob') throw new KubectlError(`error: unknown object type *v1.${source.kind}`)
  const tpl = (source.spec as { jobTemplate?: { metadata?: { annotations?: Record<string, string>; labels?: Record<string, string> }; spec?: Record<string, unknown> } }).jobTemplate ?? {}
  const metadata: KubeObject['metadata'] = {
    annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tpl.metadata?.annotations ?? {}) },
    creationTimestamp: nullTime,
    name,
    // Not NewControllerRef: without blockOwnerDeletion, so no cronjobs/finalizers permission is needed.
    ownerReferences: [{ apiVersion: 'batch/v1', controller: true, kind: 'CronJob', name: source.metadata.name!, uid: source.metadata.uid! }],
  }
  if (tpl.metadata?.labels) metadata.labels = tpl.metadata.labels
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: clone(tpl.spec ?? {}), status: {} }
}

export function cronJobFor(args: string[], flags: FlagValues, command: string[]): KubeObject {
  const missing = [!lastImage(flags) && '"image"', !flags.schedule && '"schedule"'].filter(Boolean)
  if (missing.length) throw new KubectlError(`error: required flag(s) ${missing.join(', ')} not set`)
  const name = nameArg(args, 'cronjob')
  const restart = String(flags.restart || 'OnFailure')
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, creationTimestamp: nullTime },
    spec: {
      jobTemplate: { metadata: { creationTimestamp: nullTime, name }, spec: { template: podTemplate(name, lastImage(flags), command, restart) } },
      schedule: String(flags.schedule),
    },
    status: {},
  }
}

/** Upstream wraps server errors of these generators as `failed to create <kind>: ...`. */
export function wrapCreateError(e: unknown, what: string): never {
  if (isStatusError(e)) throw new KubectlError(`error: failed to create ${what}: ${e.message}`)
  throw e
}
