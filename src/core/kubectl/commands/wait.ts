/**
 * kubectl wait (pkg/cmd/wait): visits the objects named by arguments, -l, --all or -f, one
 * after the other, and for each waits, within one overall --timeout (30s by default), until
 * the --for condition holds, printing `<kind>.<group>/<name> condition met`. The simulated
 * clock moves while it waits, as real time would (design/headless.md).
 */

import type { ResourceType } from '../../api/resources'
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../machinery/errors'
import { KubectlError, type KubectlContext } from '../context'
import { formatError } from '../errors'
import type { FlagSpec, FlagValues } from '../flags'
import { templateFlags } from '../printers/jsonpath/flags'
import { collectTargets } from './targets'
import { conditionFuncFor, type Check } from './wait-conditions'
import { objectPrinterFor, type ObjectPrinter } from './wait-print'

export const waitFlags: FlagSpec[] = [
  { name: 'for', type: 'string', default: '' },
  { name: 'timeout', type: 'string', default: '30s' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'filename', short: 'f', type: 'stringArray', default: [] },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'local', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'show-managed-fields', type: 'bool', default: false },
  ...templateFlags,
]

/** A negative --timeout means a week (effectiveTimeout upstream). */
const WEEK_MS = 168 * 3600_000
/** wait.ErrWaitTimeout's text. */
const TIMED_OUT = 'timed out waiting for the condition'
/** --for=create polls the named objects this often. */
const CREATE_POLL_MS = 500

/** The builder's error when no resource is named at all. */
export const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"

/** A Go duration flag: `30s`, `1m30s`, `0`, `-1s`; a bare number has no unit. */
function timeoutMs(raw: string): number {
  const m = /^([+-]?)((?:\d+(?:\.\d*)?(?:ns|us|µs|ms|s|m|h))+|0)$/.exec(raw)
  if (!m) {
    const why = /^[+-]?\d+(\.\d*)?$/.test(raw) ? `time: missing unit in duration "${raw}"` : `time: invalid duration "${raw}"`
    throw new KubectlError(`error: invalid argument "${raw}" for "--timeout" flag: ${why}\nSee 'kubectl wait --help' for usage.`)
  }
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3600_000 }
  let total = 0
  for (const [, n, u] of m[2]!.matchAll(/(\d+(?:\.\d*)?)(ns|us|µs|ms|s|m|h)/g)) total += parseFloat(n!) * unit[u!]!
  return m[1] === '-' ? -total : total
}

/** The plural-and-name kubectl's wait errors use (`deployments/web`). */
const objectName = (type: ResourceType, name: string) => `${type.plural}/${name}`

export function runWait(ctx: KubectlContext, args: string[], flags: FlagValues): number {
  const printer = objectPrinterFor(ctx, flags, 'condition met')
  const waitFor = conditionFuncFor(String(flags.for ?? ''))
  let timeout = timeoutMs(String(flags.timeout))
  if (timeout < 0) timeout = WEEK_MS
  const files = (flags.filename as string[] | undefined) ?? []
  if (args.length === 0 && files.length === 0) throw new KubectlError(NO_RESOURCES)
  const deadline = ctx.clock.now() + timeout

  if (waitFor.kind === 'create') {
    // Poll until every named object exists, then report each as it is.
    const allThere = () => collectTargets(ctx, args, flags).every((t) => !t.error?.includes('(NotFound)'))
    if (!allThere() && !ctx.waitFor(allThere, timeout, CREATE_POLL_MS)) throw new KubectlError(`error: ${TIMED_OUT}`)
  }

  const errors: string[] = []
  let visited = 0
  for (const target of collectTargets(ctx, args, flags)) {
    if (target.error) {
      if (!(waitFor.kind === 'delete' && target.error.includes('(NotFound)'))) errors.push(target.error)
      continue
    }
    visited++
    const obj = target.obj!
    try {
      if (waitFor.kind === 'create') printer.print(ctx, target.type, obj)
      else if (waitFor.kind === 'delete') waitDeleted(ctx, target.type, obj, deadline, timeout, printer)
      else waitCondition(ctx, target.type, obj, waitFor.check, deadline, timeout, printer)
    } catch (e) {
      if (e instanceof KubectlError) errors.push(e.message)
      else if (isStatusError(e)) errors.push(formatError(e))
      else throw e
    }
  }
  // Several errors are printed one a line, and then kubectl adds no `error: ` to plain ones.
  if (errors.length > 1) throw new KubectlError(errors.map((e) => e.replace(/^error: /, '')).join('\n'))
  if (errors.length) throw new KubectlError(errors[0]!)
  if (visited === 0 && waitFor.kind !== 'delete') throw new KubectlError('error: no matching resources found')
  return 0
}

/** Watches one object (by name) until `done(object or undefined when deleted)` or the deadline. */
function watchUntil(ctx: KubectlContext, type: ResourceType, obj: KubeObject, deadline: number, done: (o: KubeObject | undefined) => boolean): boolean {
  const ns = obj.metadata.namespace
  let finished = false
  let failure: unknown
  const stop = ctx.api.watch(type, { namespace: ns, fieldSelector: `metadata.name=${obj.metadata.name}` }, (ev) => {
    if (finished) return
    try {
      finished = done(ev.type === 'DELETED' ? undefined : ev.object)
    } catch (e) {
      failure = e
      finished = true
    }
  })
  try {
    const ok = ctx.waitFor(() => finished, Math.max(0, deadline - ctx.clock.now()))
    if (failure) throw failure
    return ok
  } finally {
    stop()
  }
}

function waitCondition(ctx: KubectlContext, type: ResourceType, obj: KubeObject, check: Check, deadline: number, timeout: number, printer: ObjectPrinter): void {
  const name = obj.metadata.name!
  const current = ctx.api.get(type, obj.metadata.namespace ?? ctx.namespace, name)
  if (timeout === 0) {
    if (!check(current)) throw new KubectlError(`error: condition not met for ${objectName(type, name)}`)
    printer.print(ctx, type, current)
    return
  }
  // UntilWithSync: the listed object first, then every change (a deletion is not the end).
  let met: KubeObject | undefined = check(current) ? current : undefined
  if (!met && deadline > ctx.clock.now()) {
    watchUntil(ctx, type, current, deadline, (o) => {
      if (o && check(o)) met = o
      return met !== undefined
    })
  }
  if (!met) throw new KubectlError(`error: ${TIMED_OUT} on ${objectName(type, name)}`)
  printer.print(ctx, type, met)
}

function waitDeleted(ctx: KubectlContext, type: ResourceType, obj: KubeObject, deadline: number, timeout: number, printer: ObjectPrinter): void {
  const name = obj.metadata.name!
  let current: KubeObject
  try {
    current = ctx.api.get(type, obj.metadata.namespace ?? ctx.namespace, name)
  } catch (e) {
    if (isStatusError(e) && e.code === 404) return printer.print(ctx, type, obj)
    throw e
  }
  if (timeout === 0) throw new KubectlError(`error: condition not met for ${objectName(type, name)}`)
  let gone = false
  if (deadline > ctx.clock.now()) watchUntil(ctx, type, current, deadline, (o) => (gone = o === undefined))
  if (!gone) throw new KubectlError(`error: ${TIMED_OUT} on ${objectName(type, name)}`)
  printer.print(ctx, type, current)
}
