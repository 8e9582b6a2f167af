import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { namedSql } from '../db/named-sql'
import { BrokenRule, InvalidParameter, NotFound } from '../errors'
import type { FlagRequest, StepFieldName, TransitionRequest } from '../../web/src/shared/api/idle-cases'
import { IDLE_ONLY_DISPOSALS, STEP_FIELD_NAMES, STEP_FIELDS } from '../../web/src/shared/api/idle-cases'
import { latestExtendedStart } from '../../web/src/shared/idle-deadlines'
import {
  allowedNextStages, isAllowedStageMove, parcelStatusForCase, type IdleCategory, type IdleStage, type ParcelStatus,
} from '../../web/src/shared/park-vocabulary'
import { appendAudit } from './audit'
import { lockAtVersion, snapshot } from './versioned-row'
import { parkToday } from './park-today'

export const IDLE_SQL = namedSql(new URL('./sql/idle-plots.sql', import.meta.url), [
  'open-case', 'parcel-for-flag', 'insert-case', 'insert-step', 'last-step-day', 'move-case', 'set-parcel-status',
  'cases', 'steps', 'attachments', 'step-exists', 'insert-attachment', 'attachment-content', 'watch-dates', 'watch-built',
])
const Q = IDLE_SQL

interface OpenCase {
  id: string
  stage: IdleStage
  category: IdleCategory
}

/** The parcel's case still under way, if any (at most one: migration 012). */
async function openCaseOf(client: pg.PoolClient, parcelId: string): Promise<OpenCase | undefined> {
  return (await client.query<OpenCase>(Q['open-case'], [parcelId])).rows[0]
}

/**
 * Refuses (409) a new status for a parcel whose open case gives it another one: the status of a
 * parcel under a case is the case's to change (migration 012 holds the same rule). Call it with
 * the parcel row locked, so no case opens in between.
 */
