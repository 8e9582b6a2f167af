/** GET /api/public/parcels and /api/public/parcels/:id — the investor view. */
import type { Feature, Geometry } from 'geojson'
import type { LandUse, UtilityKind, UtilityStatus } from '../park-vocabulary'

/** "Which utilities reach it": within this distance of the parcel's boundary, in metres. */
export const UTILITY_REACH_M = 200
export const PUBLIC_PARCEL_LIMIT = { min: 1, max: 1000, fallback: 500 } as const
/** Parcel (and zone) ids of the park (FT-001, S-12…): anything else names no parcel. */
export const PARCEL_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'

export interface PublicParcelQuery {
  land_use?: LandUse
  zone_id?: string
  min_mu?: number
  max_mu?: number
  limit?: number
}

export interface UtilityReach {
  id: string
  kind: UtilityKind
  name_zh: string
  name_en: string
  status: UtilityStatus
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
}

export type ParcelSheet = Feature<Geometry, PublicParcelProperties> & { id: string }

export interface PublicParcelsAnswer {
  type: 'FeatureCollection'
  numberReturned: number
  features: ParcelSheet[]
}
