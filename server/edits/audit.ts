import type pg from 'pg'

export interface AuditEntry {
  actor: string
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

/** Appends to the audit log inside the caller's transaction (the table refuses UPDATE and DELETE). */
export async function appendAudit(client: pg.PoolClient, e: AuditEntry): Promise<void> {
  await client.query(
    `INSERT INTO audit_log (actor, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)`,
    [e.actor, e.action, e.entity, e.entityId, e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after)],
  )
}

export interface AuditRecord {
  id: number
  at: string
  actor: string
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** The history of one object, oldest first: every successful version is an entry. */
export async function historyOf(db: pg.Pool, entity: string, entityId: string): Promise<AuditRecord[]> {
  const { rows } = await db.query<AuditRecord>(
    `SELECT id, at, actor, action, before, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id`,
    [entity, entityId],
  )
  return rows
}
