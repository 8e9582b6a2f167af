import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../lib/api'
import { transitionCase, uploadAttachment } from '../../lib/idle/api'
import {
  ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, IDLE_ONLY_DISPOSALS, STEP_DATE_FIELDS, STEP_FIELDS,
  type CaseFile, type StepFieldName, type TransitionRequest,
} from '../../shared/api/idle-cases'
import { parkToday } from '../../shared/idle-clock'
import { IDLE_DISPOSALS, type IdleStage } from '../../shared/park-vocabulary'
import { errorMessage } from '../analysis/errorMessage'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

const isDate = (f: StepFieldName) => (STEP_DATE_FIELDS as readonly string[]).includes(f)
const isLong = (f: StepFieldName) => f === 'holder_statement' || f === 'closed_reason'

/**
 * Moves a case one step on: the next stage (from the case's allowed_next), the note, the step's own
 * fields (STEP_FIELDS: which are required), the day it happened, and a photo or PDF as evidence.
 * The server names what is missing (422) or that someone moved the case first (409, reload).
 */
export function StepForm({ current, onSaved, onReload }: { current: CaseFile; onSaved: (saved: CaseFile) => void; onReload: () => void }) {
  const { t } = useTranslation()
  const [to, setTo] = useState<IdleStage>(current.allowed_next[0]!)
  const [note, setNote] = useState('')
  const [day, setDay] = useState(parkToday())
  const [values, setValues] = useState<Partial<Record<StepFieldName, string>>>({})
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [conflict, setConflict] = useState(false)
  const [busy, setBusy] = useState(false)
  const spec = STEP_FIELDS[to]
  const fields = [...spec.required, ...spec.optional]
  const disposals = IDLE_DISPOSALS.filter((d) => current.category === 'idle' || !(IDLE_ONLY_DISPOSALS as readonly string[]).includes(d))

  async function submit(event: FormEvent) {
    event.preventDefault()
    const missing = [...(note.trim() ? [] : ['note']), ...spec.required.filter((f) => !values[f]?.trim())]
    if (missing.length) {
      setError(t('idle.step.missing', { fields: missing.map((f) => t(`idle.stepField.${f}`)).join('、') }))
      return
    }
    if (file && (file.size > ATTACHMENT_MAX_BYTES || !(ATTACHMENT_TYPES as readonly string[]).includes(file.type))) {
      setError(t('idle.step.badFile', { mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }))
      return
    }
    const body: TransitionRequest = { to, note: note.trim(), happened_on: day }
    for (const f of fields) {
      const v = values[f]?.trim()
      if (v) (body as unknown as Record<string, string>)[f] = v
    }
    setBusy(true)
    setError(null)
    setConflict(false)
    try {
      const saved = await transitionCase(current.id, current.version, body)
      // The evidence goes on the step just written; the panel reloads the case after onSaved.
      if (file) await uploadAttachment(saved.id, saved.steps.at(-1)!.seq, file)
      onSaved(saved)
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409 && cause.code === 'conflict') setConflict(true)
      else setError(errorMessage(cause))
    } finally {
      setBusy(false)
    }
  }

  const set = (f: StepFieldName, v: string) => setValues((old) => ({ ...old, [f]: v }))
  return (
    <form className="idle-form idle-step-form" onSubmit={submit} noValidate data-version={current.version}>
      <h4>{t('idle.step.title')}</h4>
      <label>
        <span>{t('idle.step.to')}</span>
        <select name="to" value={to} onChange={(e) => setTo(e.target.value as IdleStage)}>
          {current.allowed_next.map((s) => <option key={s} value={s}>{t(`idle.stage.${s}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('idle.step.note')} *</span>
        <textarea name="note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label>
        <span>{t('idle.step.day')}</span>
        <input name="happened_on" type="date" value={day} max={parkToday()} onChange={(e) => setDay(e.target.value)} />
      </label>
      {fields.map((f) => {
        const label = `${t(`idle.stepField.${f}`)}${(spec.required as readonly string[]).includes(f) ? ' *' : ''}`
        return (
          <label key={`${to}-${f}`}>
            <span>{label}</span>
            {f === 'disposal' ? (
              <select name={f} value={values[f] ?? ''} onChange={(e) => set(f, e.target.value)}>
                <option value="">{t('idle.disposal.none')}</option>
                {disposals.map((d) => <option key={d} value={d}>{t(`idle.disposal.${d}`)}</option>)}
              </select>
            ) : isLong(f) ? (
              <textarea name={f} rows={2} maxLength={2000} value={values[f] ?? ''} onChange={(e) => set(f, e.target.value)} />
            ) : (
              <input name={f} type={isDate(f) ? 'date' : 'text'} maxLength={200} value={values[f] ?? ''} onChange={(e) => set(f, e.target.value)} />
            )}
          </label>
        )
      })}
      <label>
        <span>{t('idle.step.file')}</span>
        <input name="attachment" type="file" accept={ATTACHMENT_TYPES.join(',')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="submit" className="primary-button" disabled={busy}>{t('idle.step.submit', { version: current.version })}</button>
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
