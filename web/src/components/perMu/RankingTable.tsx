import { useTranslation } from 'react-i18next'
import type { FigureKey } from '../../lib/perMu/figures'
import { figureValue } from '../../lib/perMu/figures'
import { formatFigure } from '../../lib/perMu/format'
import { GRADE_COLORS, NOT_GRADED_STYLE } from '../../lib/perMu/palette'
import type { SortKey, SortState } from '../../lib/perMu/sortFirms'
import type { FirmResult } from '../../shared/api/per-mu'
import { GradeChip } from './GradeChip'
import { addPanelStrings } from '../../i18n/panelStrings'
import { perMuZhCN } from '../../i18n/perMu.zh-CN'

addPanelStrings('perMu', perMuZhCN)

const FIGURE_COLUMNS: readonly FigureKey[] = ['mu', 'tax_per_mu', 'revenue_per_mu', 'value_added_per_mu', 'electricity_kwh_per_mu', 'score']

/** The unit under a column title; land carries its unit in each cell (units.ts), the score has none. */
const UNIT_KEY: Partial<Record<FigureKey, string>> = {
  tax_per_mu: 'perMu.unit.wanPerMu', revenue_per_mu: 'perMu.unit.wanPerMu', value_added_per_mu: 'perMu.unit.wanPerMu',
  electricity_kwh_per_mu: 'perMu.unit.kwhPerMu',
}

interface Props {
  firms: FirmResult[]
  sort: SortState
  onSort: (key: SortKey) => void
  /** The figure the bars show, and its group benchmark (a tick on the bars) if it has one. */
  chartFigure: FigureKey
  benchmark: number | null
  focusedId: string | null
  onFocus: (firm: FirmResult) => void
  minMu: number
  lang: 'zh-CN' | 'en'
}

/** The ranking: sortable columns, a grade chip per firm and a bar of the chart figure beside each row. */
export function RankingTable({ firms, sort, onSort, chartFigure, benchmark, focusedId, onFocus, minMu, lang }: Props) {
  const { t } = useTranslation()
  const values = firms.map((f) => figureValue(f, chartFigure) ?? 0)
  const max = Math.max(...values, benchmark ?? 0, 0) || 1
  const header = (key: SortKey, label: string, unit?: string, numeric = false) => {
    const active = sort.key === key
    return (
      <th key={key} scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className={`sort${active ? ' sort--active' : ''}`} data-sort={key} onClick={() => onSort(key)} title={t('perMu.sortBy', { column: label })}>
          <span className="sort__label">{label}</span>
          {unit && <span className="sort__unit">{unit}</span>}
          {active && <span className="sort__arrow" aria-hidden="true">{sort.direction === 'asc' ? '▲' : '▼'}</span>}
        </button>
      </th>
    )
  }

  return (
    <table className="ranking">
      {/* Fixed layout: long names and "not graded" reasons wrap or clip instead of pushing the bars out of view. */}
      <colgroup>
        <col className="ranking__col-rank" />
        <col className="ranking__col-firm" />
        <col className="ranking__col-grade" />
        {FIGURE_COLUMNS.map((key) => <col key={key} className="ranking__col-num" />)}
        <col />
      </colgroup>
      <thead>
        <tr>
          {header('rank', t('perMu.column.rank'), undefined, true)}
          {header('name', t('perMu.column.firm'))}
          {header('grade', t('perMu.column.grade'))}
          {FIGURE_COLUMNS.map((key) => header(key, t(`perMu.columnShort.${key}`, { defaultValue: t(`perMu.column.${key}`) }), UNIT_KEY[key] && t(UNIT_KEY[key]), true))}
          <th scope="col" className="ranking__chart-head">
            <span>{t('perMu.chart', { figure: t(`perMu.column.${chartFigure}`) })}</span>
            {benchmark !== null && <span className="ranking__benchmark-key">{t('perMu.benchmark', { value: formatFigure(chartFigure, benchmark, lang) })}</span>}
          </th>
        </tr>
      </thead>
      <tbody>
        {firms.map((firm) => {
          const hasLand = firm.parcel_ids.length > 0
          const value = figureValue(firm, chartFigure)
          return (
            <tr key={firm.id} data-firm={firm.id} data-rank={firm.rank ?? ''} tabIndex={hasLand ? 0 : -1}
              className={`${firm.id === focusedId ? 'ranking__row--focused' : ''}${hasLand ? '' : ' ranking__row--no-land'}`}
              aria-selected={firm.id === focusedId} title={hasLand ? t('perMu.locate') : t('perMu.noLand')}
              onClick={() => hasLand && onFocus(firm)}
              onKeyDown={(e) => { if (hasLand && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); onFocus(firm) } }}>
              <td className="num ranking__rank">{firm.rank ?? '—'}</td>
              <td className="ranking__firm" title={`${firm.name_zh} ${firm.name_en}`}>
                <span className="ranking__name" lang={lang === 'en' ? 'en' : 'zh-CN'}>{lang === 'en' ? firm.name_en : firm.name_zh}</span>
                {lang === 'en' && <span className="ranking__gloss" lang="zh-CN">{firm.name_zh}</span>}
              </td>
              <td><GradeChip firm={firm} minMu={minMu} /></td>
              {FIGURE_COLUMNS.map((key) => <td key={key} className={`num${sort.key === key ? ' num--sorted' : ''}`}>{formatFigure(key, figureValue(firm, key), lang)}</td>)}
              <td className="ranking__chart" aria-hidden="true">
                <div className="bar-track">
                  <span className="bar" style={{ width: `${(Math.max(0, value ?? 0) / max) * 100}%`, background: firm.grade ? GRADE_COLORS[firm.grade] : NOT_GRADED_STYLE.hatch }} />
                  {benchmark !== null && <span className="bar__benchmark" style={{ left: `${(benchmark / max) * 100}%` }} />}
                </div>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
