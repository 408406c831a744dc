/** The bottom dock: the YAML editor (lazy), the Apply button (also Ctrl/Cmd+Enter) and the results. */

import { lazy, Suspense, useCallback, useState } from 'react'
import { applyYaml, type ApplyReply } from '../../connection/connection'
import { useT } from '../../i18n'
import { useSynced } from '../../state/objects-store'
import { ApplyResults } from './apply-results'
import './editor.css'
import { SAMPLE_MANIFEST } from './sample-manifest'

const YamlEditor = lazy(() => import('./yaml-editor'))

export function EditorDock() {
  const t = useT()
  const [text, setText] = useState(SAMPLE_MANIFEST)
  const [busy, setBusy] = useState(false)
  const [reply, setReply] = useState<ApplyReply>()
  // The editor chunk is ~1 MiB gz: fetch and parse it after the cluster map has its first snapshot.
  const synced = useSynced()

  const apply = useCallback(async (yaml: string) => {
    setBusy(true)
    try {
      setReply(await applyYaml(yaml))
    } catch (err) {
      setReply({ results: [], stdout: '', stderr: err instanceof Error ? err.message : String(err), exitCode: 1 })
    } finally {
      setBusy(false)
    }
  }, [])

  return (
    <section className="editor-dock" aria-label="YAML editor dock">
      <div className="editor-dock__bar">
        <h2>{t('editor.title')}</h2>
        <button type="button" className="primary" aria-label="Apply" disabled={busy} onClick={() => void apply(text)}>
          {t('editor.apply')}
        </button>
        <kbd className="editor-dock__hint">{t('editor.applyHint')}</kbd>
      </div>
      <div className="editor-dock__body">
        <Suspense fallback={<div className="yaml-editor yaml-editor--loading">{t('editor.loading')}</div>}>
          {synced ? (
            <YamlEditor initialValue={text} onChange={setText} onApply={(yaml) => void apply(yaml)} />
          ) : (
            <div className="yaml-editor yaml-editor--loading">{t('editor.loading')}</div>
          )}
        </Suspense>
        <ApplyResults reply={reply} busy={busy} />
      </div>
    </section>
  )
}
