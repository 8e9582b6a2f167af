import { useTranslation } from 'react-i18next'
import { Banner } from './Banner'

export type AnalysisAccess = 'checking' | 'signed_out' | 'forbidden' | 'internal'

/** Why an analysis section is closed: nobody signed in, or a role without access (the API's 401 / 403). */
export function AccessNotice({ access, role }: { access: Exclude<AnalysisAccess, 'internal'>; role?: string | undefined }) {
  const { t } = useTranslation()
  if (access === 'checking') return <Banner kind="info">{t('analysis.access.checking')}</Banner>
  if (access === 'forbidden') return <Banner kind="warning" title={t('analysis.access.forbidden', { role: role ? t(`auth.role.${role}`) : '' })} />
  return (
    <div className="access-notice" data-access="signed-out">
      <span className="access-notice__icon" aria-hidden="true">🔒</span>
      <div>
        <strong>{t('analysis.access.signedOut')}</strong>
        <p>{t('analysis.access.signedOutDetail')}</p>
      </div>
    </div>
  )
}
