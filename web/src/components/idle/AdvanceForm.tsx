import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../lib/api'
import { advanceCase } from '../../lib/idle/api'
import type { CaseChanges, IdleCase } from '../../shared/api/edits'
import { IDLE_DISPOSALS, IDLE_STAGES, isAllowedStageMove, type IdleDisposal, type IdleStage } from '../../shared/park-vocabulary'
import { errorMessage } from '../analysis/errorMessage'

/** Only what the officer changed goes to the server (with the version they saw). */
function changesFrom(current: IdleCase, form: { stage: IdleStage; disposal: string; successorZh: string; successorEn: string; reason: string }): CaseChanges {
  const changes: CaseChanges = {}
  if (form.stage !== current.stage) changes.stage = form.stage
  if ((form.disposal || null) !== current.disposal) changes.disposal = (form.disposal || null) as IdleDisposal | null
  if ((form.successorZh.trim() || null) !== current.successor_zh) changes.successor_zh = form.successorZh.trim() || null
  if ((form.successorEn.trim() || null) !== current.successor_en) changes.successor_en = form.successorEn.trim() || null
  if (form.reason.trim() && form.reason.trim() !== current.reason) changes.reason = form.reason.trim()
  return changes
}

/** Moves a case on (stage, disposal, successor); a stale version gets the 409 message and a reload. */
export function AdvanceForm({ current, onSaved, onReload }: { current: IdleCase; onSaved: (saved: IdleCase) => void; onReload: () => void }) {
  const { t } = useTranslation()
  const [stage, setStage] = useState<IdleStage>(current.stage)
  const [disposal, setDisposal] = useState<string>(current.disposal ?? '')
  const [successorZh, setSuccessorZh] = useState(current.successor_zh ?? '')
  const [successorEn, setSuccessorEn] = useState(current.successor_en ?? '')
  const [reason, setReason] = useState(current.reason)
  const [error, setError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const changes = changesFrom(current, { stage, disposal, successorZh, successorEn, reason })
    if (Object.keys(changes).length === 0) {
      setError(t('idle.advance.nothing'))
      return
    }
    setBusy(true)
    setError(null)
    setConflict(false)
    try {
      onSaved(await advanceCase(current.id, current.version, changes))
    } catch (cause) {
      // A stale version is `conflict`; a 409 for a broken rule (stage order) carries its own message.
      if (cause instanceof ApiError && cause.status === 409 && cause.code === 'conflict') setConflict(true)
      else setError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="idle-form idle-advance" onSubmit={submit} noValidate data-version={current.version}>
      <h4>{t('idle.advance.title')}</h4>
      <label>
        <span>{t('idle.advance.stage')}</span>
        <select name="stage" value={stage} onChange={(e) => setStage(e.target.value as IdleStage)}>
          {IDLE_STAGES.filter((s) => isAllowedStageMove(current.stage, s)).map((s) => <option key={s} value={s}>{t(`idle.stage.${s}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('idle.advance.disposal')}</span>
        <select name="disposal" value={disposal} onChange={(e) => setDisposal(e.target.value)}>
          <option value="">{t('idle.disposal.none')}</option>
          {IDLE_DISPOSALS.map((d) => <option key={d} value={d}>{t(`idle.disposal.${d}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('idle.advance.successorZh')}</span>
        <input name="successor_zh" maxLength={200} value={successorZh} onChange={(e) => setSuccessorZh(e.target.value)} />
      </label>
      <label>
        <span>{t('idle.advance.successorEn')}</span>
        <input name="successor_en" maxLength={200} value={successorEn} onChange={(e) => setSuccessorEn(e.target.value)} />
      </label>
      <label>
        <span>{t('idle.advance.reason')}</span>
        <textarea name="reason" rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" className="primary-button" disabled={busy}>{t('idle.advance.submit', { version: current.version })}</button>
      {conflict && (
        <p className="form-error idle-conflict" role="alert">
          {t('idle.advance.conflict')}{' '}
          <button type="button" className="link-button" onClick={onReload}>{t('idle.advance.reload')}</button>
        </p>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  )
}
