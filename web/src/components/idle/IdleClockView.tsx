import { useTranslation } from 'react-i18next'
import { idleClock, idleLandFeeWan, parkToday } from '../../shared/idle-clock'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

/** The 国土资源部令第53号 clock for an agreed start date: where the plot stands today and the two dates that matter. */
export function IdleClockView({ agreedStart, priceWanPerMu, mu }: { agreedStart: string | null; priceWanPerMu?: number | null; mu?: number }) {
  const { t } = useTranslation()
  const clock = agreedStart ? idleClock(agreedStart, parkToday()) : null
  const fee = mu === undefined ? null : idleLandFeeWan(priceWanPerMu, mu)
  return (
    <div className={`idle-clock${clock ? ` idle-clock--${clock.stage}` : ''}`} data-stage={clock?.stage ?? 'none'}>
      <div className="idle-clock__title">{t('idle.clock.title')}</div>
      {!clock && <p className="note">{t('idle.clock.none')}</p>}
      {clock && (
        <>
          <strong className="idle-clock__stage">{t(`idle.clock.stage.${clock.stage}`)}</strong>
          <ul className="idle-clock__dates">
            <li>{t('idle.clock.idleFrom', { date: clock.idleFrom })}</li>
            <li>{t('idle.clock.recoveryFrom', { date: clock.recoveryFrom })}</li>
          </ul>
          {clock.daysToNext !== null && <div>{t('idle.clock.daysToNext', { days: clock.daysToNext })}</div>}
          {fee !== null && (clock.stage === 'idle_fee' || clock.stage === 'recovery') && <div>{t('idle.clock.fee', { fee: fee.toFixed(2) })}</div>}
          <div className="note">{t('idle.clock.assumes')}</div>
        </>
      )}
    </div>
  )
}
