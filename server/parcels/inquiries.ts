import type pg from 'pg'
import { Conflict, NotFound } from '../errors'
import { appendAudit } from '../edits/audit'
import { PORTAL_SQL as Q } from './portal-sql'
import type { InquiryChanges, InquiryReceipt, InquiryRow, NewInquiry, OwnInquiry } from '../../web/src/shared/api/portal'

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

type Dated<T> = Omit<T, 'created_at' | 'updated_at'> & { created_at: Date; updated_at?: Date }
const iso = <T extends OwnInquiry>(r: Dated<T>): T =>
  ({ ...r, created_at: r.created_at.toISOString(), ...(r.updated_at ? { updated_at: r.updated_at.toISOString() } : {}) }) as T

/**
 * Stores an inquiry about a parcel on offer; null when the parcel is not on offer (the route
 * answers 404 as for any id the public may not see). `userId`: the signed-in investor, if any.
 */
export async function createInquiry(db: Queryable, parcelId: string, body: NewInquiry, userId: number | null): Promise<InquiryReceipt | null> {
  const { rows } = await db.query<InquiryReceipt>(Q['inquiry-insert'], [parcelId, userId, body.name, body.company ?? null, body.contact, body.message])
  return rows[0] ?? null
}

/** Every inquiry, newest first: what land officers and admins work through. */
export async function allInquiries(db: Queryable): Promise<InquiryRow[]> {
  return (await db.query<Dated<InquiryRow>>(Q['inquiries-all'])).rows.map(iso)
}

/** A sender's own inquiries, without the park's notes. */
export async function ownInquiries(db: Queryable, userId: number): Promise<OwnInquiry[]> {
  return (await db.query<Dated<OwnInquiry>>(Q['inquiries-own'], [userId])).rows.map(iso)
}

/**
 * A land officer's answer: the status and the internal note, at `expected` version (409 when
 * stale, 404 when unknown), audited as inquiries in the caller's transaction.
 */
export async function updateInquiry(client: pg.PoolClient, id: string, expected: number, changes: Omit<InquiryChanges, 'version'>, actor: string): Promise<InquiryRow> {
  const current = (await client.query<{ version: number }>(Q['inquiry-lock'], [id])).rows[0]?.version
  if (current === undefined) throw new NotFound(`no inquiry "${id}"`)
  if (current !== expected) {
    throw new Conflict(`version ${expected} is stale: inquiry "${id}" is at version ${current}; reload and apply your change again`, { current_version: current })
  }
  const read = async () => iso((await client.query<Dated<InquiryRow>>(Q.inquiry, [id])).rows[0]!)
  const before = await read()
  await client.query(Q['inquiry-update'], [id, changes.status ?? null, changes.note !== undefined, changes.note ?? null])
  const after = await read()
  await appendAudit(client, { actor, action: 'update_inquiry', entity: 'inquiries', entityId: id, before, after })
  return after
}
