/**
 * GET /api/metrics/per-mu?year= — the 亩均效益 evaluation of a year (server/metrics/per-mu-*.ts),
 * and the figures it is computed from. The words (grades, indicators, reasons) are per-mu-vocabulary's.
 */
import type { Grade, GradingConfig, IndicatorCode, NotGradedReason, WeightSet } from '../per-mu-vocabulary'

/** enterprise_figures.year is CHECKed to this range (migration 001). */
export const YEAR_RANGE = { min: 2000, max: 2100 } as const

export interface YearQuery {
  year?: number
}

/** One firm's figures for one year, as enterprise_figures holds them (万元, kWh, tce, persons). */
export interface YearFigures {
  revenue_wan: number | null
  value_added_wan: number | null
  profit_wan: number | null
  tax_wan: number | null
  electricity_kwh: number | null
  energy_tce: number | null
  rnd_wan: number | null
  employees: number | null
}

export type FigureField = keyof YearFigures

/** The per-mu figures the land office reads beside the score (亩均营收, 亩均税收, …). */
export interface PerMuFigures {
  /** 万元/亩 */
  revenue_per_mu: number | null
  tax_per_mu: number | null
  profit_per_mu: number | null
  value_added_per_mu: number | null
  /** kWh/亩 */
  electricity_kwh_per_mu: number | null
  /** revenue ÷ electricity, 元/kWh */
  revenue_per_kwh: number | null
  /** 万元/tce */
  value_added_per_tce: number | null
}

export interface FirmResult extends PerMuFigures {
  id: string
  name_zh: string
  name_en: string
  industry: string
  above_scale: boolean
  group: WeightSet
  started_year: number | null
  parcel_ids: string[]
  mu: number
  indicators: Record<IndicatorCode, number | null>
  /** Each weighted indicator's share of the score; null when not graded. */
  points: Partial<Record<IndicatorCode, number>> | null
  score: number | null
  /** Rank within the firm's group (competition ranking: ties share a rank). */
  rank: number | null
  grade: Grade | null
  reason: NotGradedReason | null
  /** With reason incomplete_figures: the figures missing (or zero where they divide). */
  missing?: FigureField[]
}

export type Benchmarks = Record<WeightSet, Record<IndicatorCode, number | null>>

export interface EvaluationSummary {
  firms: number
  graded: number
  grades: Record<Grade, number>
  groups: Record<WeightSet, { graded: number; grades: Record<Grade, number> }>
  not_graded: Record<NotGradedReason, number>
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
  benchmarks: Benchmarks
  indicators: IndicatorInfo[]
  summary: EvaluationSummary
  enterprises: FirmResult[]
}
