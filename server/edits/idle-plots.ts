import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { Conflict, NotFound } from '../errors'
import { appendAudit } from './audit'
import { snapshot, updateAtVersion } from './versioned-row'

export type IdleCategory = 'idle' | 'low_efficiency'
export type IdleStage = 'flagged' | 'disposing' | 'revitalised'

/**
 * The parcel's status follows its case: flagged → its category (idle / low_efficiency),
 * disposing → revitalising, revitalised → revitalised. One rule, used by flag and advance.
 */
export function parcelStatusFor(stage: IdleStage, category: IdleCategory): string {
  return stage === 'flagged' ? category : stage === 'disposing' ? 'revitalising' : 'revitalised'
}

export interface FlagFields {
  parcel_id: string
  category: IdleCategory
  reason: string
  agreed_start_date?: string | null
}

/** Sets the parcel's status for a case and audits that too, so the parcel's history shows why it changed. */
async function followParcel(client: pg.PoolClient, parcelId: string, status: string, actor: string, caseId: string) {
  const before = await snapshot(client, 'parcels', parcelId, true)
  if (!before) throw new NotFound(`no parcel "${parcelId}"`)
  if (before.status === status) return
  await client.query(`UPDATE parcels SET status = $1, version = version + 1, updated_at = now() WHERE id = $2`, [status, parcelId])
  const after = await snapshot(client, 'parcels', parcelId)
  await appendAudit(client, { actor, action: `status_by_${caseId}`, entity: 'parcels', entityId: parcelId, before, after })
}

/**
 * Flags a parcel as idle or low-efficiency land: a case record with who (the signed-in officer)
 * and why (required), and the parcel's status set to match — in the caller's transaction.
 */
export async function flagPlot(client: pg.PoolClient, fields: FlagFields, actor: string) {
  const parcel = await snapshot(client, 'parcels', fields.parcel_id, true)
  if (!parcel) throw new NotFound(`no parcel "${fields.parcel_id}"`)
  const open = await client.query(`SELECT id FROM idle_plots WHERE parcel_id = $1 AND stage <> 'revitalised'`, [fields.parcel_id])
  if (open.rows.length) throw new Conflict(`parcel "${fields.parcel_id}" already has an open case ${String(open.rows[0].id)}`)
  const id = `IDLE-${randomBytes(4).toString('hex')}`
  const holder = await client.query<{ name_zh: string | null; name_en: string | null }>(
    `SELECT e.name_zh, e.name_en FROM parcels p LEFT JOIN enterprises e ON e.id = p.enterprise_id WHERE p.id = $1`,
    [fields.parcel_id],
  )
  await client.query(
    `INSERT INTO idle_plots (id, parcel_id, holder_zh, holder_en, category, stage, agreed_start_date, flagged_on, flagged_by, reason)
     VALUES ($1, $2, $3, $4, $5, 'flagged', $6, current_date, $7, $8)`,
    [id, fields.parcel_id, holder.rows[0]?.name_zh ?? '（无主）', holder.rows[0]?.name_en ?? '(no holder)', fields.category,
      fields.agreed_start_date ?? null, actor, fields.reason],
  )
  const after = await snapshot(client, 'idle_plots', id)
  await appendAudit(client, { actor, action: 'flag', entity: 'idle_plots', entityId: id, before: null, after })
  await followParcel(client, fields.parcel_id, parcelStatusFor('flagged', fields.category), actor, id)
  return after!
}

export const CASE_EDITABLE = ['stage', 'disposal', 'successor_zh', 'successor_en', 'reason'] as const
export type CaseChanges = Partial<Record<(typeof CASE_EDITABLE)[number], unknown>>

/** Moves a case on (disposal chosen, disposing, revitalised) at `expected` version; the parcel follows. */
export async function advanceCase(client: pg.PoolClient, id: string, expected: number, changes: CaseChanges, actor: string) {
  const after = await updateAtVersion(client, { table: 'idle_plots', id, expected, changes, allowed: CASE_EDITABLE, actor, action: 'advance' })
  await followParcel(client, String(after.parcel_id), parcelStatusFor(after.stage as IdleStage, after.category as IdleCategory), actor, id)
  return after
}
