import type pg from 'pg'
import type { AreaGeometry } from '../geometry/polygon-input'

/**
 * Ellipsoidal area of each geometry in m², by PostGIS on the WGS84 spheroid (geography).
 * CGCS2000 differs from WGS84 by < 1e-9 relative in area, so the figure serves both.
 */
export async function ellipsoidalAreas(db: pg.Pool | pg.PoolClient, geometries: AreaGeometry[]): Promise<number[]> {
  const { rows } = await db.query<{ m2: number }>(
    `SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(g.geojson), 4326)::geography) AS m2
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS g(geojson, ord)
     ORDER BY g.ord`,
    [JSON.stringify(geometries)],
  )
  return rows.map((r) => r.m2)
}
