import type pg from 'pg'
import { InvalidGeometry } from '../errors'
import type { AreaGeometry } from './polygon-input'

/**
 * Asks PostGIS whether each geometry is valid (OGC rules: no self-intersection, holes inside
 * shells, …). Throws InvalidGeometry with PostGIS's reason and the lon/lat where it happens.
 */
export async function assertValidTopology(pool: pg.Pool | pg.PoolClient, geometries: AreaGeometry[]): Promise<void> {
  const { rows } = await pool.query<{ i: number; valid: boolean; reason: string | null; lon: number | null; lat: number | null }>(
    `SELECT (g.ord - 1)::int AS i, d.valid, d.reason, ST_X(d.location) AS lon, ST_Y(d.location) AS lat
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS g(geojson, ord),
          LATERAL ST_IsValidDetail(ST_GeomFromGeoJSON(g.geojson)) AS d
     WHERE NOT d.valid
     ORDER BY g.ord LIMIT 1`,
    [JSON.stringify(geometries)],
  )
  const bad = rows[0]
  if (bad) {
    const at = bad.lon !== null && bad.lat !== null ? ` at [${bad.lon}, ${bad.lat}]` : ''
    throw new InvalidGeometry(`geometry ${bad.i} is invalid: ${bad.reason ?? 'unknown reason'}${at}`, {
      index: bad.i,
      reason: bad.reason,
      location: bad.lon !== null ? [bad.lon, bad.lat] : null,
    })
  }
}
