import type { Grade } from '../../shared/per-mu-vocabulary'

/**
 * Colours of the per-mu map and panel. Grades run green → red like a traffic light because a D
 * has consequences (dearer power, smaller energy quota); figures use ColorBrewer's 5-class
 * sequential ramps, light = low, so the map reads without a legend at a glance.
 */

export const GRADE_COLORS: Record<Grade, string> = {
  A: '#1a7a3c',
  B: '#8cc665',
  C: '#f4b53f',
  D: '#d42f27',
}

/** Text on a grade chip: white where the chip is dark enough. */
export const GRADE_TEXT: Record<Grade, string> = { A: '#ffffff', B: '#173b12', C: '#4a3300', D: '#ffffff' }

/** Firms in the evaluation without a grade (or without the figure): grey with a hatch, "known, not scored". */
export const NOT_GRADED_STYLE = { fill: '#d9dde2', hatch: '#7d8792' } as const

/** Parcels no evaluated firm holds (available, reserved, roads…): pale, so the themed plots stand out. */
export const UNTHEMED_FILL = '#f3f1ec'

/** YlGnBu: more output per mu is better. */
const OUTPUT_RAMP = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const
/** YlOrRd: more electricity per mu is the cost the park rations. */
const COST_RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const

/**
 * `count` colours from a 5-step ramp, spread over its whole length so fewer classes still run light → dark.
 * @example sequentialColors(3, 'output') // ['#ffffcc', '#41b6c4', '#253494']
 */
export function sequentialColors(count: number, ramp: 'output' | 'cost'): string[] {
  const colors = ramp === 'cost' ? COST_RAMP : OUTPUT_RAMP
  if (count <= 1) return [colors[colors.length - 1]!]
  return Array.from({ length: count }, (_, i) => colors[Math.round((i * (colors.length - 1)) / (count - 1))]!)
}
