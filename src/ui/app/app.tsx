/** The one screen: top bar (time, language), the cluster map, and the editor dock. */

import { useEffect } from 'react'
import { LanguageSwitch } from '../components/language-switch'
import { connect } from '../connection/connection'
import { ClusterMap } from '../features/cluster-map/cluster-map'
import { EditorDock } from '../features/editor/editor-dock'
import { TimeControls } from '../features/time-controls/time-controls'
import { useLanguage, useT } from '../i18n'
import { useFailure } from '../state/clock-store'
import { useSynced } from '../state/objects-store'
import './app.css'

export function App() {
  const t = useT()
  const language = useLanguage()
  const synced = useSynced()
  const failure = useFailure()

  useEffect(() => connect(), [])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])

  return (
    <div className="app">
      <header className="top-bar">
        <h1>
          {t('app.title')} <small>{t('app.tagline')}</small>
        </h1>
        <TimeControls />
        <LanguageSwitch />
      </header>
      {failure && (
        <p className="banner banner--error" role="alert">
          {t('app.workerFailed', { message: failure })}
        </p>
      )}
      {!synced && !failure && <p className="banner">{t('app.connecting')}</p>}
      <main className="workspace">
        <ClusterMap />
      </main>
      <EditorDock />
    </div>
  )
}
