/**
 * Area units of Chinese land administration and their display.
 *
 * 1 mu (亩) = 10000/15 m² exactly (市亩, the unit land documents use); 1 ha = 15 mu; 1 km² = 1500 mu.
 * Conversions multiply before dividing so that whole hectares and square kilometres map to
 * whole mu without binary rounding (m2ToMu(10000) === 15, not 15.000000000000002).
 *
 * Plain TypeScript: runs in the browser and on the server alike.
 */

/** Square metres in one mu: 666.666… (10000/15). */
export const M2_PER_MU = 10000 / 15
/** Mu in one hectare. */
export const MU_PER_HA = 15
/** Mu in one square kilometre. */
export const MU_PER_KM2 = 1500
/** Square metres in one hectare. */
export const M2_PER_HA = 10_000
/** Square metres in one square kilometre. */
export const M2_PER_KM2 = 1_000_000

/**
 * Square metres to mu.
 * @example m2ToMu(10000) // 15
 */
export function m2ToMu(m2: number): number {
  return (m2 * 15) / 10000
}

/**
 * Mu to square metres.
 * @example muToM2(15) // 10000
 */
export function muToM2(mu: number): number {
  return (mu * 10000) / 15
}

/**
 * Square metres to hectares.
 * @example m2ToHa(25000) // 2.5
 */
export function m2ToHa(m2: number): number {
  return m2 / M2_PER_HA
}

/**
 * Hectares to square metres.
 * @example haToM2(2.5) // 25000
 */
export function haToM2(ha: number): number {
  return ha * M2_PER_HA
}

/**
 * Square metres to square kilometres.
 * @example m2ToKm2(3_500_000) // 3.5
 */
export function m2ToKm2(m2: number): number {
  return m2 / M2_PER_KM2
}

/**
 * Square kilometres to square metres.
 * @example km2ToM2(3.5) // 3500000
 */
export function km2ToM2(km2: number): number {
  return km2 * M2_PER_KM2
}

/**
 * Hectares to mu.
 * @example haToMu(2) // 30
 */
export function haToMu(ha: number): number {
  return ha * MU_PER_HA
}

/**
 * Mu to hectares.
 * @example muToHa(30) // 2
 */
export function muToHa(mu: number): number {
  return mu / MU_PER_HA
}

/**
 * Square kilometres to mu.
 * @example km2ToMu(2) // 3000
 */
export function km2ToMu(km2: number): number {
  return km2 * MU_PER_KM2
}

/**
 * Mu to square kilometres.
 * @example muToKm2(3000) // 2
 */
export function muToKm2(mu: number): number {
  return mu / MU_PER_KM2
}

/** One area in the three units the API and the UI report. Values are not rounded. */
export interface AreaSummary {
  m2: number
  mu: number
  ha: number
}

/**
 * An area in m², mu and ha, unrounded (round only for display, with {@link formatMu}).
 * @example areaSummary(10000) // { m2: 10000, mu: 15, ha: 1 }
 */
export function areaSummary(m2: number): AreaSummary {
  return { m2, mu: m2ToMu(m2), ha: m2ToHa(m2) }
}

/** Shown instead of a number when the value is NaN or infinite. */
export const MISSING_VALUE = '—'

const numberFormats = new Map<string, Intl.NumberFormat>()

/** Intl.NumberFormat is slow to construct; a map view formats on every pointer move. */
function numberFormat(locale: string, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale}|${minDigits}|${maxDigits}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
      // "-0.00" for a value that rounds to zero would look like a bug.
      signDisplay: 'negative',
    })
    numberFormats.set(key, format)
  }
  return format
}

function isChinese(locale: string): boolean {
  return /^zh\b/i.test(locale)
}

/**
 * An area given in m², shown in mu with exactly 2 decimals and grouping.
 * Chinese locales get "亩", others "mu". Non-finite input gives "—" (never throws).
 * @example formatMu(823045.5, 'zh-CN') // "1,234.57 亩"
 * @example formatMu(823045.5, 'en')    // "1,234.57 mu"
 */
export function formatMu(m2: number, locale = 'zh-CN'): string {
  if (!Number.isFinite(m2)) return MISSING_VALUE
  const unit = isChinese(locale) ? '亩' : 'mu'
  return `${numberFormat(locale, 2, 2).format(m2ToMu(m2))} ${unit}`
}

const AREA_UNITS = {
  m2: { zh: '平方米', en: 'm²' },
  ha: { zh: '公顷', en: 'ha' },
  km2: { zh: '平方公里', en: 'km²' },
} as const

/**
 * An area given in m², in the unit that keeps the number readable: m² below 1 ha
 * (whole m² from 10 m² up, 2 decimals below), ha below 1 km², km² above; ha and km² with 2 decimals.
 * Chinese locales get 平方米 / 公顷 / 平方公里. Non-finite input gives "—" (never throws).
 * @example formatArea(850, 'en')           // "850 m²"
 * @example formatArea(125_000, 'zh-CN')    // "12.50 公顷"
 * @example formatArea(3_456_000, 'en')     // "3.46 km²"
 */
export function formatArea(m2: number, locale = 'zh-CN'): string {
  if (!Number.isFinite(m2)) return MISSING_VALUE
  const language = isChinese(locale) ? 'zh' : 'en'
  const size = Math.abs(m2)
  // Thresholds sit where the smaller unit would round up to the next one ("100.00 ha" → "1.00 km²").
  if (size >= M2_PER_KM2 - 50) {
    return `${numberFormat(locale, 2, 2).format(m2ToKm2(m2))} ${AREA_UNITS.km2[language]}`
  }
  if (size >= M2_PER_HA - 0.5) {
    return `${numberFormat(locale, 2, 2).format(m2ToHa(m2))} ${AREA_UNITS.ha[language]}`
  }
  const digits = size >= 10 ? 0 : 2
  return `${numberFormat(locale, digits, digits).format(m2)} ${AREA_UNITS.m2[language]}`
}
