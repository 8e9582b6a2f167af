/**
 * The per-mu (亩均效益) API as the client reads it: GET /api/metrics/per-mu, /dashboard and /grading
 * (server/metrics/*). The shared vocabulary (grades, indicators, settings) is web/src/shared's; the
 * response shapes are written out here, so the browser bundle never reaches into server code.
 */

export { GRADES, INDICATOR_CODES, NOT_GRADED_REASONS, WEIGHT_SETS } from '../../shared/per-mu-vocabulary'
export type { Grade, GradingConfig, GradingSettings, GradingUpdate, IndicatorCode, NotGradedReason, Thresholds, WeightSet } from '../../shared/per-mu-vocabulary'
import type { Grade, GradingConfig, IndicatorCode, NotGradedReason, WeightSet } from '../../shared/per-mu-vocabulary'

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
