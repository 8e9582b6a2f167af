import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../lib/featureDetails'
import { en } from './en'
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

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language)
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language
  try {
    localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // not persisted; the switch still works for this visit
  }
})

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },  // React escapes
  returnNull: false,
  showSupportNotice: false,  // keeps the console clean; the e2e test fails on console noise
})

export default i18next
