/** `kubectl describe resourcequota` and `limitrange` (describeQuota, describeLimitRange). */

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read as free-form */
import { formatQuantity, parseQuantityExact, quantityString } from '../../machinery/quantity-string'
import { QUOTA_SCOPE_HELP, writeLimitRangeSpec } from './service'
import { LEVEL_0, PrefixWriter } from './tabwriter'
import type { DescribeContext } from './types'

/** Used is shown in the hard limit's format, as a whole number, when the two formats differ. */
function usedText(used: unknown, hard: unknown): string {
  const u = parseQuantityExact((used ?? '0') as string)
  const h = parseQuantityExact(hard as string)
  if (!u || !h || u.format === h.format) return quantityString((used ?? '0') as string)
  const whole = u.nanos / 10n ** 9n + (u.nanos % 10n ** 9n > 0n ? 1n : 0n)
  return formatQuantity({ nanos: whole * 10n ** 9n, format: h.format })
}

export function describeResourceQuota(_ctx: DescribeContext, q: any): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${q.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace}\n`)
  const scopes: string[] = [...(q.spec?.scopes ?? [])].sort()
  if (scopes.length) {
    w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`)
    for (const s of scopes) if (QUOTA_SCOPE_HELP[s]) w.write(LEVEL_0, ` * ${QUOTA_SCOPE_HELP[s]}\n`)
  }
  w.write(LEVEL_0, 'Resource\tUsed\tHard\n')
  w.write(LEVEL_0, '--------\t----\t----\n')
  const hard = q.status?.hard ?? {}
  for (const r of Object.keys(hard).sort()) w.write(LEVEL_0, `${r}\t${usedText(q.status?.used?.[r], hard[r])}\t${quantityString(hard[r])}\n`)
  return w.toString()
}

export function describeLimitRange(_ctx: DescribeContext, lr: any): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace}\n`)
  w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
  w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
  writeLimitRangeSpec(lr, '', w)
  return w.toString()
}
