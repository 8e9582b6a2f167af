/** GET /api/metrics/dashboard?year= — the half-year report's headline numbers (server/metrics/dashboard.ts). */
import type { IdleStage, ParcelStatus, ProjectStage, ZoneStatus } from '../park-vocabulary'

/** The above-scale firms' measures, in the order the report gives them. */
export const ABOVE_SCALE_MEASURES = ['revenue_wan', 'profit_wan', 'tax_wan', 'electricity_kwh'] as const
export type AboveScaleMeasure = (typeof ABOVE_SCALE_MEASURES)[number]

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

export interface ZoneLand extends LandTotal {
  id: string
  name_zh: string
  name_en: string
  status: ZoneStatus
  zone_mu: number
}

export interface Dashboard {
  year: number
  land: LandTotal & {
    by_zone: ZoneLand[]
    by_status: ({ status: ParcelStatus } & LandTotal)[]
    /** every parcel with an open idle-land case, at any of these stages */
    idle: LandTotal & { stages: readonly IdleStage[] }
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
    by_stage: { stage: ProjectStage; projects: number; investment_yi: number }[]
  }
}
