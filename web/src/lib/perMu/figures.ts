import type { FirmResult } from '../../shared/api/per-mu'

/**
 * The per-mu figures the ranking table shows and the map can be coloured by. Money per mu is
 * 万元/亩 as the API gives it; electricity is kWh/亩; the score is the weighted sum (100 ≈ benchmark).
 */
export const FIGURE_KEYS = ['mu', 'tax_per_mu', 'revenue_per_mu', 'value_added_per_mu', 'electricity_kwh_per_mu', 'score'] as const
export type FigureKey = (typeof FIGURE_KEYS)[number]

/** Figures a choropleth makes sense for (land held is a size, not an efficiency). */
export const THEMATIC_FIGURES = ['tax_per_mu', 'revenue_per_mu', 'value_added_per_mu', 'electricity_kwh_per_mu', 'score'] as const satisfies readonly FigureKey[]
export type ThematicFigure = (typeof THEMATIC_FIGURES)[number]

/** Electricity per mu is a cost to the park (energy quotas): more is worse, unlike the others. */
export const LOWER_IS_BETTER: ReadonlySet<FigureKey> = new Set(['electricity_kwh_per_mu'])

/**
 * A firm's value of a figure, or null where the API could not compute it.
 * @example figureValue(firm, 'tax_per_mu') // 19.4986
 */
export function figureValue(firm: FirmResult, key: FigureKey): number | null {
  const value = firm[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

export function isFigureKey(value: string): value is FigureKey {
  return (FIGURE_KEYS as readonly string[]).includes(value)
}