export async function assertStatusFollowsCase(client: pg.PoolClient, parcelId: string, status: ParcelStatus): Promise<void> {
  const open = await openCaseOf(client, parcelId)
  if (!open) return
  const follows = parcelStatusForCase(open.stage, open.category)
  if (status === follows) return
  throw new BrokenRule(
    'status_follows_case',
    `parcel "${parcelId}" has an open idle-land case ${open.id} (${open.category}, ${open.stage}), so its status stays ${follows}: ` +
      `a parcel's status follows its open case; move the case on (POST /api/idle-plots/${open.id}/transitions) instead of setting ${status}`,
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

type StepValues = Partial<Record<StepFieldName, string | null>>

async function insertStep(client: pg.PoolClient, caseId: string, stage: IdleStage, day: string, actor: string, note: string, f: StepValues) {
  const { rows } = await client.query<{ seq: number }>(Q['insert-step'], [
    caseId, stage, day, actor, note, ...STEP_FIELD_NAMES.map((n) => f[n] ?? null),
  ])
  return rows[0]!.seq
}

async function stepRow(client: pg.PoolClient, caseId: string, seq: number) {
  const { rows } = await client.query<Record<string, unknown>>(Q.steps, [[caseId]])
  return rows.find((r) => r.seq === seq)
}

/**
 * Flags a parcel as idle or low-efficiency land: opens a case at investigation with who (the
 * signed-in officer) and why (required, kept as the case's reason), its first step, and the
 * parcel's status set to match — in the caller's transaction.
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
  const today = parkToday()
  if (fields.doc_date && fields.doc_date > today) throw new InvalidParameter(`doc_date ${fields.doc_date} is in the future (today is ${today})`, { field: 'doc_date' })
  const id = `IDLE-${randomBytes(4).toString('hex')}`
  const holder = (await client.query<{ name_zh: string | null; name_en: string | null; agreed_start_on: string | null }>(Q['parcel-for-flag'], [fields.parcel_id])).rows[0]
  await client.query(Q['insert-case'], [
    id, fields.parcel_id, holder?.name_zh ?? '（无主）', holder?.name_en ?? '(no holder)', fields.category,
    fields.agreed_start_date ?? holder?.agreed_start_on ?? null, today, actor, fields.reason,
  ])
  const seq = await insertStep(client, id, 'investigation', today, actor, fields.reason, {
    holder_statement: fields.holder_statement ?? null, doc_no: fields.doc_no ?? null, doc_date: fields.doc_date ?? null,
  })
  const after = { ...(await snapshot(client, 'idle_plots', id)), step: await stepRow(client, id, seq) }
  await appendAudit(client, { actor, action: 'flag', entity: 'idle_plots', entityId: id, before: null, after })
  await followParcel(client, fields.parcel_id, parcelStatusForCase('investigation', fields.category), actor, id)
  return id
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/**
 * What is wrong with a step's fields, before anything is written: the fields it must have and
 * lacks (`missing`), those it does not take (`unexpected`), and dates out of order. Throws 422.
 */
function checkStepFields(category: IdleCategory, to: IdleStage, body: TransitionRequest, day: string, lastDay: string | null, today: string) {
  const spec = STEP_FIELDS[to]
  const missing: string[] = [...(blank(body.note) ? ['note'] : []), ...spec.required.filter((f) => blank(body[f]))]
  const taken = new Set<string>([...spec.required, ...spec.optional])
  const unexpected = STEP_FIELD_NAMES.filter((f) => !taken.has(f) && !blank(body[f]))
  if (missing.length > 0 || unexpected.length > 0) {
    const parts = [
      ...(missing.length ? [`missing ${missing.join(', ')}`] : []),
      ...(unexpected.length ? [`${unexpected.join(', ')} not taken by this step`] : []),
    ]
    throw new InvalidParameter(
      `a step to ${to} needs note${spec.required.length ? `, ${spec.required.join(', ')}` : ''}` +
        `${spec.optional.length ? ` (optional: ${spec.optional.join(', ')})` : ''}: ${parts.join('; ')}`,
      { missing, unexpected, required: ['note', ...spec.required], optional: spec.optional },
    )
  }
  const refuse = (field: string, message: string) => { throw new InvalidParameter(message, { field }) }
  if (day > today) refuse('happened_on', `happened_on ${day} is in the future (today is ${today})`)
  if (lastDay !== null && day < lastDay) refuse('happened_on', `happened_on ${day} is before the case's last step (${lastDay}): steps are recorded in the order they happened`)
  if (body.doc_date && body.doc_date > today) refuse('doc_date', `doc_date ${body.doc_date} is in the future (today is ${today})`)
  if (body.hearing_deadline && body.doc_date && body.hearing_deadline < body.doc_date) {
    refuse('hearing_deadline', `hearing_deadline ${body.hearing_deadline} is before the notice's date ${body.doc_date}`)
  }
  if (body.due_date && body.due_date < day) refuse('due_date', `due_date ${body.due_date} is before the step itself (${day})`)
  if (body.disposal) {
    if (category !== 'idle' && (IDLE_ONLY_DISPOSALS as readonly string[]).includes(body.disposal)) {
      refuse('disposal', `${body.disposal} is a disposal of idle land (国土资源部令第53号 第十四条); a low-efficiency case cannot choose it`)
    }
    if (body.disposal === 'extend_start' && body.due_date && body.due_date > latestExtendedStart(day)) {
      refuse('due_date', `an extended start date is at most one year on (第十二条): ${latestExtendedStart(day)} at the latest, not ${body.due_date}`)
    }
  }
}

/**
 * Moves a case one step on (or closes it) at `expected` version: checks the edge against the
 * shared stage graph (409), the step's fields (422), then writes the step, the case's new stage
 * (and the disposal or successor the step decided), the parcel's status, and the audit — all in the
 * caller's transaction, so a refusal changes nothing.
 */
export async function transitionCase(client: pg.PoolClient, id: string, expected: number, body: TransitionRequest, actor: string) {
  const before = await lockAtVersion(client, 'idle_plots', id, expected)
  const category = before.category as IdleCategory
  const from = before.stage as IdleStage
  if (!isAllowedStageMove(category, from, body.to)) {
    const next = allowedNextStages(category, from)
    throw new BrokenRule(
      'stage_order',
      `case ${id} (${category}) is at ${from} and cannot go to ${body.to}: ` +
        (next.length ? `its next step is ${next.join(' or ')}` : `it has ended (${from}); a plot idle again is a new case`),
      { stage: from, allowed_next: next },
    )
  }
  const today = parkToday()
  const day = body.happened_on ?? today
  const lastDay = (await client.query<{ day: string | null }>(Q['last-step-day'], [id])).rows[0]?.day ?? null
  checkStepFields(category, body.to, body, day, lastDay, today)
  const fields = Object.fromEntries(STEP_FIELD_NAMES.map((f) => [f, blank(body[f]) ? null : (body[f] as string)])) as StepValues
  const seq = await insertStep(client, id, body.to, day, actor, body.note!.trim(), fields)
  await client.query(Q['move-case'], [id, body.to, fields.disposal ?? null, fields.successor_zh ?? null, fields.successor_en ?? null])
  const after = { ...(await snapshot(client, 'idle_plots', id)), step: await stepRow(client, id, seq) }
  await appendAudit(client, { actor, action: `step_${body.to}`, entity: 'idle_plots', entityId: id, before, after })
  await followParcel(client, String(before.parcel_id), parcelStatusForCase(body.to, category), actor, id)
  return seq
}

/**
 * Stores one piece of evidence on a step, checked by its first bytes (the type a browser claims is
 * not trusted), audited on the case. Throws 404 for an unknown case or step, 422 for content that
 * is not a JPEG, PNG, WebP or PDF.
 */
export async function attachToStep(client: pg.PoolClient, caseId: string, seq: number, file: { file_name: string; content: Buffer; media_type: string }, actor: string) {
  const exists = await client.query(Q['step-exists'], [caseId, seq])
  if (exists.rows.length === 0) throw new NotFound(`no step ${seq} on case "${caseId}"`)
  const id = `ATT-${randomBytes(6).toString('hex')}`
  const { rows } = await client.query<Record<string, unknown>>(Q['insert-attachment'], [
    id, caseId, seq, file.file_name, file.media_type, file.content.length, file.content, actor,
  ])
  await appendAudit(client, { actor, action: 'attach', entity: 'idle_plots', entityId: caseId, before: null, after: { seq, attachment: rows[0] } })
  return rows[0]!
}
