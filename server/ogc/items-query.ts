import { escapeIdentifier } from 'pg'
import { viewRelation, type LayerView } from '../layers/catalog'
import { featureObject, type SqlQuery } from '../layers/features-query'
import { geometryIn, type OgcCrs } from './crs'
import type { DatetimeRange } from './params'
import type { Queryable } from './queryables'

/** A bbox as sent: four numbers in `crs`'s own axis order (lower corner, then upper corner). */
export interface OgcBbox {
  values: [number, number, number, number]
  crs: OgcCrs
}

export interface ItemsQuery {
  bbox?: OgcBbox
  /** Equality on queryables: the value already checked against the queryable's type. */
  filters: { queryable: Queryable; value: string }[]
  /** `datetime` as park days; on a layer without a temporal column every feature matches. */
  datetime?: DatetimeRange
  limit: number
  offset: number
  crs: OgcCrs
}

/**
 * The bbox as a geometry in SRID 4326 (the stored one), as SQL over `values`. In another CRS the
 * box's edges are straight there, not in lon/lat: it is densified before it is transformed, so a
 * feature just inside a Gauss-Krüger box is not lost to the curve of its edge.
 */
function bboxGeometry(bbox: OgcBbox, values: unknown[]): string {
  const [a1, b1, a2, b2] = bbox.values
  // x/y as PostGIS takes them: longitude/easting first.
  const [xmin, ymin, xmax, ymax] = bbox.crs.flipped ? [b1, a1, b2, a2] : [a1, b1, a2, b2]
  values.push(xmin, ymin, xmax, ymax)
  const n = values.length
  const box = `ST_MakeEnvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, ${bbox.crs.srid})`
  if (bbox.crs.srid === 4326) return box
  return `ST_Transform(ST_Segmentize(${box}, greatest($${n - 1}::float8 - $${n - 3}, $${n}::float8 - $${n - 2}) / 64 + 1e-9), 4326)`
}

function whereOf(view: LayerView, q: Pick<ItemsQuery, 'bbox' | 'filters' | 'datetime'>, values: unknown[]): string {
  const terms: string[] = []
  const temporal = view.layer.temporal
  if (q.datetime && temporal) {
    // A feature with no date is nowhere in time: a datetime query does not match it.
    const column = `t.${escapeIdentifier(temporal)}`
    terms.push(`${column} IS NOT NULL`)
    for (const [bound, op] of [[q.datetime.start, '>='], [q.datetime.end, '<=']] as const) {
      if (bound === null) continue
      values.push(bound)
      terms.push(`${column} ${op} $${values.length}::date`)
    }
  }
  if (q.bbox) terms.push(`ST_Intersects(t.geom, ${bboxGeometry(q.bbox, values)})`)
  for (const { queryable, value } of q.filters) {
    values.push(value)
    // The cast is one of queryables.ts's constants; the column a name of the catalogue's.
    terms.push(`t.${escapeIdentifier(queryable.name)} = $${values.length}::${queryable.cast}`)
  }
  return terms.length ? terms.join(' AND ') : 'TRUE'
}

/**
 * One page of a collection's items: `number_matched` (every row the filters keep, for this
 * audience), `number_returned` and `features` (a JSON array of GeoJSON Features in the CRS asked
 * for, in the view's stable order), in one statement. The page's rows are chosen before any feature
 * is built, so rows skipped by OFFSET cost no GeoJSON or area; and the full count runs only when the
 * page cannot tell it (a page shorter than the limit ends the matches, unless it is empty past the start).
 */
export function itemsQuery(view: LayerView, q: ItemsQuery): SqlQuery {
  const values: unknown[] = []
  const where = whereOf(view, q, values)
  values.push(q.limit, q.offset)
  const [limit, offset] = [`$${values.length - 1}::int`, `$${values.length}::int`]
  const text = `
    SELECT CASE WHEN count(*) < ${limit} AND (count(*) > 0 OR ${offset} = 0) THEN ${offset} + count(*)::int
                ELSE (SELECT count(*)::int FROM ${viewRelation(view, 't')} WHERE ${where}) END AS number_matched,
           count(*)::int AS number_returned,
           coalesce(json_agg(${featureObject(view, geometryIn(q.crs), q.crs.decimals)} ORDER BY t.sort_key), '[]'::json)::text AS features
    FROM (
      SELECT t.* FROM ${viewRelation(view, 't')}
      WHERE ${where}
      ORDER BY t.sort_key
      LIMIT ${limit} OFFSET ${offset}
    ) t`
  return { text, values }
}

/** One item by the id the audience is told (an opaque one behind a row filter), as a Feature's JSON text. */
export function itemQuery(view: LayerView, id: string, crs: OgcCrs): SqlQuery {
  const text = `
    SELECT ${featureObject(view, geometryIn(crs), crs.decimals)}::text AS feature
    FROM ${viewRelation(view, 't')}
    WHERE t.id::text = $1`
  return { text, values: [id] }
}

/**
 * The view's extent: in CRS84 (`null`s when it has no rows) and, on a layer with a temporal column,
 * its first and last day (`null`s when no row has one).
 */
export function extentQuery(view: LayerView): SqlQuery {
  const temporal = view.layer.temporal ? `t.${escapeIdentifier(view.layer.temporal)}` : 'NULL::date'
  const text = `
    SELECT ST_XMin(e) AS xmin, ST_YMin(e) AS ymin, ST_XMax(e) AS xmax, ST_YMax(e) AS ymax, first_day, last_day
    FROM (SELECT ST_Extent(t.geom) AS e, min(${temporal})::text AS first_day, max(${temporal})::text AS last_day FROM ${viewRelation(view, 't')}) x`
  return { text, values: [] }
}
