import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useTask } from '../../hooks/useTask'
import { requestChemicalFirms } from '../../lib/analysis/api'
import { FIRM_CLASS_COLORS, firmHighlightItems, formatMuValue, sortFirms } from '../../lib/analysis/overlapFormat'
import type { ChemicalFirm, ChemicalFirmsReport } from '../../shared/api/overlap'
import type { Language } from '../../lib/featureDetails'
import type { ParkMap } from '../../map/ParkMap'
import { AccessNotice, type AnalysisAccess } from './AccessNotice'
import { ClassChip } from './ClassChip'
import { Icon } from './Icon'
import { TaskError } from './TaskError'
import { chemicalFirmsCsv } from '../../lib/analysis/resultCsv'
import { downloadBlob, isoToday } from '../../lib/download'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

/** Step 3: the report's own question in one click — which chemical firms stand outside the cluster. */
export function ChemicalSection({ parkMap, access, role, lang }: { parkMap: ParkMap | null; access: AnalysisAccess; role: string | undefined; lang: Language }) {
  const { t } = useTranslation()
  const task = useTask<ChemicalFirmsReport>()
  const { state } = task

  useEffect(() => {
    if (state.status === 'done') parkMap?.analysis.showHighlights(firmHighlightItems(state.value.firms))
  }, [state, parkMap])

  // Signed out: the answers were for internal eyes; drop them.
  useEffect(() => {
    if (access !== 'allowed' && access !== 'checking') task.reset()
  }, [access])
  if (access !== 'allowed') return <AccessNotice access={access} role={role} compact />

  const focus = (firm: ChemicalFirm) =>
    firm.parcel_ids.length > 0 ? parkMap?.focusFeatures('parcels', firm.parcel_ids) : parkMap?.focusFeatures('enterprises', [firm.id])

  return (
    <div className="chemical">
      <div className="actions">
        <button type="button" className="question-button" data-action="chemical-firms" title={t('analysis.chemical.askTitle')}
          disabled={state.status === 'running'} onClick={() => void task.run(() => requestChemicalFirms())}>
          <Icon name="flask" size={18} /> {t('analysis.chemical.ask')}
        </button>
        {state.status === 'running' && <span className="progress" role="status"><span className="spinner" aria-hidden="true" />{t('analysis.chemical.running')}</span>}
      </div>
      {state.status === 'error' && <TaskError error={state.error} />}
      {state.status === 'done' && (
        <div className="chemical__result">
          <p className="chemical__summary">
            {t('analysis.chemical.summary', { total: state.value.chemical_firms, outside: state.value.outside, partial: state.value.partial, inside: state.value.inside })}
          </p>
          <table className="result-table" data-table="chemical-firms">
            <thead>
              <tr>
                <th scope="col">{t('analysis.chemical.column.firm')}</th>
                <th scope="col">{t('analysis.chemical.column.class')}</th>
                <th scope="col" className="num">{t('analysis.chemical.column.held')}</th>
                <th scope="col" className="num">{t('analysis.chemical.column.inside')}</th>
              </tr>
            </thead>
            <tbody>
              {sortFirms(state.value.firms).map((firm) => (
                <tr key={firm.id} data-id={firm.id} data-class={firm.class} tabIndex={0} title={t('analysis.overlap.focus')}
                  onClick={() => focus(firm)} onKeyDown={(e) => e.key === 'Enter' && focus(firm)}>
                  <td>
                    <div className="result-table__name">{lang === 'en' ? firm.name_en || firm.name_zh : firm.name_zh || firm.name_en}</div>
                    <div className="result-table__detail">{firm.parcel_ids.length > 0 ? firm.parcel_ids.join('、') : t('analysis.chemical.noLand')}</div>
                  </td>
                  <td><ClassChip cls={firm.class} colors={FIRM_CLASS_COLORS} labelKey="analysis.chemical.class" /></td>
                  <td className="num">{formatMuValue(firm.held_mu, lang)}</td>
                  <td className="num">{formatMuValue(firm.inside_mu, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" className="button" data-action="chemical-csv"
              onClick={() => downloadBlob(`${t('analysis.csv.chemicalFile')}-${isoToday()}.csv`, new Blob([chemicalFirmsCsv(sortFirms(state.value.firms), lang, t)], { type: 'text/csv;charset=utf-8' }))}>
              <Icon name="download" /> CSV
            </button>
            <button type="button" className="link-button" onClick={() => { task.reset(); parkMap?.analysis.clearHighlights() }}>{t('analysis.overlap.clear')}</button>
          </div>
        </div>
      )}
    </div>
  )
}
