import { useTranslation } from 'react-i18next'
import type { Favourites } from '../../lib/portal/favourites'
import { addPanelStrings } from '../../i18n/panelStrings'
import { sheetZhCN } from '../../i18n/sheet.zh-CN'

addPanelStrings('sheet', sheetZhCN)

/** ☆ / ★: keeps a parcel on offer as a favourite (signed-in investors only; nothing for others). */
export function FavouriteButton({ favourites, parcelId, compact = false }: { favourites: Favourites; parcelId: string; compact?: boolean }) {
  const { t } = useTranslation()
  if (!favourites.enabled) return null
  const kept = favourites.has(parcelId)
  return (
    <button type="button" className={`favourite${kept ? ' favourite--kept' : ''}${compact ? ' favourite--compact' : ''}`} aria-pressed={kept}
      title={t('sheet.keepTitle')} aria-label={`${kept ? t('sheet.kept') : t('sheet.keep')} ${parcelId}`} onClick={() => favourites.toggle(parcelId)}>
      <span aria-hidden="true">{kept ? '★' : '☆'}</span>{!compact && <> {kept ? t('sheet.kept') : t('sheet.keep')}</>}
    </button>
  )
}
