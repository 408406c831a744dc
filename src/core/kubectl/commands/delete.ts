/**
 * kubectl delete: by type and name, `type/name`, -f, -l or --all; prints `pod "x" deleted` and
 * then waits, on the simulated clock, until the objects are really gone (unless --wait=false).
 */

import type { KubeObject } from '../../api/types'
import type { PropagationPolicy } from '../../apiserver/delete'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { parseResourceArgs } from '../resource-args'
import { resolveForDoc } from './apply'
import { readManifestSources } from './filenames'
import type { ResourceType } from '../../api/resources'

export const deleteFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'force', type: 'bool', default: false },
  { name: 'now', type: 'bool', default: false },
  { name: 'wait', type: 'bool', default: true },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'ignore-not-found', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', default: 'none' },
]

/** How long `kubectl delete` waits at most when --timeout is 0: a week, i.e. until done. */
const WAIT_FOREVER_MS = 7 * 24 * 3600 * 1000

export function runDelete(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const targets: { t: ResourceType; ns: string | undefined; name: string; source?: string }[] = []
  const files = flags.filename as string[]
  let exit = 0
  if (files.length) {
    for (const doc of readManifestSources(ctx, files)) {
      const t = resolveForDoc(ctx, doc)
      targets.push({ t, ns: t.namespaced ? doc.object.metadata?.namespace || ctx.namespace : undefined, name: doc.object.metadata?.name ?? '', source: doc.source })
    }
  } else {
    if (!args.length) throw new KubectlError("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   --filename=rsrc.json\n   <resource> <name>\n   <resource>")
    const sels = parseResourceArgs(ctx.api, args)
    const selector = String(flags.selector ?? '')
    for (const sel of sels) {
      const ns = sel.type.namespaced ? ctx.namespace : undefined
      if (sel.names.length) for (const name of sel.names) targets.push({ t: sel.type, ns, name })
      else if (flags.all || selector || flags['field-selector']) {
        const items = ctx.api.list(sel.type, { namespace: flags['all-namespaces'] ? undefined : ns, labelSelector: selector, fieldSelector: String(flags['field-selector'] ?? '') }).items
        for (const o of items) targets.push({ t: sel.type, ns: o.metadata.namespace, name: o.metadata.name! })
        if (!items.length) ctx.err(ns && !flags['all-namespaces'] ? `No resources found\n` : 'No resources found\n')
      } else throw new KubectlError('error: resource(s) were provided, but no name was specified')
    }
  }
  const force = !!flags.force
  let grace = flags['grace-period'] as number
  if (flags.now) grace = 1
  if (force && grace < 0) grace = 0
  if (grace === 0 && !force) grace = 1
  if (grace === 0 && force) {
    ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n')
  }
  const cascade = String(flags.cascade)
  const policy: PropagationPolicy = cascade === 'orphan' || cascade === 'false' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background'
  const deleted: { t: ResourceType; ns: string | undefined; name: string; uid: string }[] = []
  for (const target of targets) {
    try {
      // One DELETE, as kubectl sends it (no read first: RBAC sees only the delete); its answer carries the uid --wait follows.
      const before: KubeObject = ctx.api.delete(target.t, target.ns, target.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, propagationPolicy: policy })
      const kind = target.t.group ? `${target.t.kind.toLowerCase()}.${target.t.group}` : target.t.kind.toLowerCase()
      ctx.out(`${kind} "${target.name}" ${grace === 0 && force ? 'force deleted' : 'deleted'}\n`)
      deleted.push({ ...target, uid: before.metadata.uid! })
    } catch (e) {
      if (isStatusError(e) && e.code === 404 && flags['ignore-not-found']) continue
      ctx.err(`${formatError(e, target.source ? `error when deleting "${target.source}": ` : undefined)}\n`)
      exit = 1
    }
  }
  if (flags.wait && deleted.length) {
    const gone = () => deleted.every((d) => ctx.api.peek(d.t, d.ns, d.name)?.metadata.uid !== d.uid)
    ctx.waitFor(gone, WAIT_FOREVER_MS)
  }
  return exit
}
