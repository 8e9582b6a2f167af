import type { TFunction } from 'i18next'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

/** A recorded value in the reader's words: stages, disposals and categories translated, empty as "—". */
export function formatValue(field: string, value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  if (field === 'stage' || field === 'disposal' || field === 'category') return t(`idle.${field}.${text}`, { defaultValue: text })
  if (field === 'status') return t(`enum.parcels.status.${text}`, { defaultValue: text })
  return text
}

/** An actor (the audit records the account's email) with "(you)" when it is the reader. */
export function actorLabel(actor: string, me: { email: string; display_name: string } | null, t: TFunction): string {
  return me && me.email === actor ? `${me.display_name || me.email} ${t('idle.history.you')} · ${actor}` : actor
}
