/** What the last Apply did: one line per object (created / configured / unchanged / error). */

import type { ApplyOutcome } from '../../../protocol/messages'
import type { ApplyReply } from '../../connection/connection'
import { useT } from '../../i18n'

const SYMBOL: Record<ApplyOutcome, string> = { created: '+', configured: '~', unchanged: '=', error: '✕' }

export function ApplyResults({ reply, busy }: { reply: ApplyReply | undefined; busy: boolean }) {
  const t = useT()
  const showStderr = reply && reply.stderr.trim() !== '' && !reply.results.some((r) => r.outcome === 'error')
  return (
    <div className="apply-results" aria-live="polite">
      {busy && <p className="apply-results__note">{t('editor.applying')}</p>}
      {!busy && !reply && <p className="apply-results__note">{t('editor.noResults')}</p>}
      {reply && (
        <ul aria-label="Apply results">
          {reply.results.map((r, i) => (
            <li key={`${i}:${r.ref}`} className={`apply-result apply-result--${r.outcome}`}>
              <span className="apply-result__symbol" aria-hidden="true">
                {SYMBOL[r.outcome]}
              </span>
              <span className="apply-result__outcome">{t(`outcome.${r.outcome}`)}</span>
              <span className="apply-result__message">{r.message}</span>
            </li>
          ))}
        </ul>
      )}
      {showStderr && <pre className="apply-results__stderr">{reply.stderr}</pre>}
      {reply && reply.exitCode !== 0 && <p className="apply-results__note">{t('editor.exitCode', { code: reply.exitCode })}</p>}
    </div>
  )
}
