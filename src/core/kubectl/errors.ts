/**
 * How kubectl prints errors (cmdutil.CheckErr / StandardErrorMessage): server Status errors as
 * `Error from server (Reason): message`, Invalid with its causes, everything else as `error: ...`.
 */

import { isStatusError, type StatusError } from '../machinery/errors'

export function formatStatusError(e: StatusError, sourcePrefix?: string): string {
  const s = e.status
  if (s.reason === 'Invalid' && s.details?.causes?.length) {
    const kind = s.details.kind ?? ''
    const seen = new Set<string>()
    const causes: string[] = []
    for (const c of s.details.causes) {
      const t = c.field ? `${c.field}: ${c.message}` : c.message
      if (!seen.has(t)) {
        seen.add(t)
        causes.push(t)
      }
    }
    const head = `The ${kind} "${s.details.name ?? ''}" is invalid: `
    if (causes.length === 1) return `${head}${causes[0]}`
    return `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`
  }
  if (s.reason === 'Invalid') return `The request is invalid${s.message ? `: ${s.message}` : ''}`
  if (s.reason === 'Unauthorized') return 'error: You must be logged in to the server (Unauthorized)'
  const msg = sourcePrefix ? `${sourcePrefix}${s.message}` : s.message
  // A Status without a reason (a proxied transport error) has no parenthesis.
  if (!s.reason) return `Error from server: ${msg}`
  return `Error from server (${s.reason}): ${msg}`
}

export function formatError(e: unknown, sourcePrefix?: string): string {
  if (isStatusError(e)) return formatStatusError(e, sourcePrefix)
  const msg = e instanceof Error ? e.message : String(e)
  return msg.startsWith('error: ') || msg.startsWith('Error') ? msg : `error: ${msg}`
}
