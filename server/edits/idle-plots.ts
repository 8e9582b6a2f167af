import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { namedSql } from '../db/named-sql'
import { Conflict, NotFound } from '../errors'
import type { CaseChanges, FlagRequest } from '../../web/src/shared/api/edits'
import { parcelStatusForCase, type IdleCategory, type IdleStage, type ParcelStatus } from '../../web/src/shared/park-vocabulary'
import { appendAudit } from './audit'
import { snapshot, updateAtVersion } from './versioned-row'

const Q = namedSql(new URL('./sql/idle-plots.sql', import.meta.url), ['open-case', 'holder', 'insert-case', 'set-parcel-status'])

/** Sets the parcel's status for a case and audits that too, so the parcel's history shows why it changed. */
async function followParcel(client: pg.PoolClient, parcelId: string, status: ParcelStatus, actor: string, caseId: string) {
  const before = await snapshot(client, 'parcels', parcelId, true)
  if (!before) throw new NotFound(`no parcel "${parcelId}"`)
  if (before.status === status) return
  await client.query(Q['set-parcel-status'], [status, parcelId])
  const after = await snapshot(client, 'parcels', parcelId)
  await appendAudit(client, { actor, action: `status_by_${caseId}`, entity: 'parcels', entityId: parcelId, before, after })
}

/**
 * Flags a parcel as idle or low-efficiency land: a case record with who (the signed-in officer)
 * and why (required), and the parcel's status set to match — in the caller's transaction.
 */
export async function flagPlot(client: pg.PoolClient, fields: FlagRequest, actor: string) {
  const parcel = await snapshot(client, 'parcels', fields.parcel_id, true)
  if (!parcel) throw new NotFound(`no parcel "${fields.parcel_id}"`)
  const open = await client.query<{ id: string }>(Q['open-case'], [fields.parcel_id])
  if (open.rows.length) throw new Conflict(`parcel "${fields.parcel_id}" already has an open case ${open.rows[0]!.id}`)
  const id = `IDLE-${randomBytes(4).toString('hex')}`
  const holder = await client.query<{ name_zh: string | null; name_en: string | null }>(Q.holder, [fields.parcel_id])
  await client.query(Q['insert-case'], [
    id, fields.parcel_id, holder.rows[0]?.name_zh ?? '（无主）', holder.rows[0]?.name_en ?? '(no holder)', fields.category,
    fields.agreed_start_date ?? null, actor, fields.reason,
  ])
  const after = await snapshot(client, 'idle_plots', id)
  await appendAudit(client, { actor, action: 'flag', entity: 'idle_plots', entityId: id, before: null, after })
  await followParcel(client, fields.parcel_id, parcelStatusForCase('flagged', fields.category), actor, id)
  return after!
}

export const CASE_EDITABLE = ['stage', 'disposal', 'successor_zh', 'successor_en', 'reason'] as const satisfies readonly (keyof CaseChanges)[]

/** Moves a case on (disposal chosen, disposing, revitalised) at `expected` version; the parcel follows. */
export async function advanceCase(client: pg.PoolClient, id: string, expected: number, changes: Omit<CaseChanges, 'version'>, actor: string) {
  const after = await updateAtVersion(client, { table: 'idle_plots', id, expected, changes, allowed: CASE_EDITABLE, actor, action: 'advance' })
  await followParcel(client, String(after.parcel_id), parcelStatusForCase(after.stage as IdleStage, after.category as IdleCategory), actor, id)
  return after
}
