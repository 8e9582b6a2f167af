import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isFigureKey, type FigureKey } from '../../lib/perMu/figures'
import { GRADE_COLORS, GRADE_TEXT } from '../../lib/perMu/palette'
import { nextSort, sortFirms, type SortKey, type SortState } from '../../lib/perMu/sortFirms'
import { GRADES, WEIGHT_SETS, type WeightSet } from '../../shared/per-mu-vocabulary'
import type { PerMuReport } from '../../shared/api/per-mu'
import { usePerMu } from './PerMuContext'
import { RankingTable } from './RankingTable'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

/** The group benchmark drawn on the bars: 100 for the score (a firm at every benchmark scores Σ weights = 100). */
function benchmarkOf(report: PerMuReport, group: WeightSet, figure: FigureKey): number | null {
  if (figure === 'score') return 100
  if (figure === 'tax_per_mu' || figure === 'value_added_per_mu') return report.benchmarks[group]?.[figure] ?? null
  return null
}

/** The ranking tab: one group at a time (ranks are per group), its grade counts, the table and bars. */
export function RankingView({ report, lang }: { report: PerMuReport; lang: 'zh-CN' | 'en' }) {
  const { t } = useTranslation()
  const { focusedFirmId, focusFirm } = usePerMu()
  const [group, setGroup] = useState<WeightSet>('above_scale')
  const [showNotGraded, setShowNotGraded] = useState(true)
  const [sort, setSort] = useState<SortState>({ key: 'rank', direction: 'asc' })
  const [chartFigure, setChartFigure] = useState<FigureKey>('score')

  const notGraded = report.enterprises.filter((f) => f.group === group && f.grade === null).length
  const rows = useMemo(() => {
    const shown = report.enterprises.filter((f) => f.group === group && (showNotGraded || f.grade !== null))
    return sortFirms(shown, sort, (f) => (lang === 'en' ? f.name_en : f.name_zh), lang)
  }, [report, group, showNotGraded, sort, lang])

  const onSort = (key: SortKey) => {
    setSort((s) => nextSort(s, key))
    // The bars follow the figure last sorted by; rank and grade are the score's order.
    if (isFigureKey(key)) setChartFigure(key)
    else if (key === 'rank' || key === 'grade') setChartFigure('score')
  }
  const counts = report.summary.groups[group]

  return (
    <div className="ranking-view">
      <div className="ranking-view__toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('perMu.groupLabel')}>
          {WEIGHT_SETS.map((g) => (
            <button key={g} type="button" role="radio" aria-checked={group === g} data-group={g} onClick={() => setGroup(g)}>
              {t(`perMu.group.${g}`)}
              <span className="segmented__count">{report.summary.groups[g].graded}</span>
            </button>
          ))}
        </div>
        <div className="grade-counts" aria-label={t('perMu.gradeCounts')}>
          <span className="grade-counts__total">{t('perMu.groupCount', { count: counts.graded })}</span>
          {GRADES.map((g) => (
            <span key={g} className="grade-counts__item" title={t(`perMu.grade.${g}`)}>
              <span className="grade-counts__chip" style={{ background: GRADE_COLORS[g], color: GRADE_TEXT[g] }}>{g}</span>
              {counts.grades[g]}
            </span>
          ))}
        </div>
        <label className="ranking-view__toggle">
          <input type="checkbox" checked={showNotGraded} onChange={(e) => setShowNotGraded(e.target.checked)} />
          {t('perMu.showNotGraded', { count: notGraded })}
        </label>
      </div>
      <div className="ranking-view__scroll">
        {rows.length === 0
          ? <p className="per-mu-muted">{t('perMu.noRows')}</p>
          : <RankingTable firms={rows} sort={sort} onSort={onSort} chartFigure={chartFigure} benchmark={benchmarkOf(report, group, chartFigure)}
              focusedId={focusedFirmId} onFocus={focusFirm} minMu={report.config.min_mu} lang={lang} />}
      </div>
    </div>
  )
}
