import type { Geometry } from 'geojson'
import { escapeLiteral } from 'pg'
import type pg from 'pg'
import { publicViewOf, viewRelation } from '../layers/catalog'
import { areaSummary, muToM2 } from '../../web/src/shared/units'
import {
  NEIGHBOUR_LIMIT, NEIGHBOUR_REACH_M, UTILITY_REACH_M, type NeighbourFirm, type ParcelSheet, type PublicParcelQuery, type UtilityReach,
} from '../../web/src/shared/api/public-parcels'
import type { PlannedEntry, PlanningConditions, ReadinessEntry } from '../../web/src/shared/api/portal'
import type { Industry, LandUse } from '../../web/src/shared/park-vocabulary'
import { PLANNED_STATUSES, READINESS_ITEMS, READY_STATUS, ROAD_KINDS, UTILITY_ITEM, type ReadinessItem } from '../../web/src/shared/readiness'

/**
 * What the list and the sheet filter by: the public query (web/src/shared/api/public-parcels.ts),
 * with `ready` parsed into items, a limit always set, and the sheet's own id.
 */
export type ParcelFilter = Omit<PublicParcelQuery, 'ready' | 'limit'> & {
  id?: string
  /** Items that must all be ready. */
  ready?: ReadinessItem[]
  limit: number
}

/** Which network kinds serve which readiness item: the utilities' and the base map's roads. */
const NETWORK_KINDS = JSON.stringify([
  ...Object.entries(UTILITY_ITEM).map(([kind, item]) => ({ kind, item })),
  ...ROAD_KINDS.map((kind) => ({ kind, item: 'road' })),
])
const sqlList = (values: readonly string[]): string => values.map(escapeLiteral).join(', ')

/**
 * Available parcels as investors and the public see them. Every layer is read through its public
 * view in the catalogue (server/layers/catalog.ts), so the sheet can only carry what the public
 * map shows: never the holder, approvals, notes or versions; zones without drafts; utilities by
 * their public fields. Added here: the ellipsoidal area, the utilities within reach, readiness
 * (七通一平) against the thresholds in readiness_thresholds, and the planning conditions.
 *   $1 parcel id or NULL (all)   $2 land use or NULL   $3 zone id or NULL
 *   $4 min area m² or NULL       $5 max area m² or NULL
 *   $6 reach in metres           $7 limit
 *   $8 min price or NULL         $9 max price or NULL (万元/亩)
 *   $10 items that must be ready, or NULL   $11 only inside the chemical cluster
 *   $12 industry the conditions must name, or NULL
 *   $13 READINESS_ITEMS in order   $14 [{kind, item}]: the networks serving each item
 *   $15 neighbours' reach in metres   $16 how many neighbours at most
 * Distances are ST_Distance on geography (the spheroid) from every offered parcel to every
 * network: tens of parcels × tens of networks on the sample park, so no prefilter is needed.
 * Readiness counts existing networks only; planned and under-construction ones within an item's
 * threshold are listed apart; temporary ones are neither (they serve construction sites).
 */
