/**
 * The per-mu (亩均效益) API as the client reads it: GET /api/metrics/per-mu, /dashboard and /grading
 * (server/metrics/*). Written out here rather than imported, so the browser bundle never reaches into
 * server code; the e2e test compares what the table shows with what the API sends.
 */

export const GRADES = ['A', 'B', 'C', 'D'] as const
export type Grade = (typeof GRADES)[number]

/** Above-scale firms (规上) and the others (规下) are scored with different weights and ranked apart. */
export const WEIGHT_SETS = ['above_scale', 'small'] as const
export type WeightSet = (typeof WEIGHT_SETS)[number]

export const INDICATOR_CODES = [
  'tax_per_mu', 'value_added_per_mu', 'value_added_per_tce', 'value_added_per_kwh',
  'labour_productivity', 'rnd_share', 'tax_per_kwh',
] as const
export type IndicatorCode = (typeof INDICATOR_CODES)[number]

export const NOT_GRADED_REASONS = ['no_parcel', 'no_figures', 'started_this_year', 'under_min_mu', 'incomplete_figures'] as const
export type NotGradedReason = (typeof NOT_GRADED_REASONS)[number]

export interface FirmResult {
  id: string
  name_zh: string
  name_en: string
  industry: string
  above_scale: boolean
  group: WeightSet
  started_year: number | null
  parcel_ids: string[]
  mu: number
  /** 万元/亩 */
  revenue_per_mu: number | null
  tax_per_mu: number | null
  profit_per_mu: number | null
  value_added_per_mu: number | null
  /** kWh/亩 */
  electricity_kwh_per_mu: number | null
  indicators: Record<IndicatorCode, number | null>
  score: number | null
  /** Rank within the firm's group (competition ranking: ties share a rank). */
  rank: number | null
  grade: Grade | null
  reason: NotGradedReason | null
  missing?: string[]
}

export interface Thresholds {
  A: number
  B: number
  C: number
}

export interface GradingSettings {
  benchmark: 'mean' | 'median'
  thresholds: Thresholds
  min_mu: number
  weights: Record<WeightSet, Partial<Record<IndicatorCode, number>>>
}

export interface GradingConfig extends GradingSettings {
  version: number
  updated_at: string
  updated_by: string
}

/** PUT /api/metrics/grading: the whole configuration and the version it was read at. */
export interface GradingUpdate extends GradingSettings {
  version: number
}

export interface IndicatorInfo {
  code: IndicatorCode
  name_zh: string
  name_en: string
  unit: string
}

export interface PerMuReport {
  year: number
  years: number[]
  config: GradingConfig
  benchmarks: Record<WeightSet, Record<IndicatorCode, number | null>>
  indicators: IndicatorInfo[]
  summary: {
    firms: number
    graded: number
    grades: Record<Grade, number>
    groups: Record<WeightSet, { graded: number; grades: Record<Grade, number> }>
    not_graded: Record<NotGradedReason, number>
  }
  enterprises: FirmResult[]
}

export interface LandTotal {
  parcels: number
  mu: number
}

export interface IndustryPerMu {
  firms: number
  mu: number
  revenue_wan: number
  tax_wan: number
  revenue_per_mu: number | null
  tax_per_mu: number | null
}

export interface Growth {
  firms: number
  current: number
  previous: number
  growth_pct: number | null
}

export const ABOVE_SCALE_MEASURES = ['revenue_wan', 'tax_wan', 'profit_wan', 'electricity_kwh'] as const
export type AboveScaleMeasure = (typeof ABOVE_SCALE_MEASURES)[number]

export interface Dashboard {
  year: number
  land: LandTotal & {
    by_zone: { id: string; name_zh: string; name_en: string; status: string; zone_mu: number; parcels: number; mu: number }[]
    by_status: ({ status: string } & LandTotal)[]
    idle: LandTotal
    available: LandTotal
    revitalised: LandTotal
  }
  per_mu_by_industry: {
    industries: ({ industry: string } & IndustryPerMu)[]
    park: IndustryPerMu
  }
  above_scale: { firms: number; reporting: number; year_on_year: Record<AboveScaleMeasure, Growth> } & Record<AboveScaleMeasure, number>
  major_projects: {
    projects: number
    investment_yi: number
    by_stage: { stage: string; projects: number; investment_yi: number }[]
  }
}
