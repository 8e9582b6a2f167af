import { formatMu, m2ToHa } from '../shared/units'

/**
 * The area line of a popup, from the server's ellipsoidal `area_m2` — never from turf.area,
 * which is spherical and reads ~0.14 % high at the park's latitude. `mu` carries its unit
 * (亩 / mu, from shared/units); `ha` is the bare number, 2 decimals, for the caller's unit label.
 *
 * @example formatArea(6666.67, 'zh-CN') // { mu: '10.00 亩', ha: '0.67' }
 */
export function formatArea(m2: number, locale: string): { mu: string; ha: string } {
  const ha = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(m2ToHa(m2))
  return { mu: formatMu(m2, locale), ha }
}
