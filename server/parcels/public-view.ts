import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Geometry } from 'geojson'
import type pg from 'pg'
import { areaSummary, muToM2 } from '../../web/src/shared/units'

const AVAILABLE_SQL = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql', 'available-parcels.sql'), 'utf8')

/** "Which utilities reach it": within this distance of the parcel's boundary, in metres. */
export const UTILITY_REACH_M = 200

/** Parcel ids of the park (FT-001, S-12…): anything else names no parcel. */
export const PARCEL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

export interface ParcelFilter {
  id?: string
  land_use?: string
  zone_id?: string
  min_mu?: number
  max_mu?: number
  limit: number
}

interface Row {
  id: string
  zone_id: string
  zone_zh: string | null
  zone_en: string | null
  land_use: string
  price_wan_per_mu: number | null
  area_m2: number
  geometry: Geometry
  utilities: { id: string; kind: string; name_zh: string; name_en: string; status: string; distance_m: number }[]
}

/** One parcel sheet as a GeoJSON Feature: what an investor needs to decide whether to ask. */
function parcelSheet(r: Row) {
  const area = areaSummary(r.area_m2)
  return {
    type: 'Feature' as const,
    id: r.id,
    geometry: r.geometry,
    properties: {
      zone_id: r.zone_id,
      zone_zh: r.zone_zh,
      zone_en: r.zone_en,
      land_use: r.land_use,
      area_m2: area.m2,
      area_mu: area.mu,
      area_ha: area.ha,
      price_wan_per_mu: r.price_wan_per_mu,
      // indicative: price per mu × mu, in 万元; the contract price is negotiated
      price_total_wan: r.price_wan_per_mu === null ? null : r.price_wan_per_mu * area.mu,
      utility_reach_m: UTILITY_REACH_M,
      utility_kinds: [...new Set(r.utilities.map((u) => u.kind))].sort(),
      utilities: r.utilities,
    },
  }
}

export type ParcelSheet = ReturnType<typeof parcelSheet>

/** Available parcels matching the filter, in id order, as public parcel sheets. */
export async function availableParcels(db: pg.Pool, f: ParcelFilter): Promise<ParcelSheet[]> {
  const { rows } = await db.query<Row>(AVAILABLE_SQL, [
    f.id ?? null,
    f.land_use ?? null,
    f.zone_id ?? null,
    f.min_mu === undefined ? null : muToM2(f.min_mu),
    f.max_mu === undefined ? null : muToM2(f.max_mu),
    UTILITY_REACH_M,
    f.limit,
  ])
  return rows.map(parcelSheet)
}
