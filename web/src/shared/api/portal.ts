/**
 * The investor portal's shapes beyond the parcel list itself (api/public-parcels.ts):
 * readiness (七通一平), planning conditions (标准地 控制指标), the readiness thresholds an admin
 * sets, and inquiries.
 *   GET  /api/admin/readiness-thresholds, PUT (If-Match)           — ReadinessConfig / ReadinessUpdate
 *   GET  /api/parcels/:id/conditions, PUT (If-Match)               — ConditionsRow / ConditionsUpdate
 *   POST /api/public/parcels/:id/inquiries                         — NewInquiry → InquiryReceipt
 *   GET  /api/inquiries, PATCH /api/inquiries/:id (If-Match)       — InquiriesAnswer / InquiryChanges
 *   GET  /api/favourites, PUT / DELETE /api/favourites/:parcelId    — FavouritesAnswer (204 on writes)
 */
import type { Industry, InquiryStatus } from '../park-vocabulary'
import type { NetworkItem, PlannedStatus, ReadinessItem, ReadinessThresholds } from '../readiness'

/** One item of 七通一平 for one parcel. */
export interface ReadinessEntry {
  item: ReadinessItem
  /** Within the item's threshold of an existing network (for `leveled`: the site is levelled). */
  ready: boolean
  /**
   * Ellipsoidal distance in metres (2 decimals) from the parcel to the nearest existing network
   * serving the item; 0 when they touch; null when there is none (and always for `leveled`).
   */
  distance_m: number | null
  /** That network: a utilities id, or for `road` the base map road's id (road-main-01…); null when none. */
  utility_id: string | null
}

/** A planned or under-construction network that would make an item ready once built (within its threshold). */
export interface PlannedEntry {
  item: NetworkItem
  utility_id: string
  status: PlannedStatus
  /** YYYY-MM-DD, when the park has announced one. */
  expected_date: string | null
  distance_m: number
}

/** 标准地 控制指标: the figures an investor commits to when taking the parcel. */
export interface PlanningConditions {
  /** 投资强度 ≥, 万元/亩. */
  min_investment_wan_per_mu: number
  /** 容积率 range. */
  min_plot_ratio: number
  max_plot_ratio: number
  /** 建筑密度 ≤, % of the parcel. */
  max_building_coverage_pct: number
  /** 亩均税收 ≥, 万元/亩 a year. */
  min_tax_wan_per_mu: number
  /** 单位产出能耗 ≤, tonnes of coal equivalent per 万元 of output. */
  max_energy_tce_per_wan: number
  /** The industries the parcel suits (INDUSTRIES codes). */
  industries: Industry[]
}
export const CONDITION_FIELDS = [
  'min_investment_wan_per_mu', 'min_plot_ratio', 'max_plot_ratio', 'max_building_coverage_pct',
  'min_tax_wan_per_mu', 'max_energy_tce_per_wan', 'industries',
] as const satisfies readonly (keyof PlanningConditions)[]

/**
 * What each figure may be: above `above` (or at least `min`), at most `max`. The route's schema and
 * the land officers' form read the same bounds (the migration's CHECKs hold the signs too).
 */
export const CONDITION_RANGES: Readonly<Record<Exclude<keyof PlanningConditions, 'industries'>, { above?: number; min?: number; max: number }>> = {
  min_investment_wan_per_mu: { above: 0, max: 1e5 },
  min_plot_ratio: { above: 0, max: 20 },
  max_plot_ratio: { above: 0, max: 20 },
  max_building_coverage_pct: { above: 0, max: 100 },
  min_tax_wan_per_mu: { min: 0, max: 1e5 },
  max_energy_tce_per_wan: { above: 0, max: 100 },
}

/** PUT /api/parcels/:id/conditions: the whole set; version 0 (or If-Match "0") creates it. */
export interface ConditionsUpdate extends PlanningConditions {
  version?: number
}
/** The internal row (land officers, admins), also the PUT answer; ETag = version. */
export interface ConditionsRow extends PlanningConditions {
  parcel_id: string
  version: number
  updated_at: string
}

/** GET /api/admin/readiness-thresholds (ETag = version). */
export interface ReadinessConfig {
  version: number
  /** Metres per network item. */
  thresholds: ReadinessThresholds
  updated_at: string
  updated_by: string
}
/** PUT /api/admin/readiness-thresholds: every item; the version by If-Match or in the body. */
export interface ReadinessUpdate {
  thresholds: ReadinessThresholds
  version?: number
}

/** Bounds on an inquiry's fields, in characters. */
export const INQUIRY_LIMITS = { name: 100, company: 200, contact: 200, message: 4000 } as const
/** Inquiries a minute per address (per account when signed in): a person writes a few, a script many. */
export const INQUIRY_PER_MINUTE = 5

export interface NewInquiry {
  name: string
  company?: string | null
  /** Phone, e-mail or WeChat: how the park answers. */
  contact: string
  message: string
}
/** The whole answer to POST /api/public/parcels/:id/inquiries (201). */
export interface InquiryReceipt {
  id: string
  status: InquiryStatus
}

/** An inquiry as its sender (a signed-in investor) sees it: nothing of the park's handling but the status. */
export interface OwnInquiry {
  id: string
  parcel_id: string
  name: string
  company: string | null
  contact: string
  message: string
  status: InquiryStatus
  created_at: string
}
/** An inquiry as land officers and admins see it. */
export interface InquiryRow extends OwnInquiry {
  /** The signed-in investor who sent it; null for the public. */
  user_id: number | null
  note: string | null
  version: number
  updated_at: string
}
export interface InquiriesAnswer<T extends OwnInquiry = OwnInquiry | InquiryRow> {
  inquiries: T[]
}
/** PATCH /api/inquiries/:id. */
export interface InquiryChanges {
  status?: InquiryStatus
  note?: string | null
  version?: number
}

/** GET /api/favourites: a signed-in investor's parcels still on offer, in the order they were kept. */
export interface FavouritesAnswer {
  parcel_ids: string[]
}
/** Favourites an account may keep: a short list to come back to, not a copy of the offer. */
export const FAVOURITE_LIMIT = 100
