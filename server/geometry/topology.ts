import type pg from 'pg'
import { InvalidGeometry } from '../errors'
import type { AreaGeometry } from './polygon-input'

/**
 * The first invalid geometry (OGC rules: no self-intersection, holes inside shells, …) of `$1`, a
 * JSON array of GeoJSON geometries: its index, PostGIS's reason and the lon/lat where it happens.
 * No row when every geometry is valid. A statement that goes on to use the geometries may run it
 * as a CTE and hand its row to throwIfInvalid (analysis/overlap-query.ts: one round trip, not two).
 */
export const FIRST_INVALID_SQL = `
  SELECT (g.ord - 1)::int AS i, d.reason, ST_X(d.location) AS lon, ST_Y(d.location) AS lat
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS g(geojson, ord),
       LATERAL ST_IsValidDetail(ST_GeomFromGeoJSON(g.geojson)) AS d
  WHERE NOT d.valid
  ORDER BY g.ord LIMIT 1`

/** A row of FIRST_INVALID_SQL; `i` is null when there was none (a LEFT JOIN onto it). */
export interface InvalidRow {
  i: number | null
  reason: string | null
  lon: number | null
  lat: number | null
}

/** Throws InvalidGeometry with PostGIS's reason and location when FIRST_INVALID_SQL found a geometry. */
export function throwIfInvalid(bad: InvalidRow | undefined): void {
  if (!bad || bad.i === null) return
  const at = bad.lon !== null && bad.lat !== null ? ` at [${bad.lon}, ${bad.lat}]` : ''
  throw new InvalidGeometry(`geometry ${bad.i} is invalid: ${bad.reason ?? 'unknown reason'}${at}`, {
    index: bad.i,
    reason: bad.reason,
    location: bad.lon !== null ? [bad.lon, bad.lat] : null,
  })
}

/**
 * Asks PostGIS whether each geometry is valid. Throws InvalidGeometry with PostGIS's reason and
 * the lon/lat where it happens.
 */
export async function assertValidTopology(pool: pg.Pool | pg.PoolClient, geometries: AreaGeometry[]): Promise<void> {
  const { rows } = await pool.query<InvalidRow>(FIRST_INVALID_SQL, [JSON.stringify(geometries)])
  throwIfInvalid(rows[0])
}
