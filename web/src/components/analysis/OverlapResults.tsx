import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CLASS_ORDER, formatMuValue, formatShare, OVERLAP_CLASS_COLORS, overlapRows } from '../../lib/analysis/overlapFormat'
import type { OverlapLayerResult, OverlapResult } from '../../shared/api/overlap'
import type { Language } from '../../lib/featureDetails'
import { type LayerId } from '../../shared/park-vocabulary'
import { formatMu, m2ToHa } from '../../shared/units'
import { ClassChip } from './ClassChip'
import { Icon } from './Icon'
import { overlapCsv } from '../../lib/analysis/resultCsv'
import { downloadBlob, isoToday } from '../../lib/download'
import { addPanelStrings } from '../../i18n/panelStrings'
import { analysisZhCN } from '../../i18n/analysis.zh-CN'

addPanelStrings('analysis', analysisZhCN)

/** Rows shown per layer before "show all": a parcel list with include:'all' can run to hundreds. */
const FIRST_ROWS = 40

function LayerTable({ layer, lang, onFocus }: { layer: OverlapLayerResult; lang: Language; onFocus: (layer: LayerId, id: string) => void }) {
  const { t } = useTranslation()
  const [showAll, setShowAll] = useState(false)
  const rows = overlapRows(layer, lang, t)
  const shown = showAll ? rows : rows.slice(0, FIRST_ROWS)
  const { totals } = layer
  return (
    <details className="result-layer" data-layer={layer.id} open>
      <summary className="result-layer__head">
        <span className="result-layer__title">{t(`layer.${layer.id}`)}</span>
        <span className="result-layer__counts">
          {CLASS_ORDER.filter((c) => totals[c] > 0).map((c) => (
            <span key={c} className="count-chip" style={{ borderColor: OVERLAP_CLASS_COLORS[c] }} title={t(`analysis.overlap.class.${c}`)}>
              <span className="count-chip__dot" style={{ background: OVERLAP_CLASS_COLORS[c] }} />{totals[c]}
            </span>
          ))}
        </span>
      </summary>
      {layer.id !== 'enterprises' && totals.count > 0 && (
        <p className="result-layer__total">{t('analysis.overlap.totalMu', { mu: formatMuValue(totals.overlap_mu, lang), share: formatShare(totals.share_of_subject, lang) })}</p>
      )}
      {rows.length === 0 ? (
        <p className="result-layer__none">{t('analysis.overlap.none')}</p>
      ) : (
        <table className="result-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.overlap.column.name')}</th>
              <th scope="col">{t('analysis.overlap.column.class')}</th>
              <th scope="col" className="num">{t('analysis.overlap.column.mu')}</th>
              <th scope="col" className="num" title={t('analysis.overlap.shareHelp')}>{t('analysis.overlap.column.share')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.id} data-id={row.id} data-class={row.cls} tabIndex={0} title={t('analysis.overlap.focus')}
                onClick={() => onFocus(row.layer, row.id)} onKeyDown={(e) => e.key === 'Enter' && onFocus(row.layer, row.id)}>
                <td>
                  <div className="result-table__name">{row.name}</div>
                  {row.detail && <div className="result-table__detail">{row.detail}</div>}
                </td>
                <td><ClassChip cls={row.cls} colors={OVERLAP_CLASS_COLORS} labelKey="analysis.overlap.class" /></td>
                <td className="num">{row.overlapMu}</td>
                <td className="num">{row.share}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!showAll && rows.length > FIRST_ROWS && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>{t('analysis.overlap.showAll', { count: rows.length })}</button>
      )}
    </details>
  )
}

/** The answer of an overlap: the subject's area, then one table per layer; a row click flies to the feature. */
export function OverlapResults({ result, lang, missing, onFocus, onClear }: {
  result: OverlapResult
  lang: Language
  /** Result features not loaded on this map (not highlighted). */
  missing: number
  onFocus: (layer: LayerId, id: string) => void
  onClear: () => void
}) {
  const { t } = useTranslation()
  const ha = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(m2ToHa(result.subject.m2))
  return (
    <div className="overlap-results" data-ready="true">
      <div className="overlap-results__head">
        <span>{t('analysis.overlap.subjectArea', { mu: formatMu(result.subject.m2, lang), ha })}</span>
        <span className="actions">
          <button type="button" className="button" data-action="overlap-csv"
            onClick={() => downloadBlob(`${t('analysis.csv.overlapFile')}-${isoToday()}.csv`, new Blob([overlapCsv(result, lang, t)], { type: 'text/csv;charset=utf-8' }))}>
            <Icon name="download" /> CSV
          </button>
          <button type="button" className="link-button" onClick={onClear}>{t('analysis.overlap.clear')}</button>
        </span>
      </div>
      <div className="class-legend">
        {CLASS_ORDER.map((c) => <ClassChip key={c} cls={c} colors={OVERLAP_CLASS_COLORS} labelKey="analysis.overlap.class" />)}
      </div>
      {missing > 0 && <p className="note">{t('analysis.overlap.notLoaded', { count: missing })}</p>}
      {result.layers.map((layer) => <LayerTable key={layer.id} layer={layer} lang={lang} onFocus={onFocus} />)}
    </div>
  )
}
