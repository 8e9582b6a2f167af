import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { fetchParcelCases } from '../../lib/idle/api'
import type { IdleCase } from '../../shared/api/edits'
import { useSession } from '../../hooks/useSession'
import { M2_PER_MU } from '../../shared/units'
import { errorMessage } from '../analysis/errorMessage'
import { AdvanceForm } from './AdvanceForm'
import { CaseCard } from './CaseCard'
import { CaseHistory } from './CaseHistory'
import { FlagForm } from './FlagForm'
import { IdleClockView } from './IdleClockView'
import './idle.css'

interface Props {
  parcelId: string
  /** The parcel's attributes as the map has them: the indicative price and area for the fee estimate. */
  parcel: Record<string, unknown> | null
  onClose: () => void
  /** After a write: the map's layers show the parcel's new status. */
  onChanged: () => void
}

/**
 * A parcel's idle / low-efficiency case beside the map: flag it (category, reason, agreed date), or
 * see the open case with its 第53号 clock and move it on, and the parcel's and case's history.
 */
export function IdleCasePanel({ parcelId, parcel, onClose, onChanged }: Props) {
  const { t } = useTranslation()
  // Land officers and admins write cases; other internal roles read them.
  const writable = useSession().access.editIdleCases === 'allowed'
  const [revision, setRevision] = useState(0)
  const [notice, setNotice] = useState<string | null>(null)
  const cases = useResource(`${parcelId}#${revision}`, (signal) => fetchParcelCases(parcelId, signal))
  const list = cases.data ?? []
  const open = list.find((c) => c.stage !== 'revitalised') ?? null
  const closed = list.filter((c) => c !== open)
  const price = typeof parcel?.price_wan_per_mu === 'number' ? parcel.price_wan_per_mu : null
  const mu = typeof parcel?.area_m2 === 'number' ? parcel.area_m2 / M2_PER_MU : undefined

  const written = (saved: IdleCase, message: string) => {
    setNotice(message)
    setRevision((r) => r + 1)
    onChanged()
    return saved
  }

  return (
    <aside className="idle-panel" aria-label={t('idle.title')} data-parcel={parcelId}>
      <div className="idle-panel__head">
        <div>
          <h3>{t('idle.title')}</h3>
          <div className="idle-panel__parcel">{t('idle.parcel', { id: parcelId })}</div>
        </div>
        <button type="button" className="idle-panel__close" aria-label={t('idle.close')} onClick={onClose}>×</button>
      </div>
      <div className="idle-panel__body">
        {notice && <p className="form-ok" role="status">{notice}</p>}
        {cases.status === 'loading' && cases.data === null && <p className="note"><span className="spinner" aria-hidden="true" /> {t('idle.loading')}</p>}
        {cases.status === 'error' && (
          <p className="form-error" role="alert">
            {t('idle.loadError')}: {errorMessage(cases.error)}{' '}
            <button type="button" className="link-button" onClick={cases.reload}>{t('idle.retry')}</button>
          </p>
        )}
        {open && (
          <>
            <CaseCard idleCase={open} />
            <IdleClockView agreedStart={open.agreed_start_date} priceWanPerMu={price} {...(mu === undefined ? {} : { mu })} />
            {writable && (
              <AdvanceForm key={`${open.id}@${open.version}`} current={open}
                onSaved={(saved) => written(saved, t('idle.advance.done', { version: saved.version }))}
                onReload={() => setRevision((r) => r + 1)} />
            )}
          </>
        )}
        {cases.status === 'ready' && !open && writable && (
          <FlagForm parcelId={parcelId} onFlagged={(saved) => written(saved, t('idle.flag.done'))} />
        )}
        {!writable && <p className="note">{t('idle.forbidden')}</p>}
        {closed.map((c) => (
          <details key={c.id} className="idle-closed">
            <summary>{t('idle.case.closed')} · {c.id}</summary>
            <CaseCard idleCase={c} />
          </details>
        ))}
        <CaseHistory parcelId={parcelId} caseId={open?.id ?? closed[0]?.id ?? null} revision={revision} />
      </div>
    </aside>
  )
}
