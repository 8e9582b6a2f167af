import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../lib/featureDetails'
import { zhCN } from './zh-CN'

const STORAGE_KEY = 'parkAtlas.language'
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en']

/** The saved choice, else Chinese: the park committee works in Chinese. */
function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN'
  } catch {
    return 'zh-CN'  // storage blocked (private mode, sandboxed iframe)
  }
}

/**
 * Chinese is bundled; English loads with its first use (its own chunk), so a first visit carries
 * one language's strings.
 */
async function loadLanguage(language: Language): Promise<void> {
  if (language !== 'en' || i18next.hasResourceBundle('en', 'translation')) return
  const { en } = await import('./en')
  i18next.addResourceBundle('en', 'translation', en)
}

export function setLanguage(language: Language): void {
  void loadLanguage(language).then(() => i18next.changeLanguage(language))
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // not persisted; the switch still works for this visit
  }
})

const initial = savedLanguage()

/** Resolves once the saved language's strings are in: main.tsx renders after it (no flash of Chinese for an English reader). */
export const languageReady: Promise<unknown> = i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },  // React escapes
  returnNull: false,
  showSupportNotice: false,  // keeps the console clean; the e2e test fails on console noise
}).then(() => loadLanguage(initial)).then(() => i18next.changeLanguage(initial))

export default i18next
