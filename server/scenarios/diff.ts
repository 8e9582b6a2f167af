import type pg from 'pg'
import type { MultiPolygon } from 'geojson'
import { namedSql } from '../db/named-sql'
import { m2ToMu } from '../../web/src/shared/units'
import type { AreaPair, DiffFeature, DiffFeatures, ScenarioDiff } from '../../web/src/shared/api/scenarios'
import { scenarioVersion } from './read'

const Q = namedSql(new URL('./sql/diff.sql', import.meta.url), ['areas', 'crossing'])

const pair = (m2: number): AreaPair => ({ m2, mu: m2ToMu(m2) })

async function crossing(db: pg.Pool, id: string, into: number, outOf: number): Promise<DiffFeatures> {
  const { rows } = await db.query<DiffFeature & { layer: keyof DiffFeatures }>(Q.crossing, [id, into, outOf])
  const out: DiffFeatures = { parcels: [], enterprises: [], projects: [] }
  for (const { layer, ...f } of rows) out[layer].push(f)
  return out
}

/**
 * What version `to` adds to version `from` and takes away: ellipsoidal areas (m² and mu) of the
 * two differences, their shapes, and the parcels, firms and projects that enter and leave.
 * NotFound (404) for an unknown scenario or version.
 */
export async function scenarioDiff(db: pg.Pool, id: string, from: number, to: number): Promise<ScenarioDiff> {
  await scenarioVersion(db, id, from)
  await scenarioVersion(db, id, to)
  const { rows } = await db.query<{ added_m2: number; removed_m2: number; added: MultiPolygon | null; removed: MultiPolygon | null }>(Q.areas, [id, from, to])
  const a = rows[0]!
  return {
    scenario_id: id, from, to,
    added: pair(a.added_m2), removed: pair(a.removed_m2), net: pair(a.added_m2 - a.removed_m2),
    geometry: { added: a.added, removed: a.removed },
    entering: await crossing(db, id, to, from),
    leaving: await crossing(db, id, from, to),
  }
}
