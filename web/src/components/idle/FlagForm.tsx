import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../lib/api'
import { flagParcel } from '../../lib/idle/api'
import type { CaseFile } from '../../shared/api/idle-cases'
import type { IdleCategory } from '../../shared/park-vocabulary'
import { errorMessage } from '../analysis/errorMessage'
import { IdleClockView } from './IdleClockView'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

/** 标记闲置/低效: category, the reason (required: a flag without a why is what the design forbids), agreed start date. */
export function FlagForm({ parcelId, onFlagged }: { parcelId: string; onFlagged: (flagged: CaseFile) => void }) {
  const { t } = useTranslation()
  const [category, setCategory] = useState<IdleCategory>('idle')
  const [reason, setReason] = useState('')
  const [agreedStart, setAgreedStart] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!reason.trim()) {
      setError(t('idle.flag.reasonRequired'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      onFlagged(await flagParcel({ parcel_id: parcelId, category, reason: reason.trim(), agreed_start_date: agreedStart || null }))
    } catch (cause) {
      setError(cause instanceof ApiError && cause.status === 409 ? t('idle.flag.exists') : errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="idle-form idle-flag" onSubmit={submit} noValidate>
      <h4>{t('idle.flag.title')}</h4>
      <label>
        <span>{t('idle.flag.category')}</span>
        <select name="category" value={category} onChange={(e) => setCategory(e.target.value as IdleCategory)}>
          <option value="idle">{t('idle.category.idle')}</option>
          <option value="low_efficiency">{t('idle.category.low_efficiency')}</option>
        </select>
      </label>
      <label>
        <span>{t('idle.flag.reason')}</span>
        <textarea name="reason" rows={3} maxLength={2000} placeholder={t('idle.flag.reasonPlaceholder')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        <span>{t('idle.flag.agreedStart')}</span>
        <input name="agreed_start_date" type="date" value={agreedStart} onChange={(e) => setAgreedStart(e.target.value)} />
      </label>
      {agreedStart && <IdleClockView agreedStart={agreedStart} />}
      <button type="submit" className="primary-button" disabled={busy}>{t('idle.flag.submit')}</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  )
}
