import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useResource } from '../../hooks/useResource'
import { downloadBlob } from '../../lib/download'
import { fetchRegister, fetchWatch } from '../../lib/idle/api'
import type { RegisterItem } from '../../shared/api/idle-cases'
import { toCsv, type CsvColumn } from '../../shared/csv'
import { IDLE_CATEGORIES, IDLE_STAGES } from '../../shared/park-vocabulary'
import { errorMessage } from '../analysis/errorMessage'
import { formatValue } from './formatValue'
import './idle.css'
import { addPanelStrings } from '../../i18n/panelStrings'
import { idleZhCN } from '../../i18n/idle.zh-CN'

addPanelStrings('idle', idleZhCN)

const mu2 = (x: number) => x.toFixed(2)

/**
 * 闲置低效用地台账: every case by stage with its mu (the server's sums of ellipsoidal areas), overdue
 * cases first, filters by stage, category and zone, CSV export; and the parcels to watch (动态巡查,
 * low-efficiency candidates), each one click from its case panel, where it is flagged.
 */
export function RegisterPanel({ onOpenParcel, revision }: { onOpenParcel: (parcelId: string) => void; revision: number }) {
  const { t, i18n } = useTranslation()
  const [stage, setStage] = useState('')
  const [category, setCategory] = useState('')
  const [zone, setZone] = useState('')
  const query = new URLSearchParams({ ...(stage ? { stage } : {}), ...(category ? { category } : {}), ...(zone ? { zone } : {}) }).toString()
  const register = useResource(`${query}#${revision}`, (signal) => fetchRegister(query, signal))
  const all = useResource(`all#${revision}`, (signal) => fetchRegister('', signal))
  const watch = useResource(`watch#${revision}`, (signal) => fetchWatch(signal))
  const zones = useMemo(() => [...new Set((all.data?.items ?? []).map((i) => i.zone_id))].sort(), [all.data])
  const data = register.data
  const en = i18n.language === 'en'

  const columns = (): CsvColumn<RegisterItem>[] => [
      { header: t('idle.register.col.id'), value: (r) => r.id },
      { header: t('idle.register.col.parcel'), value: (r) => r.parcel_id },
      { header: t('idle.case.holder'), value: (r) => (en ? r.name_en : r.name_zh) },
      { header: t('idle.case.category'), value: (r) => formatValue('category', r.category, t) },
      { header: t('idle.case.stage'), value: (r) => formatValue('stage', r.stage, t) },
      { header: t('idle.case.disposal'), value: (r) => (r.disposal ? formatValue('disposal', r.disposal, t) : '') },
      { header: t('idle.register.col.zone'), value: (r) => r.zone_id },
      { header: t('idle.register.col.mu'), value: (r) => Math.round(r.area_mu * 100) / 100 },
      { header: t('idle.case.flaggedOn'), value: (r) => r.opened_at },
      { header: t('idle.case.nextDue'), value: (r) => r.next_due },
      { header: t('idle.case.overdue'), value: (r) => (r.overdue ? t('idle.register.yes') : '') },
      { header: t('idle.register.col.fee'), value: (r) => r.fee_wan },
      { header: t('idle.register.col.recovery'), value: (r) => r.recovery_from },
  ]
  const exportCsv = () => {
    if (!data) return
    downloadBlob(`idle-register-${data.summary.today}.csv`, new Blob([toCsv(columns(), data.items)], { type: 'text/csv;charset=utf-8' }))
  }
  // The same columns as a spreadsheet; the writer loads on first use (as the attribute table's).
  const exportXlsx = async () => {
    if (!data) return
    const cols = columns()
    const cell = (v: unknown): string | number | null => (typeof v === 'number' || typeof v === 'string' ? v : null)
    const rows = [cols.map((c) => c.header), ...data.items.map((r) => cols.map((c) => cell(c.value(r))))]
    const { default: writeXlsxFile } = await import('write-excel-file/browser')
    downloadBlob(`idle-register-${data.summary.today}.xlsx`, await writeXlsxFile(rows, { sheet: 'idle-register' }).toBlob())
  }

  return (
    <section className="idle-register" aria-label={t('idle.register.title')}>
      <h3>{t('idle.register.title')}</h3>
      <div className="idle-register__filters">
        <label><span>{t('idle.case.stage')}</span>
          <select name="stage" value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{t('idle.register.all')}</option>
            {IDLE_STAGES.map((s) => <option key={s} value={s}>{t(`idle.stage.${s}`)}</option>)}
          </select>
        </label>
        <label><span>{t('idle.case.category')}</span>
          <select name="category" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('idle.register.all')}</option>
            {IDLE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`idle.category.${c}`)}</option>)}
          </select>
        </label>
        <label><span>{t('idle.register.col.zone')}</span>
          <select name="zone" value={zone} onChange={(e) => setZone(e.target.value)}>
            <option value="">{t('idle.register.all')}</option>
            {zones.map((z) => <option key={z} value={z}>{z}</option>)}
          </select>
        </label>
      </div>
      {register.status === 'error' && <p className="form-error" role="alert">{errorMessage(register.error)}</p>}
      {data && (
        <>
          <table className="idle-register__totals" data-testid="idle-totals">
            <thead><tr><th>{t('idle.case.stage')}</th><th>{t('idle.register.count')}</th><th>{t('idle.register.col.mu')}</th></tr></thead>
            <tbody>
              {IDLE_STAGES.map((s) => (
                <tr key={s} data-stage={s} data-count={data.summary.by_stage[s].count}>
                  <td><span className={`idle-stage idle-stage--${s}`}>{t(`idle.stage.${s}`)}</span></td>
                  <td>{data.summary.by_stage[s].count}</td>
                  <td>{mu2(data.summary.by_stage[s].mu)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="idle-register__kpis">
            <span data-kpi="overdue">{t('idle.register.overdue', { count: data.summary.overdue })}</span>
            <span data-kpi="revitalised">{t('idle.register.revitalisedYear', { mu: mu2(data.summary.revitalised_this_year_mu) })}</span>
            <button type="button" className="button button--small-text" data-action="csv" onClick={exportCsv}>{t('idle.register.csv')}</button>
            <button type="button" className="button button--small-text" data-action="xlsx" onClick={() => void exportXlsx()}>{t('idle.register.xlsx')}</button>
          </p>
          <ul className="idle-register__list">
            {data.items.map((i) => (
              <li key={i.id} data-case={i.id} data-stage={i.stage} data-overdue={i.overdue}>
                <button type="button" className="idle-register__item" onClick={() => onOpenParcel(i.parcel_id)}>
                  <span className="idle-register__name">{en ? i.name_en : i.name_zh}</span>
                  <span className={`idle-stage idle-stage--${i.stage}`}>{t(`idle.stage.${i.stage}`)}</span>
                  <span className="idle-register__meta">
                    {i.id} · {i.parcel_id} · {mu2(i.area_mu)} {t('idle.register.muUnit')}
                    {i.next_due && <> · {t('idle.case.nextDue')} {i.next_due}</>}
                    {i.fee_wan !== null && <> · {t('idle.register.fee', { fee: i.fee_wan.toFixed(2) })}</>}
                  </span>
                  {i.overdue && <span className="idle-register__overdue">{t('idle.case.overdue')}</span>}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t('idle.register.watchTitle')}</h4>
      {watch.status === 'error' && <p className="form-error" role="alert">{errorMessage(watch.error)}</p>}
      {watch.data && (
        <ul className="idle-register__list idle-watch">
          {watch.data.overdue_dates.map((w) => (
            <li key={`${w.parcel_id}-${w.which}`} data-parcel={w.parcel_id} data-watch="dates">
              <button type="button" className="idle-register__item" onClick={() => onOpenParcel(w.parcel_id)}>
                <span className="idle-register__name">{w.name_zh ?? w.parcel_id}</span>
                <span className="idle-register__meta">{w.parcel_id} · {t(`idle.register.late.${w.which}`, { date: w.agreed_on, days: w.days_late })}</span>
              </button>
            </li>
          ))}
          {watch.data.low_efficiency.map((w) => (
            <li key={w.parcel_id} data-parcel={w.parcel_id} data-watch="low">
              <button type="button" className="idle-register__item" onClick={() => onOpenParcel(w.parcel_id)}>
                <span className="idle-register__name">{w.name_zh ?? w.parcel_id}</span>
                <span className="idle-register__meta">{w.parcel_id} · {w.reasons.map((r) => t(`idle.register.reason.${r}`)).join('、')}</span>
              </button>
            </li>
          ))}
          {watch.data.overdue_dates.length + watch.data.low_efficiency.length === 0 && <li className="note">{t('idle.register.watchNone')}</li>}
        </ul>
      )}
    </section>
  )
}
