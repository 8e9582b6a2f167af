import { useTranslation } from 'react-i18next'
import { LANGUAGES, setLanguage } from '../i18n'

/** 中文 | English, as a two-button toggle; the choice is remembered (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => setLanguage(language)}
        >
          {t(language === 'en' ? 'language.en' : 'language.zh')}
        </button>
      ))}
    </div>
  )
}