const AVAILABLE_PARCELS_SQL = `
  WITH kinds AS (
    SELECT kind, item FROM jsonb_to_recordset($14::jsonb) AS k (kind text, item text)
  ),
  items AS (
    SELECT i.item, i.ord, t.max_distance_m::float8 AS max_m
    FROM unnest($13::text[]) WITH ORDINALITY AS i (item, ord)
    LEFT JOIN readiness_thresholds t ON t.item = i.item
  ),
  networks AS (
    SELECT u.id, k.item, u.status, u.expected_date, u.geom
    FROM ${viewRelation(publicViewOf('utilities'), 'u')} JOIN kinds k ON k.kind = u.kind
    WHERE u.status IN (${sqlList([READY_STATUS, ...PLANNED_STATUSES])})
    UNION ALL
    -- the base map draws built roads only: a road there is an existing one
    SELECT b.id, k.item, ${escapeLiteral(READY_STATUS)}, NULL::date, b.geom
    FROM ${viewRelation(publicViewOf('basemap'), 'b')} JOIN kinds k ON k.kind = b.kind
  ),
  offered AS (
    SELECT p.id, p.zone_id, p.land_use, p.price_wan_per_mu, p.site_state, p.geom, ST_Area(p.geom::geography) AS area_m2
    FROM ${viewRelation(publicViewOf('parcels'), 'p')}
    WHERE p.status = 'available'
      AND ($1::text IS NULL OR p.id = $1)
      AND ($2::text IS NULL OR p.land_use = $2)
      AND ($3::text IS NULL OR p.zone_id = $3)
      AND ($4::float8 IS NULL OR ST_Area(p.geom::geography) >= $4)
      AND ($5::float8 IS NULL OR ST_Area(p.geom::geography) <= $5)
      AND ($8::float8 IS NULL OR p.price_wan_per_mu >= $8)
      AND ($9::float8 IS NULL OR p.price_wan_per_mu <= $9)
      AND (NOT $11::boolean OR ST_CoveredBy(p.geom, (SELECT ST_Union(c.geom) FROM ${viewRelation(publicViewOf('chemical_clusters'), 'c')})))
      AND ($12::text IS NULL OR EXISTS (SELECT 1 FROM parcel_conditions pc WHERE pc.parcel_id = p.id AND $12 = ANY (pc.industries)))
  ),
  distances AS (
    SELECT o.id AS parcel_id, n.id, n.item, n.status, n.expected_date, ST_Distance(n.geom::geography, o.geom::geography) AS d
    FROM offered o CROSS JOIN networks n
  ),
  nearest AS (
    SELECT DISTINCT ON (parcel_id, item) parcel_id, item, id, d
    FROM distances WHERE status = ${escapeLiteral(READY_STATUS)}
    ORDER BY parcel_id, item, d, id
  ),
  readiness AS (
    SELECT o.id AS parcel_id,
           json_agg(json_build_object('item', i.item, 'ready', r.ready, 'distance_m', round(n.d::numeric, 2), 'utility_id', n.id) ORDER BY i.ord) AS readiness,
           coalesce(array_agg(i.item) FILTER (WHERE r.ready), '{}') AS ready_items
    FROM offered o
    CROSS JOIN items i
    LEFT JOIN nearest n ON n.parcel_id = o.id AND n.item = i.item
    CROSS JOIN LATERAL (
      SELECT CASE WHEN i.item = 'leveled' THEN coalesce(o.site_state = 'leveled', false) ELSE coalesce(n.d <= i.max_m, false) END AS ready
    ) r
    GROUP BY o.id
  ),
  planned AS (
    SELECT d.parcel_id,
           json_agg(json_build_object('item', d.item, 'utility_id', d.id, 'status', d.status,
                                      'expected_date', to_char(d.expected_date, 'YYYY-MM-DD'), 'distance_m', round(d.d::numeric, 2))
                    ORDER BY d.d, d.id) AS planned
    FROM distances d JOIN items i ON i.item = d.item
    WHERE d.status IN (${sqlList(PLANNED_STATUSES)}) AND d.d <= i.max_m
    GROUP BY d.parcel_id
  )
  SELECT o.id,
         o.zone_id,
         z.name_zh AS zone_zh,
         z.name_en AS zone_en,
         o.land_use,
         o.price_wan_per_mu,
         o.area_m2,
         ST_AsGeoJSON(o.geom, 15)::json AS geometry,
         coalesce(reach.utilities, '[]'::json) AS utilities,
         r.readiness,
         coalesce(pl.planned, '[]'::json) AS planned,
         CASE WHEN pc.parcel_id IS NOT NULL THEN json_build_object(
           'min_investment_wan_per_mu', pc.min_investment_wan_per_mu::float8,
           'min_plot_ratio', pc.min_plot_ratio::float8,
           'max_plot_ratio', pc.max_plot_ratio::float8,
           'max_building_coverage_pct', pc.max_building_coverage_pct::float8,
           'min_tax_wan_per_mu', pc.min_tax_wan_per_mu::float8,
           'max_energy_tce_per_wan', pc.max_energy_tce_per_wan::float8,
           'industries', pc.industries) END AS conditions,
         coalesce(nb.neighbours, '[]'::json) AS neighbours
  FROM offered o
  JOIN readiness r ON r.parcel_id = o.id
  LEFT JOIN planned pl ON pl.parcel_id = o.id
  LEFT JOIN parcel_conditions pc ON pc.parcel_id = o.id
  LEFT JOIN ${viewRelation(publicViewOf('zones'), 'z')} ON z.id = o.zone_id
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object(
             'id', u.id, 'kind', u.kind, 'name_zh', u.name_zh, 'name_en', u.name_en, 'status', u.status,
             'distance_m', round(u.d::numeric, 1)
           ) ORDER BY u.d, u.id) AS utilities
    FROM (
      SELECT u.*, ST_Distance(u.geom::geography, o.geom::geography) AS d
      FROM ${viewRelation(publicViewOf('utilities'), 'u')}
      WHERE ST_DWithin(u.geom::geography, o.geom::geography, $6)
    ) u
  ) reach ON TRUE
  -- the firms around it, as the public map shows them (names and industry; no ids: a public
  -- enterprise's id is opaque and says nothing an investor needs here)
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('name_zh', e.name_zh, 'name_en', e.name_en, 'industry', e.industry,
                                      'distance_m', round(e.d::numeric, 1)) ORDER BY e.d, e.name_zh) AS neighbours
    FROM (
      SELECT e.name_zh, e.name_en, e.industry, ST_Distance(e.geom::geography, o.geom::geography) AS d
      FROM ${viewRelation(publicViewOf('enterprises'), 'e')}
      WHERE ST_DWithin(e.geom::geography, o.geom::geography, $15)
      ORDER BY d, e.name_zh
      LIMIT $16
    ) e
  ) nb ON TRUE
  WHERE ($10::text[] IS NULL OR r.ready_items @> $10::text[])
  ORDER BY o.id
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
  readiness: ReadinessEntry[]
  planned: PlannedEntry[]
  conditions: PlanningConditions | null
  neighbours: NeighbourFirm[]
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
      readiness: r.readiness,
      planned: r.planned,
      conditions: r.conditions,
      neighbour_reach_m: NEIGHBOUR_REACH_M,
      neighbours: r.neighbours,
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
    f.min_price ?? null,
    f.max_price ?? null,
    f.ready?.length ? f.ready : null,
    f.chemical ?? false,
    f.industry ?? null,
    READINESS_ITEMS,
    NETWORK_KINDS,
    NEIGHBOUR_REACH_M,
    NEIGHBOUR_LIMIT,
  ])
  return rows.map(parcelSheet)
}
