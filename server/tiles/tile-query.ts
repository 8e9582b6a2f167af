import { escapeIdentifier, escapeLiteral } from 'pg'
import { TILE_BUFFER, TILE_EXTENT, TILE_OMITTED_COLUMNS } from '../../web/src/shared/api/tiles'
import { viewRelation, type LayerView } from '../layers/catalog'
import { rowColumns } from '../layers/rows-query'
import { AREA_M2_SQL, type SqlQuery } from '../layers/features-query'

export interface TileAddress {
  z: number
  x: number
  y: number
}

/** The columns a tile carries: the attribute table's (`id` first, `area_m2` last on polygons), less bookkeeping. */
export function tileColumns(view: LayerView): string[] {
  return rowColumns(view).filter((c) => !TILE_OMITTED_COLUMNS.includes(c))
}

/** A tile column's SQL over `t`: the area computed, anything else read. */
const columnSql = (c: string): string => (c === 'area_m2' ? AREA_M2_SQL : `t.${escapeIdentifier(c)}`)

/**
 * The tile's columns for ST_AsMVT, each under its name. ST_AsMVT writes a `numeric` value as text
 * (a price of 18.75 arriving as "18.75", where the embedded encoder writes 18.75): those columns,
 * named by the caller from the view's column types (ogc/queryables.ts), are cast to float8. Plain
 * columns, not one jsonb object: ST_AsMVT took 40 % longer over a jsonb column on a county z12 tile.
 */
function columnExpressions(view: LayerView, numeric: ReadonlySet<string>): string {
  return tileColumns(view)
    .map((c) => `${columnSql(c)}${numeric.has(c) ? '::float8' : ''} AS ${escapeIdentifier(c)}`)
    .join(', ')
}

/** The tile's properties as one JSON object, for the embedded encoder (JSON keeps a number a number). */
function propertiesSql(view: LayerView): string {
  return `json_build_object(${tileColumns(view)
    .map((c) => `${escapeLiteral(c)}, ${columnSql(c)}`)
    .join(', ')})`
}

/**
 * The tile's envelope in Web Mercator with the buffer, and the same box in lon/lat (a Mercator
 * rectangle is a lon/lat rectangle), where the features' GiST index can be used.
 */
const BOUNDS = `SELECT ST_TileEnvelope($1, $2, $3) AS env,
  ST_Transform(ST_TileEnvelope($1, $2, $3, margin => ${TILE_BUFFER / TILE_EXTENT}), 4326) AS box`

/**
 * Server PostGIS: the whole tile in one statement (ST_AsMVTGeom clips and quantises, ST_AsMVT
 * encodes). `numeric`: the view's columns of SQL type numeric (columnExpressions).
 */
export function mvtQuery(view: LayerView, tile: TileAddress, numeric: ReadonlySet<string>): SqlQuery {
  const text = `
    WITH bounds AS (${BOUNDS})
    SELECT ST_AsMVT(q, $4, ${TILE_EXTENT}, 'geom') AS tile
    FROM (
      SELECT ${columnExpressions(view, numeric)},
             ST_AsMVTGeom(ST_Transform(t.geom, 3857), bounds.env, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
      FROM ${viewRelation(view, 't')}, bounds
      WHERE t.geom && bounds.box
      ORDER BY t.sort_key
    ) q
    WHERE q.geom IS NOT NULL`
  return { text, values: [tile.z, tile.x, tile.y, view.layer.id] }
}

/**
 * Embedded PostGIS (built without protobuf, so no ST_AsMVT): the features PostGIS clips to the
 * buffered tile, as GeoJSON in lon/lat, for the server to encode (tiles/encode.ts).
 */
export function clippedFeaturesQuery(view: LayerView, tile: TileAddress): SqlQuery {
  const text = `
    WITH bounds AS (${BOUNDS})
    SELECT coalesce(json_agg(json_build_object(
      'type', 'Feature',
      'geometry', ST_AsGeoJSON(ST_ClipByBox2D(t.geom, bounds.box), 9)::json,
      'properties', ${propertiesSql(view)}
    ) ORDER BY t.sort_key), '[]'::json)::text AS features
    FROM ${viewRelation(view, 't')}, bounds
    WHERE t.geom && bounds.box AND NOT ST_IsEmpty(ST_ClipByBox2D(t.geom, bounds.box))`
  return { text, values: [tile.z, tile.x, tile.y] }
}

/** The layer's extent for the audience, lon/lat; null when it has no features. */
export function extentQuery(view: LayerView): SqlQuery {
  return {
    text: `SELECT ST_XMin(e) AS w, ST_YMin(e) AS s, ST_XMax(e) AS e, ST_YMax(e) AS n FROM (SELECT ST_Extent(t.geom) AS e FROM ${viewRelation(view, 't')}) x WHERE e IS NOT NULL`,
    values: [],
  }
}
