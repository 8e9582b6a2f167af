/**
 * How the measure tool writes its figures (lengths in m / km, areas in 亩 / ha / m²). Apart from
 * measure.ts so the toolbar can format without loading GeographicLib, which the figures need.
 */
import { MISSING_VALUE, type AreaSummary } from '../shared/units'

const formats = new Map<string, Intl.NumberFormat>()

/** Intl.NumberFormat is slow to construct and the figure is formatted on every pointer move. */
function fixed(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' })
    formats.set(key, format)
  }
  return format
}

const isChinese = (locale: string) => /^zh\b/i.test(locale)

/**
 * A length in m as the panel shows it: metres with 2 decimals below 1 km, kilometres with 3
 * above (the threshold sits where "1,000.00 m" would show). Chinese locales get 米 / 公里.
 * Non-finite input gives "—".
 * @example formatLength(123.456, 'en')  // "123.46 m"
 * @example formatLength(12345.6, 'zh-CN') // "12.346 公里"
 */
export function formatLength(m: number, locale = 'zh-CN'): string {
  if (!Number.isFinite(m)) return MISSING_VALUE
  const zh = isChinese(locale)
  if (Math.abs(m) >= 999.995) return `${fixed(locale, 3).format(m / 1000)} ${zh ? '公里' : 'km'}`
  return `${fixed(locale, 2).format(m)} ${zh ? '米' : 'm'}`
}

/** An area's three numbers as the panel's `areaValue` string takes them (units in the string). */
export interface AreaFigures {
  mu: string
  ha: string
  m2: string
}

/**
 * An area in the panel's three units, bare numbers: mu with 2 decimals, ha with 4 (a small plot
 * still shows), m² whole from 10 m² up (2 decimals below).
 * @example formatAreaFigures({ m2: 10830.22, mu: 16.2453, ha: 1.083022 }, 'en') // { mu: '16.25', ha: '1.0830', m2: '10,830' }
 */
export function formatAreaFigures(area: AreaSummary, locale = 'zh-CN'): AreaFigures {
  return {
    mu: fixed(locale, 2).format(area.mu),
    ha: fixed(locale, 4).format(area.ha),
    m2: fixed(locale, Math.abs(area.m2) >= 10 ? 0 : 2).format(area.m2),
  }
}
