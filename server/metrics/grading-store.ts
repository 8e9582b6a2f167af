import type pg from 'pg'
import { Conflict } from '../errors'
import { WEIGHT_SETS, type Benchmark, type GradingConfig, type GradingUpdate, type IndicatorCode, type WeightSet } from '../../web/src/shared/per-mu-vocabulary'
import { namedSql } from '../db/named-sql'
import { withTransaction } from '../db/transaction'
import { appendAudit } from '../edits/audit'

/** Reads and replaces the one active grading configuration (migration 003). */

const Q = namedSql(new URL('./sql/grading.sql', import.meta.url), ['settings', 'lock', 'weights', 'update', 'clear-weights', 'insert-weights'])

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

interface SettingsRow {
  version: number
  benchmark: Benchmark
  a: number
  b: number
  c: number
  min_mu: number
  updated_at: Date
  updated_by: string
}

/** The active configuration. Throws when migration 003 has not run (a server fault, not the caller's). */
export async function loadGrading(db: Queryable): Promise<GradingConfig> {
  const { rows } = await db.query<SettingsRow>(Q.settings)
  const s = rows[0]
  if (!s) throw new Error('per_mu_grading holds no configuration: has migration 003 run?')
  const weights = await db.query<{ weight_set: WeightSet; indicator: IndicatorCode; weight: number }>(Q.weights)
  const sets = Object.fromEntries(WEIGHT_SETS.map((w) => [w, {}])) as GradingConfig['weights']
  for (const r of weights.rows) sets[r.weight_set][r.indicator] = r.weight
  return {
    version: s.version,
    benchmark: s.benchmark,
    thresholds: { A: s.a, B: s.b, C: s.c },
    min_mu: s.min_mu,
    weights: sets,
    updated_at: s.updated_at.toISOString(),
    updated_by: s.updated_by,
  }
}

/**
 * Replaces the configuration if `update.version` is still the active one, and writes the audit
 * record, all in one transaction. Throws Conflict (409) on a stale version; nothing is written then.
 */
export async function saveGrading(pool: pg.Pool, update: GradingUpdate, actor: string): Promise<GradingConfig> {
  return withTransaction(pool, async (client) => {
    const locked = await client.query<{ version: number }>(Q.lock)
    const current = locked.rows[0]?.version
    if (current !== update.version) {
      throw new Conflict(`the grading configuration is at version ${current}, not ${update.version}: reload it and apply your change again`, {
        current_version: current,
      })
    }
    const before = await loadGrading(client)
    const { A, B, C } = update.thresholds
    await client.query(Q.update, [update.version, update.benchmark, A, B, C, update.min_mu, actor])
    const rows = WEIGHT_SETS.flatMap((set) =>
      Object.entries(update.weights[set]).map(([indicator, weight]) => ({ weight_set: set, indicator, weight })),
    )
    await client.query(Q['clear-weights'])
    await client.query(Q['insert-weights'], [JSON.stringify(rows)])
    const after = await loadGrading(client)
    await appendAudit(client, { actor, action: 'update', entity: 'per_mu_grading', entityId: 'active', before, after })
    return after
  })
}
