import type { Geometry } from 'geojson'
import type pg from 'pg'
import { publicViewOf, viewRelation } from '../layers/catalog'
import { areaSummary, muToM2 } from '../../web/src/shared/units'
import { UTILITY_REACH_M, type ParcelSheet, type UtilityReach } from '../../web/src/shared/api/public-parcels'
import type { LandUse } from '../../web/src/shared/park-vocabulary'

export interface ParcelFilter {
  id?: string
  land_use?: LandUse
  zone_id?: string
  min_mu?: number
  max_mu?: number
  limit: number
}

/**
 * Available parcels as investors and the public see them. Every table is read through its public
 * view in the catalogue (server/layers/catalog.ts), so the sheet can only carry what the public
 * map shows: never the holder, approvals, notes or versions; zones without drafts; utilities by
 * their public fields. Added here: the ellipsoidal area and the utilities within reach.
 *   $1 parcel id or NULL (all)   $2 land use or NULL   $3 zone id or NULL
 *   $4 min area m² or NULL       $5 max area m² or NULL
 *   $6 reach in metres           $7 limit
 * The utilities layer is small (tens of rows): ST_DWithin on geography (spheroid) needs no prefilter.
 */
const AVAILABLE_PARCELS_SQL = `
  SELECT p.id,
         p.zone_id,
         z.name_zh AS zone_zh,
         z.name_en AS zone_en,
         p.land_use,
         p.price_wan_per_mu,
         ST_Area(p.geom::geography) AS area_m2,
         ST_AsGeoJSON(p.geom, 15)::json AS geometry,
         coalesce(reach.utilities, '[]'::json) AS utilities
  FROM ${viewRelation(publicViewOf('parcels'), 'p')}
  LEFT JOIN ${viewRelation(publicViewOf('zones'), 'z')} ON z.id = p.zone_id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
             'id', u.id, 'kind', u.kind, 'name_zh', u.name_zh, 'name_en', u.name_en, 'status', u.status,
             'distance_m', round(u.d::numeric, 1)
           ) ORDER BY u.d, u.id) AS utilities
    FROM (
      SELECT u.*, ST_Distance(u.geom::geography, p.geom::geography) AS d
      FROM ${viewRelation(publicViewOf('utilities'), 'u')}
      WHERE ST_DWithin(u.geom::geography, p.geom::geography, $6)
    ) u
  ) reach ON TRUE
  WHERE p.status = 'available'
    AND ($1::text IS NULL OR p.id = $1)
    AND ($2::text IS NULL OR p.land_use = $2)
    AND ($3::text IS NULL OR p.zone_id = $3)
    AND ($4::float8 IS NULL OR ST_Area(p.geom::geography) >= $4)
    AND ($5::float8 IS NULL OR ST_Area(p.geom::geography) <= $5)
  ORDER BY p.id
  LIMIT $7`

interface Row {
  id: string
  zone_id: string
  zone_zh: string | null
  zone_en: string | null
  land_use: LandUse
  price_wan_per_mu: number | null
  area_m2: number
  geometry: Geometry
  utilities: UtilityReach[]
}

/** One parcel sheet as a GeoJSON Feature: what an investor needs to decide whether to ask. */
function parcelSheet(r: Row): ParcelSheet {
  const area = areaSummary(r.area_m2)
  return {
    type: 'Feature',
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

/** Available parcels matching the filter, in id order, as public parcel sheets. */
export async function availableParcels(db: pg.Pool, f: ParcelFilter): Promise<ParcelSheet[]> {
  const { rows } = await db.query<Row>(AVAILABLE_PARCELS_SQL, [
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
