import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch'
import { LoginForm } from './LoginForm'

/** The header: the name, the search (`search`, given by the app, which owns the map), sign-in and language. */
export function Header({ search }: { search?: ReactNode }) {
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
      {search}
      <div className="header__tools">
        <LoginForm />
        <LanguageSwitch />
      </div>
    </header>
  )
}
