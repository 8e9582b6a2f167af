import type pg from 'pg'
import type { LayerView } from '../layers/catalog'
import { queryablesOf } from '../ogc/queryables'

/**
 * The view's columns whose SQL type is a number (numeric, real, double precision), read from the
 * database once per pool and view (the queryables' own type reading): a tile casts them so
 * ST_AsMVT writes numbers (tiles/tile-query.ts mvtQuery).
 */
export async function numericColumns(pool: pg.Pool, view: LayerView, audience: string): Promise<ReadonlySet<string>> {
  return new Set((await queryablesOf(pool, view, audience)).filter((q) => q.schema.type === 'number').map((q) => q.name))
}
