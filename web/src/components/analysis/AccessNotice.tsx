import { useTranslation } from 'react-i18next'
import type { Access } from '../../lib/access'
import { Banner } from './Banner'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

export type AnalysisAccess = Access

/** Why an analysis section is closed: nobody signed in, or a role without access (the API's 401 / 403). */
export function AccessNotice({ access, role, compact }: { access: Exclude<AnalysisAccess, 'allowed'>; role?: string | undefined; compact?: boolean }) {
  const { t } = useTranslation()
  if (access === 'checking') return <Banner kind="info">{t('analysis.access.checking')}</Banner>
  if (access === 'forbidden') return <Banner kind="warning" title={t('analysis.access.forbidden', { role: role ? t(`auth.role.${role}`) : '' })} />
  return (
    <div className={`access-notice${compact ? ' access-notice--compact' : ''}`} data-access="signed-out">
      <svg className="access-notice__icon" viewBox="0 0 24 24" width={compact ? 16 : 22} height={compact ? 16 : 22} aria-hidden="true">
        <rect x="5" y="10" width="14" height="10" rx="2" fill="currentColor" />
        <path d="M8 10V7a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
      <div>
        <strong>{t('analysis.access.signedOut')}</strong>
        {!compact && <p>{t('analysis.access.signedOutDetail')}</p>}
      </div>
    </div>
  )
}
