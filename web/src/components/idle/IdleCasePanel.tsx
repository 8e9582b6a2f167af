import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { fetchParcelCases } from '../../lib/idle/api'
import type { CaseFile } from '../../shared/api/idle-cases'
import { IDLE_END_STAGES } from '../../shared/park-vocabulary'
import { useSession } from '../../hooks/useSession'
import { errorMessage } from '../analysis/errorMessage'
import { CaseCard } from './CaseCard'
import { CaseHistory } from './CaseHistory'
import { CaseSteps } from './CaseSteps'
import { FlagForm } from './FlagForm'
import { IdleClockView } from './IdleClockView'
import { StepForm } from './StepForm'
import './idle.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

interface Props {
  parcelId: string
  /** The parcel's attributes as the map has them (unused here: the case file carries its area and fee). */
  parcel?: Record<string, unknown> | null
  onClose: () => void
  /** After a write: the map's layers show the parcel's new status. */
  onChanged: () => void
}

/**
 * A parcel's idle / low-efficiency case file beside the map: flag it (opens at investigation), or
 * see the open case with its deadlines and 第53号 clock, move it one step on (with the step's fields
 * and evidence), its timeline of steps, and the parcel's and case's history.
 */
export function IdleCasePanel({ parcelId, onClose, onChanged }: Props) {
  const { t } = useTranslation()
  // Land officers and admins write cases; other internal roles read them.
  const writable = useSession().access.editIdleCases === 'allowed'
  const [revision, setRevision] = useState(0)
  const [notice, setNotice] = useState<string | null>(null)
  const cases = useResource(`${parcelId}#${revision}`, (signal) => fetchParcelCases(parcelId, signal))
  const list = cases.data ?? []
  const open = list.find((c) => !(IDLE_END_STAGES as readonly string[]).includes(c.stage)) ?? null
  const closed = list.filter((c) => c !== open)

  const written = (saved: CaseFile, message: string) => {
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
            {open.category === 'idle' && <IdleClockView agreedStart={open.agreed_start_date} priceWanPerMu={open.price_wan_per_mu} mu={open.area_mu} />}
            {writable && open.allowed_next.length > 0 && (
              <StepForm key={`${open.id}@${open.version}`} current={open}
                onSaved={(saved) => written(saved, t('idle.advance.done', { version: saved.version }))}
                onReload={() => setRevision((r) => r + 1)} />
            )}
            <CaseSteps idleCase={open} />
          </>
        )}
        {cases.status === 'ready' && !open && writable && (
          <FlagForm parcelId={parcelId} onFlagged={(saved) => written(saved, t('idle.flag.done'))} />
        )}
        {!writable && <p className="note">{t('idle.forbidden')}</p>}
        {closed.map((c) => (
          <details key={c.id} className="idle-closed">
            <summary>{t('idle.case.closed')} · {c.id} · {t(`idle.stage.${c.stage}`)}</summary>
            <CaseCard idleCase={c} />
            <CaseSteps idleCase={c} />
          </details>
        ))}
        <CaseHistory parcelId={parcelId} caseId={open?.id ?? closed[0]?.id ?? null} revision={revision} />
      </div>
    </aside>
  )
}
