import { useCallback } from 'react'
import { translate, useLanguage, type Translate } from './i18n-store'

export { LANGUAGES, useLanguage, useSetLanguage, type Language, type Translate } from './i18n-store'
export type { MessageKey } from './en'

/** The translate function for the current language (re-renders the caller on a switch). */
export function useT(): Translate {
  const language = useLanguage()
  return useCallback<Translate>((key, params) => translate(language, key, params), [language])
}
