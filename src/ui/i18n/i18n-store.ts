/**
 * The UI language: English or Simplified Chinese, switchable at any time and remembered in
 * localStorage. Accessible names that tests and assistive tech rely on stay fixed English
 * (aria-label); the visible text follows the language.
 */

import { create } from 'zustand'
import { en, type Dictionary, type MessageKey } from './en'
import { zhCN } from './zh-cn'

export type Language = 'en' | 'zh-CN'

export const LANGUAGES: readonly { id: Language; label: string }[] = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '简体中文' },
]

const STORAGE_KEY = 'kubeplay.language'
const DICTIONARIES: Record<Language, Dictionary> = { en, 'zh-CN': zhCN }

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    // storage may be blocked (private mode, sandboxed frame): fall through
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

interface LanguageState {
  language: Language
  setLanguage(language: Language): void
}

export const useLanguageStore = create<LanguageState>()((set) => ({
  language: initialLanguage(),
  setLanguage(language) {
    try {
      localStorage.setItem(STORAGE_KEY, language)
    } catch {
      // not remembered, still switched
    }
    set({ language })
  },
}))

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTIONARIES[language][key] ?? en[key]
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text
}

export const useLanguage = () => useLanguageStore((s) => s.language)
export const useSetLanguage = () => useLanguageStore((s) => s.setLanguage)
