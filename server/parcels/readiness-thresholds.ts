import type pg from 'pg'
import { Conflict } from '../errors'
import { withTransaction } from '../db/transaction'
import { appendAudit } from '../edits/audit'
import { PORTAL_SQL as Q } from './portal-sql'
import { NETWORK_ITEMS, type NetworkItem, type ReadinessThresholds } from '../../web/src/shared/readiness'
import type { ReadinessConfig } from '../../web/src/shared/api/portal'

/** Reads and replaces the readiness thresholds (migration 011), as grading-store.ts does the grading. */

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

/** The active thresholds. Throws when migration 011 has not run (a server fault, not the caller's). */
export async function loadThresholds(db: Queryable): Promise<ReadinessConfig> {
  const { rows } = await db.query<{ version: number; updated_at: Date; updated_by: string }>(Q['thresholds-settings'])
  const s = rows[0]
  if (!s) throw new Error('readiness_settings holds no row: has migration 011 run?')
  const items = await db.query<{ item: NetworkItem; max_distance_m: number }>(Q.thresholds)
  const byItem = new Map(items.rows.map((r) => [r.item, r.max_distance_m]))
  const thresholds = Object.fromEntries(NETWORK_ITEMS.map((i) => {
    const m = byItem.get(i)
    if (m === undefined) throw new Error(`readiness_thresholds has no row for ${i}`)
    return [i, m]
  })) as ReadinessThresholds
  return { version: s.version, thresholds, updated_at: s.updated_at.toISOString(), updated_by: s.updated_by }
}

/**
 * Replaces every threshold if `expected` is still the active version, with its audit record, in
 * one transaction. Throws Conflict (409) on a stale version; nothing is written then.
 */
export async function saveThresholds(pool: pg.Pool, thresholds: ReadinessThresholds, expected: number, actor: string): Promise<ReadinessConfig> {
  return withTransaction(pool, async (client) => {
    const current = (await client.query<{ version: number }>(Q['thresholds-lock'])).rows[0]?.version
    if (current !== expected) {
      throw new Conflict(`the readiness thresholds are at version ${current}, not ${expected}: reload them and apply your change again`, {
        current_version: current,
      })
    }
    const before = await loadThresholds(client)
    await client.query(Q['thresholds-update'], [JSON.stringify(thresholds)])
    await client.query(Q['thresholds-bump'], [actor])
    const after = await loadThresholds(client)
    await appendAudit(client, { actor, action: 'update', entity: 'readiness_thresholds', entityId: 'active', before, after })
    return after
  })
}
