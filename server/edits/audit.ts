import pg from 'pg'
import { namedSql } from '../db/named-sql'
import type { AuditRecord, HistoryEntity } from '../../web/src/shared/api/audit'

const Q = namedSql(new URL('./sql/audit.sql', import.meta.url), ['append', 'history'])

export interface AuditEntry {
  actor: string
  action: string
  /** The table the change was made to, or another name for what changed (`per_mu_grading`). */
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

/** Appends to the audit log inside the caller's transaction: the one writer of audit rows. */
export async function appendAudit(client: pg.PoolClient, e: AuditEntry): Promise<void> {
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v))
  await client.query(Q.append, [e.actor, e.action, e.entity, e.entityId, json(e.before), json(e.after)])
}

/**
 * The history of one object, oldest first: every successful version is an entry. Null when the
 * object does not exist and never did (no row, no history), so the route can answer 404.
 */
export async function historyOf(db: pg.Pool, entity: HistoryEntity, entityId: string): Promise<AuditRecord[] | null> {
  const { rows } = await db.query<AuditRecord>(Q.history, [entity, entityId])
  if (rows.length > 0) return rows
  // `entity` is one of HISTORY_ENTITIES, each a table with an `id` (the route's schema checks).
  const exists = await db.query(`SELECT 1 FROM ${pg.escapeIdentifier(entity)} WHERE id = $1`, [entityId])
  return exists.rows.length > 0 ? [] : null
}
