/**
 * kubectl replace -f: a full update (PUT) of each object. Without a resourceVersion in the
 * manifest kubectl copies the live one first (an unconditional replace); with one, a stale
 * version is the API server's 409 Conflict.
 */

import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { ManifestError } from '../manifests'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { refName } from '../resource-args'
import { fieldValidationFor, resolveForDoc } from './apply'
import { readManifestSources } from './filenames'

export const replaceFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'field-manager', type: 'string', default: 'kubectl-replace' },
]

export function runReplace(ctx: KubectlContext, _args: string[], flags: FlagValues): number {
  const files = flags.filename as string[]
  if (!files.length) throw new KubectlError("error: must specify --filename to replace\nSee 'kubectl replace -h' for help and examples")
  const dryRun = String(flags['dry-run']) !== 'none'
  let docs
  try {
    docs = readManifestSources(ctx, files)
  } catch (e) {
    if (e instanceof ManifestError) throw new KubectlError(e.message)
    throw e
  }
  let exit = 0
  for (const doc of docs) {
    try {
      const t = resolveForDoc(ctx, doc)
      const obj = doc.object
      obj.metadata = obj.metadata ?? {}
      if (t.namespaced) obj.metadata.namespace = obj.metadata.namespace || ctx.namespace
      const name = obj.metadata.name ?? ''
      if (!obj.metadata.resourceVersion) {
        // Helper.Replace with overwrite: take the live resourceVersion.
        obj.metadata.resourceVersion = ctx.api.get(t, obj.metadata.namespace, name).metadata.resourceVersion
      }
      ctx.api.update(t, obj, { dryRun, user: ctx.user, fieldValidation: fieldValidationFor(flags.validate), fieldManager: String(flags['field-manager']) })
      ctx.out(`${refName(t, name)} replaced${dryRun ? ' (dry run)' : ''}\n`)
    } catch (e) {
      ctx.err(`${e instanceof KubectlError || !isStatusError(e) ? formatError(e) : formatError(e, `error when replacing "${doc.source}": `)}\n`)
      exit = 1
    }
  }
  return exit
}
