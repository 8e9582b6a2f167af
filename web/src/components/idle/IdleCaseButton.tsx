import { useTranslation } from 'react-i18next'

/** The popup's way into a parcel's idle-land case (internal roles only; App decides who sees it). */
export function IdleCaseButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="feature-popup__actions">
      <button type="button" className="primary-button idle-open" title={t('idle.openTitle')} onClick={onOpen}>{t('idle.open')}</button>
    </div>
  )
}
