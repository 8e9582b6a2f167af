import type { TFunction } from 'i18next'
import { ApiError } from '../../lib/api'
import { errorMessage } from '../analysis/errorMessage'
import { addPanelStrings } from '../../i18n/panelStrings'
import { adminZhCN } from '../../i18n/admin.zh-CN'

addPanelStrings('admin', adminZhCN)

/**
 * An account write's failure as the admin should read it: the two 409s the API gives (the email
 * exists; demoting or disabling yourself) in plain words, anything else with the server's own message.
 */
export function accountError(error: unknown, t: TFunction, write: 'create' | 'update'): string {
  if (error instanceof ApiError && error.status === 409) return write === 'create' ? t('admin.problem.emailExists') : t('admin.problem.self')
  if (error instanceof ApiError && error.status === 403) return `${t('admin.problem.forbidden')} (${error.message})`
  return errorMessage(error)
}
