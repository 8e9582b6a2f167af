import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../lib/api'
import { Banner } from '../Banner'
import { TaskError } from '../TaskError'

/** A refused save: an invalid boundary (422, PostGIS's reason), a frozen or reviewed version (409), or else. */
export function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (error instanceof ApiError && error.code === 'invalid_geometry') return <Banner kind="error">{t('scenarios:invalid', { reason: error.message })}</Banner>
  return <TaskError error={error} />
}
