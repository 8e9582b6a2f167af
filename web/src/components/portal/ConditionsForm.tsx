import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useVersionedSave } from '../../hooks/useVersionedSave'
import { fetchConditions, saveConditions } from '../../lib/portal/api'
import { CONDITION_RANGES, type ConditionsRow, type PlanningConditions } from '../../shared/api/portal'
import { INDUSTRIES, type Industry } from '../../shared/park-vocabulary'
import { addPanelStrings } from '../../i18n/panelStrings'
import { sheetZhCN } from '../../i18n/sheet.zh-CN'

addPanelStrings('sheet', sheetZhCN)

type Figures = Exclude<keyof PlanningConditions, 'industries'>
const FIGURES = Object.keys(CONDITION_RANGES) as Figures[]
type Draft = Record<Figures, string> & { industries: Industry[] }

const draftOf = (row: ConditionsRow | null): Draft => ({
  ...(Object.fromEntries(FIGURES.map((f) => [f, row ? String(row[f]) : ''])) as Record<Figures, string>),
  industries: row?.industries ?? [],
})

/**
 * 标准地 控制指标, as land officers and admins set them for a parcel on offer: the whole set at the
 * version read (none yet: version 0 creates it). The browser holds each figure to the shared
 * bounds; the server's refusal (min above max, a colleague's save in between) is shown in words.
 */
export function ConditionsForm({ parcelId, onSaved, onCancel }: { parcelId: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const [row, setRow] = useState<ConditionsRow | null | undefined>(undefined)
  const [draft, setDraft] = useState<Draft>(draftOf(null))
  const [loadError, setLoadError] = useState<string | null>(null)

  const load = useCallback(() => {
    const abort = new AbortController()
    fetchConditions(parcelId, abort.signal)
      .then((r) => {
        setRow(r)
        setDraft(draftOf(r))
      })
      .catch((cause: unknown) => !abort.signal.aborted && setLoadError(cause instanceof Error ? cause.message : String(cause)))
    return () => abort.abort()
  }, [parcelId])
  useEffect(load, [load])
  const saving = useVersionedSave(load)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (row === undefined) return
    const figures = Object.fromEntries(FIGURES.map((f) => [f, Number(draft[f])])) as Record<Figures, number>
    if (await saving.save(async () => void (await saveConditions(parcelId, { ...figures, industries: draft.industries, version: row?.version ?? 0 })))) onSaved()
  }
  const busy = saving.state.status === 'running'
  const failed = loadError ?? (saving.failure && (saving.failure.stale ? t('sheet.edit.stale') : t('sheet.edit.failed', { message: saving.failure.message })))

  return (
    <form className="conditions-form" onSubmit={(e) => void submit(e)} aria-label={t('sheet.edit.title')}>
      <h3>{t('sheet.edit.title')}</h3>
      {row === null && <p className="conditions-form__hint">{t('sheet.edit.none')}</p>}
      <div className="conditions-form__grid">
        {FIGURES.map((f) => {
          const range = CONDITION_RANGES[f]
          return (
            <label key={f}>{t(`sheet.edit.${f}`)}
              <input type="number" required step="any" inputMode="decimal" min={range.min ?? range.above} max={range.max} value={draft[f]}
                onChange={(e) => {
                  const value = e.currentTarget.value
                  setDraft((d) => ({ ...d, [f]: value }))
                }} />
            </label>
          )
        })}
      </div>
      <fieldset>
        <legend>{t('sheet.edit.industries')}</legend>
        {INDUSTRIES.map((i) => (
          <label key={i}>
            <input type="checkbox" checked={draft.industries.includes(i)} onChange={(e) => {
              const on = e.currentTarget.checked
              setDraft((d) => ({ ...d, industries: on ? [...d.industries, i] : d.industries.filter((x) => x !== i) }))
            }} /> {t(`enum.enterprises.industry.${i}`)}
          </label>
        ))}
      </fieldset>
      <div className="conditions-form__actions">
        <button type="submit" className="primary-button" disabled={row === undefined || busy || draft.industries.length === 0}>
          {busy ? t('sheet.edit.saving') : t('sheet.edit.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>{t('sheet.edit.cancel')}</button>
      </div>
      {failed && <p role="alert" className="inquiry-form__error">{failed}</p>}
    </form>
  )
}
