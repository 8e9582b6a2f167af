import { escapeIdentifier } from 'pg'
import type { BBox } from '../http/params'
import { columnName, viewRelation, type LayerView } from './catalog'

export interface SqlQuery {
  text: string
  values: unknown[]
}

/** A polygon's ellipsoidal area (WGS84 / CGCS2000) in m², over the view alias `t`: the park's figure, in mu once divided. */
export const AREA_M2_SQL = 'ST_Area(t.geom::geography)'

/** `geom && envelope`: the bbox is built in the column's SRID so the GiST index is used. */
function bboxFilter(bbox: BBox | undefined, values: unknown[]): string {
  if (!bbox) return 'TRUE'
  values.push(...bbox)
  const n = values.length
  return `t.geom && ST_MakeEnvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 4326)`
}

/**
 * The view's columns by name (the catalogue's constants), plus the ellipsoidal area of polygons:
 * a feature's `properties`, the same for the map's features and OGC API – Features items.
 */
export function propertiesObject(view: LayerView): string {
  const pairs = view.columns.map((c) => `'${columnName(c)}', t.${escapeIdentifier(columnName(c))}`)
  if (view.layer.hasArea) pairs.push(`'area_m2', ${AREA_M2_SQL}`)
  return `jsonb_build_object(${pairs.join(', ')})`
}

/**
 * One row `t` of a view relation as a GeoJSON Feature (json), its geometry given as SQL (default
 * `t.geom`, lon/lat) and written with `decimals` digits after the point.
 */
export function featureObject(view: LayerView, geometry = 't.geom', decimals = 15): string {
  return `json_build_object(
        'type', 'Feature',
        'id', t.id,
        'geometry', ST_AsGeoJSON(${geometry}, ${decimals})::json,
        'properties', ${propertiesObject(view)}
      )`
}

/**
 * One statement returning the whole FeatureCollection as JSON text, built in PostGIS:
 * ST_AsGeoJSON with 15 decimals so browser-side geodesic areas match the server's to 1e-9.
 */
export function featuresQuery(view: LayerView, opts: { bbox?: BBox; limit: number }): SqlQuery {
  const values: unknown[] = []
  const where = bboxFilter(opts.bbox, values)
  values.push(opts.limit)
  const text = `
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'numberReturned', count(*),
      'features', coalesce(json_agg(f.feature ORDER BY f.sort_key), '[]'::json)
    )::text AS fc
    FROM (
      SELECT t.sort_key, ${featureObject(view)} AS feature
      FROM ${viewRelation(view, 't')}
      WHERE ${where}
      ORDER BY t.sort_key
      LIMIT $${values.length}
    ) f`
  return { text, values }
}

/** Row count of a layer as the view sees it, for /api/layers. */
export function countQuery(view: LayerView): SqlQuery {
  return { text: `SELECT count(*)::int AS n FROM ${viewRelation(view, 't')}`, values: [] }
}
