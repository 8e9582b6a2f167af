/** GET /api/public/parcels and /api/public/parcels/:id — the investor view. */
import type { Feature, Geometry } from 'geojson'
import type { Industry, LandUse, UtilityKind, UtilityStatus } from '../park-vocabulary'
import type { PlannedEntry, PlanningConditions, ReadinessEntry } from './portal'
import { READINESS_ITEMS } from '../readiness'

/** "Which utilities reach it": within this distance of the parcel's boundary, in metres. */
export const UTILITY_REACH_M = 200
/** "Who would be next door": firms within this distance of the parcel's boundary, in metres, nearest first. */
export const NEIGHBOUR_REACH_M = 500
/** At most this many of them (a sheet lists its neighbours, it is not a directory). */
export const NEIGHBOUR_LIMIT = 8
export const PUBLIC_PARCEL_LIMIT = { min: 1, max: 1000, fallback: 500 } as const
/** Parcel (and zone) ids of the park (FT-001, S-12…): anything else names no parcel. */
export const PARCEL_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'

export interface PublicParcelQuery {
  land_use?: LandUse
  zone_id?: string
  min_mu?: number
  max_mu?: number
  /** Price per mu range, 万元; parcels without a price are left out when either is given. */
  min_price?: number
  max_price?: number
  /** Comma-separated readiness items that must all be ready: `power,water_supply`. */
  ready?: string
  /** true: only parcels inside chemical cluster A ∪ B (false: no restriction, as if absent). */
  chemical?: boolean
  /** Only parcels whose planning conditions name this industry. */
  industry?: Industry
  limit?: number
}

/** The `ready` parameter: one or more readiness items, comma-separated. */
export const READY_PARAM_PATTERN = `^(${READINESS_ITEMS.join('|')})(,(${READINESS_ITEMS.join('|')}))*$`

export interface UtilityReach {
  id: string
  kind: UtilityKind
  name_zh: string
  name_en: string
  status: UtilityStatus
  distance_m: number
}

/** A firm near a parcel on offer, as the public map shows it: name and industry, no id. */
export interface NeighbourFirm {
  name_zh: string
  name_en: string
  industry: Industry
  distance_m: number
}
export interface PublicParcelProperties {
  zone_id: string
  zone_zh: string | null
  zone_en: string | null
  land_use: LandUse
  area_m2: number
  area_mu: number
  area_ha: number
  price_wan_per_mu: number | null
  /** Indicative: price per mu × mu, in 万元; the contract price is negotiated. */
  price_total_wan: number | null
  utility_reach_m: number
  utility_kinds: UtilityKind[]
  utilities: UtilityReach[]
  /** 七通一平, every item in READINESS_ITEMS order. */
  readiness: ReadinessEntry[]
  /** Networks planned or being built that would make an item ready, nearest first. */
  planned: PlannedEntry[]
  /** 标准地 控制指标; null while the park has set none for the parcel. */
  conditions: PlanningConditions | null
  neighbour_reach_m: number
  /** Firms within neighbour_reach_m, nearest first, at most NEIGHBOUR_LIMIT. */
  neighbours: NeighbourFirm[]
}

export type ParcelSheet = Feature<Geometry, PublicParcelProperties> & { id: string }

export interface PublicParcelsAnswer {
  type: 'FeatureCollection'
  numberReturned: number
  features: ParcelSheet[]
}
