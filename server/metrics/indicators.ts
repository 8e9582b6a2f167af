/**
 * The 亩均效益 indicators and the per-mu figures, computed from one firm's yearly figures and the
 * land it holds. Pure: no database, no Node. Every value is a finite number or null — a missing
 * input or a zero denominator gives null, never NaN or Infinity.
 *
 * Units: money in the figures is 万元 (10,000 yuan); per-kWh values are given in 元 (yuan), the
 * unit electricity prices are quoted in, hence the ×10,000.
 */

import type { FigureField, PerMuFigures, YearFigures } from '../../web/src/shared/api/per-mu'
import type { IndicatorCode } from '../../web/src/shared/per-mu-vocabulary'

export interface IndicatorDef {
  code: IndicatorCode
  name_zh: string
  name_en: string
  unit: string
  numerator: FigureField
  /** 'mu' is the land held; every other denominator is a figure. */
  denominator: FigureField | 'mu'
  factor: number
}

const YUAN_PER_WAN = 10_000

/** The catalogue, in the order reports list them. */
export const INDICATORS: readonly IndicatorDef[] = [
  { code: 'tax_per_mu', name_zh: '亩均税收', name_en: 'tax per mu', unit: '万元/亩', numerator: 'tax_wan', denominator: 'mu', factor: 1 },
  { code: 'value_added_per_mu', name_zh: '亩均工业增加值', name_en: 'value added per mu', unit: '万元/亩', numerator: 'value_added_wan', denominator: 'mu', factor: 1 },
  { code: 'value_added_per_tce', name_zh: '单位能耗工业增加值', name_en: 'value added per tce of energy', unit: '万元/tce', numerator: 'value_added_wan', denominator: 'energy_tce', factor: 1 },
  // Stands in for Zhejiang's value added per unit of emissions: the park holds no emissions data.
  { code: 'value_added_per_kwh', name_zh: '单位电耗工业增加值（代替单位排放增加值）', name_en: 'value added per kWh (stands in for per unit of emissions)', unit: '元/kWh', numerator: 'value_added_wan', denominator: 'electricity_kwh', factor: YUAN_PER_WAN },
  { code: 'labour_productivity', name_zh: '全员劳动生产率', name_en: 'labour productivity (value added per employee)', unit: '万元/人', numerator: 'value_added_wan', denominator: 'employees', factor: 1 },
  { code: 'rnd_share', name_zh: '研发经费支出占营业收入比重', name_en: 'R&D share of revenue', unit: '%', numerator: 'rnd_wan', denominator: 'revenue_wan', factor: 100 },
  { code: 'tax_per_kwh', name_zh: '单位电耗税收', name_en: 'tax per kWh', unit: '元/kWh', numerator: 'tax_wan', denominator: 'electricity_kwh', factor: YUAN_PER_WAN },
]

/**
 * numerator ÷ denominator × factor, or null when an input is missing, the denominator is not
 * positive, or the result is not finite.
 * @example ratio(30, 4) // 7.5
 * @example ratio(30, 0) // null
 */
export function ratio(numerator: number | null, denominator: number | null, factor = 1): number | null {
  if (numerator === null || denominator === null || !(denominator > 0)) return null
  const value = (numerator * factor) / denominator
  return Number.isFinite(value) ? value : null
}

function input(figures: YearFigures, mu: number, field: FigureField | 'mu'): number | null {
  return field === 'mu' ? mu : figures[field]
}

/**
 * Every indicator's value for one firm (null where it cannot be computed).
 * @example indicatorValues({ tax_wan: 300, ... }, 10).tax_per_mu // 30
 */
export function indicatorValues(figures: YearFigures | null, mu: number): Record<IndicatorCode, number | null> {
  const out = {} as Record<IndicatorCode, number | null>
  for (const d of INDICATORS) {
    out[d.code] = figures === null ? null : ratio(figures[d.numerator], input(figures, mu, d.denominator), d.factor)
  }
  return out
}

/**
 * The figures an indicator needs that are missing or, as a denominator, not positive — why the
 * indicator is null. Land (`mu`) is not listed: firms without land are excluded before this.
 * @example missingInputs('rnd_share', { rnd_wan: null, revenue_wan: 0, ... }, 5) // ['rnd_wan', 'revenue_wan']
 */
export function missingInputs(code: IndicatorCode, figures: YearFigures, mu: number): FigureField[] {
  const d = INDICATORS.find((i) => i.code === code)!
  const out: FigureField[] = []
  if (figures[d.numerator] === null) out.push(d.numerator)
  if (d.denominator !== 'mu' && !((input(figures, mu, d.denominator) ?? 0) > 0)) out.push(d.denominator)
  return out
}

/**
 * A firm's per-mu figures (null where the input is missing or the firm holds no land).
 * @example perMuFigures({ revenue_wan: 1000, ... }, 10).revenue_per_mu // 100
 */
export function perMuFigures(figures: YearFigures | null, mu: number): PerMuFigures {
  const f = figures
  return {
    revenue_per_mu: f && ratio(f.revenue_wan, mu),
    tax_per_mu: f && ratio(f.tax_wan, mu),
    profit_per_mu: f && ratio(f.profit_wan, mu),
    value_added_per_mu: f && ratio(f.value_added_wan, mu),
    electricity_kwh_per_mu: f && ratio(f.electricity_kwh, mu),
    revenue_per_kwh: f && ratio(f.revenue_wan, f.electricity_kwh, YUAN_PER_WAN),
    value_added_per_tce: f && ratio(f.value_added_wan, f.energy_tce),
  }
}
