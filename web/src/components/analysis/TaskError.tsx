import { useTranslation } from 'react-i18next'
import { isAccessError } from '../../lib/analysis/api'
import { AccessNotice } from './AccessNotice'
import { Banner } from './Banner'
import { errorMessage } from './errorMessage'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

/** A failed request as the reader should see it: 401 / 403 as "sign in as a planner", the rest with the server's reason. */
export function TaskError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (isAccessError(error)) return <AccessNotice access="signed_out" />
  return <Banner kind="error" title={t('analysis.error.title')}>{errorMessage(error)}</Banner>
}
