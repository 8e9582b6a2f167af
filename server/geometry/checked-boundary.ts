import type pg from 'pg'
import { InvalidGeometry } from '../errors'
import { VERTEX_BUDGET } from '../../web/src/shared/access-policy'
import { polygonsOf } from './polygon-input'
import { assertValidTopology } from './topology'

/**
 * A boundary to save: one Polygon or MultiPolygon, topologically valid (a planner must never save a
 * self-intersecting boundary), as GeoJSON text for ST_GeomFromGeoJSON. Throws InvalidGeometry (422).
 * Only internal roles write boundaries (the access policy), so theirs is the vertex budget.
 */
export async function checkedBoundary(client: pg.PoolClient, geometry: unknown): Promise<string> {
  const geometries = polygonsOf(geometry, VERTEX_BUDGET.internal)
  if (geometries.length !== 1) throw new InvalidGeometry('a boundary is one Polygon or MultiPolygon, not a collection')
  await assertValidTopology(client, geometries)
  return JSON.stringify(geometries[0])
}
