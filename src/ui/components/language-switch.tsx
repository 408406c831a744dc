import { LANGUAGES, useLanguage, useSetLanguage, type Language } from '../i18n'

export function LanguageSwitch() {
  const language = useLanguage()
  const setLanguage = useSetLanguage()
  return (
    <select className="language-switch" aria-label="Language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
      {LANGUAGES.map((l) => (
        <option key={l.id} value={l.id} lang={l.id}>
          {l.label}
        </option>
      ))}
    </select>
  )
}
