import { useTranslation } from 'react-i18next'
import { isAccessError } from '../../lib/analysis/api'
import { AccessNotice } from './AccessNotice'
import { Banner } from './Banner'
import { errorMessage } from './errorMessage'

/** A failed request as the reader should see it: 401 / 403 as "sign in as a planner", the rest with the server's reason. */
export function TaskError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (isAccessError(error)) return <AccessNotice access="signed_out" />
  return <Banner kind="error" title={t('analysis.error.title')}>{errorMessage(error)}</Banner>
}
