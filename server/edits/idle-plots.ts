import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { namedSql } from '../db/named-sql'
import { BrokenRule, NotFound } from '../errors'
import type { CaseChanges, FlagRequest } from '../../web/src/shared/api/edits'
import { isAllowedStageMove, parcelStatusForCase, type IdleCategory, type IdleStage, type ParcelStatus } from '../../web/src/shared/park-vocabulary'
import { appendAudit } from './audit'
import { snapshot, updateAtVersion } from './versioned-row'

const Q = namedSql(new URL('./sql/idle-plots.sql', import.meta.url), ['open-case', 'holder', 'insert-case', 'set-parcel-status'])

interface OpenCase {
  id: string
  stage: IdleStage
  category: IdleCategory
}

/** The parcel's case still under way, if any (at most one: migration 007). */
async function openCaseOf(client: pg.PoolClient, parcelId: string): Promise<OpenCase | undefined> {
  return (await client.query<OpenCase>(Q['open-case'], [parcelId])).rows[0]
}

/**
 * Refuses (409) a new status for a parcel whose open case gives it another one: the status of a
 * flagged or disposing plot is the case's to change (migration 007 holds the same rule). Call it
 * with the parcel row locked, so no case opens in between.
 */
export async function assertStatusFollowsCase(client: pg.PoolClient, parcelId: string, status: ParcelStatus): Promise<void> {
  const open = await openCaseOf(client, parcelId)
  if (!open) return
  const follows = parcelStatusForCase(open.stage, open.category)
  if (status === follows) return
  throw new BrokenRule(
    'status_follows_case',
    `parcel "${parcelId}" has an open idle-land case ${open.id} (${open.category}, ${open.stage}), so its status stays ${follows}: ` +
      `a parcel's status follows its open case; move the case on (PATCH /api/idle-plots/${open.id}) instead of setting ${status}`,
    { case_id: open.id, status: follows },
  )
}

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
  const open = await openCaseOf(client, fields.parcel_id)
  if (open) {
    throw new BrokenRule('one_open_case', `parcel "${fields.parcel_id}" already has an open case ${open.id} (${open.stage}): a parcel has at most one open idle-land case`, {
      case_id: open.id,
    })
  }
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

/**
 * Moves a case on (disposal chosen, disposing, revitalised) at `expected` version. Only a change of
 * stage moves the parcel: editing a reason or a successor leaves its status alone (a revitalised
 * case's parcel may have moved on since, or be under a newer case).
 */
export async function advanceCase(client: pg.PoolClient, id: string, expected: number, changes: Omit<CaseChanges, 'version'>, actor: string) {
  let from: IdleStage | undefined
  const after = await updateAtVersion(client, {
    table: 'idle_plots', id, expected, changes, allowed: CASE_EDITABLE, actor, action: 'advance',
    precondition: (before) => {
      from = before.stage as IdleStage
      if (changes.stage === undefined || isAllowedStageMove(from, changes.stage)) return
      throw new BrokenRule(
        'stage_order',
        `case ${id} is ${from} and cannot go to ${changes.stage}: an idle-land case moves only forward, one stage at a time (flagged → disposing → revitalised)`,
        { stage: from },
      )
    },
  })
  if (after.stage !== from) {
    await followParcel(client, String(after.parcel_id), parcelStatusForCase(after.stage as IdleStage, after.category as IdleCategory), actor, id)
  }
  return after
}
