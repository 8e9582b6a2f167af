import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch'
import { LoginForm } from './LoginForm'

export function Header() {
  const { t } = useTranslation()
  return (
    <header className="header">
      <div className="header__brand">
        {/* The product name is bilingual in both languages: 园区地图 Park Atlas. */}
        <h1>
          <span lang="zh-CN">园区地图</span> <span lang="en">Park Atlas</span>
        </h1>
        <span className="header__subtitle">{t('app.subtitle')}</span>
      </div>
      <div className="header__tools">
        <LoginForm />
        <LanguageSwitch />
      </div>
    </header>
  )
}
