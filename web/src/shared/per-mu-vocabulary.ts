/**
 * The words of the per-mu (亩均效益) evaluation that the server computes with and the browser
 * shows: grades, weight sets, indicator codes, reasons for not grading, and the grading settings.
 * One definition for both sides (server/metrics/*, web/src/lib/perMu/*); plain TypeScript.
 */

export const GRADES = ['A', 'B', 'C', 'D'] as const
export type Grade = (typeof GRADES)[number]

/** Above-scale firms (规上) and the others (规下) are scored on different weight sets and graded apart. */
export const WEIGHT_SETS = ['above_scale', 'small'] as const
export type WeightSet = (typeof WEIGHT_SETS)[number]

/** The indicators, in the order tables and weight forms show them. */
export const INDICATOR_CODES = [
  'tax_per_mu',
  'value_added_per_mu',
  'value_added_per_tce',
  'value_added_per_kwh',
  'labour_productivity',
  'rnd_share',
  'tax_per_kwh',
] as const
export type IndicatorCode = (typeof INDICATOR_CODES)[number]

/** Why a firm is listed without a grade, checked in this order. */
export const NOT_GRADED_REASONS = ['no_parcel', 'no_figures', 'started_this_year', 'under_min_mu', 'incomplete_figures'] as const
export type NotGradedReason = (typeof NOT_GRADED_REASONS)[number]

export type Weights = Partial<Record<IndicatorCode, number>>

/** What a firm's indicator is compared with: the group's mean or its median. */
export const BENCHMARKS = ['mean', 'median'] as const
export type Benchmark = (typeof BENCHMARKS)[number]

/** Cumulative rank percentiles: A = top A %, B = to B %, C = to C %, D = the rest. */
export interface Thresholds {
  A: number
  B: number
  C: number
}

export interface GradingSettings {
  benchmark: Benchmark
  thresholds: Thresholds
  min_mu: number
  weights: Record<WeightSet, Weights>
}

export interface GradingConfig extends GradingSettings {
  version: number
  updated_at: string
  updated_by: string
}

/** A PUT body: the whole configuration, and the version it was read at. */
export interface GradingUpdate extends GradingSettings {
  version: number
}
