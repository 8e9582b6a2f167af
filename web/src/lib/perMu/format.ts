import { formatMu, MISSING_VALUE, muToM2 } from '../../shared/units'
import type { FigureKey } from './figures'

/**
 * Numbers of the per-mu panel and the dashboard, as a Chinese park report writes them: money in
 * 万元 and 亿元 (1 亿 = 10,000 万), energy in 万/亿千瓦时; in English the same amounts in yuan with
 * M / bn. Land goes through units.ts (always mu with 2 decimals). Missing values give "—".
 */

const formats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: string, digits: number, sign: 'negative' | 'exceptZero'): Intl.NumberFormat {
  const key = `${locale}|${digits}|${sign}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: sign })
    formats.set(key, format)
  }
  return format
}

const isChinese = (locale: string) => /^zh\b/i.test(locale)
const missing = (value: number | null | undefined): value is null | undefined => typeof value !== 'number' || !Number.isFinite(value)

/**
 * A number with grouping and a fixed number of decimals.
 * @example formatNumber(187269.35, 'en', 0) // "187,269"
 */
export function formatNumber(value: number | null | undefined, locale: string, digits: number): string {
  return missing(value) ? MISSING_VALUE : numberFormat(locale, digits, 'negative').format(value)
}

/** Decimals per figure: money per mu to the 100 yuan, electricity to the kWh, the score to a tenth. */
const FIGURE_DIGITS: Record<Exclude<FigureKey, 'mu'>, number> = {
  tax_per_mu: 2, revenue_per_mu: 2, value_added_per_mu: 2, electricity_kwh_per_mu: 0, score: 1,
}

/**
 * A table cell: land as mu with its unit (units.ts), the rest as bare numbers under a header that names the unit.
 * @example formatFigure('mu', 309.576, 'zh-CN') // "309.58 亩"
 * @example formatFigure('tax_per_mu', 19.4986, 'en') // "19.50"
 */
export function formatFigure(key: FigureKey, value: number | null | undefined, locale: string): string {
  if (missing(value)) return MISSING_VALUE
  return key === 'mu' ? formatMu(muToM2(value), locale) : formatNumber(value, locale, FIGURE_DIGITS[key])
}

/**
 * An amount of land given in mu (as the dashboard API sends it), with its unit.
 * @example formatLandMu(2979.9535, 'zh-CN') // "2,979.95 亩"
 */
export function formatLandMu(mu: number | null | undefined, locale: string): string {
  return missing(mu) ? MISSING_VALUE : formatMu(muToM2(mu), locale)
}

/**
 * A sum of money given in 万元: 亿元 from 1 亿 up, else 万元; in English, yuan in bn or M.
 * @example formatWan(1543820.8, 'zh-CN') // "154.38 亿元"
 * @example formatWan(1543820.8, 'en')    // "CNY 15.44 bn"
 */
export function formatWan(wan: number | null | undefined, locale: string): string {
  if (missing(wan)) return MISSING_VALUE
  if (isChinese(locale)) {
    return Math.abs(wan) >= 10_000 ? `${formatNumber(wan / 10_000, locale, 2)} 亿元` : `${formatNumber(wan, locale, 2)} 万元`
  }
  const yuan = wan * 10_000
  return Math.abs(yuan) >= 1e9 ? `CNY ${formatNumber(yuan / 1e9, locale, 2)} bn` : `CNY ${formatNumber(yuan / 1e6, locale, 2)} M`
}

/**
 * An investment given in 亿元 (how projects are counted).
 * @example formatYi(388.7, 'zh-CN') // "388.70 亿元"
 * @example formatYi(388.7, 'en')    // "CNY 38.87 bn"
 */
export function formatYi(yi: number | null | undefined, locale: string): string {
  return missing(yi) ? MISSING_VALUE : formatWan(yi * 10_000, locale)
}

/**
 * Electricity in kWh: 亿 / 万千瓦时 in Chinese, bn / M kWh in English.
 * @example formatKwh(1747138700, 'zh-CN') // "17.47 亿千瓦时"
 * @example formatKwh(1747138700, 'en')    // "1.75 bn kWh"
 */
export function formatKwh(kwh: number | null | undefined, locale: string): string {
  if (missing(kwh)) return MISSING_VALUE
  if (isChinese(locale)) {
    return Math.abs(kwh) >= 1e8 ? `${formatNumber(kwh / 1e8, locale, 2)} 亿千瓦时` : `${formatNumber(kwh / 1e4, locale, 2)} 万千瓦时`
  }
  return Math.abs(kwh) >= 1e9 ? `${formatNumber(kwh / 1e9, locale, 2)} bn kWh` : `${formatNumber(kwh / 1e6, locale, 2)} M kWh`
}

/**
 * A year-on-year change in per cent, always signed; "—" when there is nothing to compare with.
 * @example formatGrowth(18.3078, 'zh-CN') // "+18.3%"
 * @example formatGrowth(-2.05, 'en')      // "-2.1%"
 */
export function formatGrowth(pct: number | null | undefined, locale: string): string {
  return missing(pct) ? MISSING_VALUE : `${numberFormat(locale, 1, 'exceptZero').format(pct)}%`
}
