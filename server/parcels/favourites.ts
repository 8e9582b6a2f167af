import type pg from 'pg'
import { BrokenRule, NotFound } from '../errors'
import { appendAudit } from '../edits/audit'
import { PORTAL_SQL as Q } from './portal-sql'
import { FAVOURITE_LIMIT } from '../../web/src/shared/api/portal'

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>

/** The same answer as the public sheet's for a parcel not on offer: favourites tell nothing more. */
export const NOT_ON_OFFER = 'no available parcel with this id; see /api/public/parcels'

/** An investor's favourites still on offer, in the order kept. */
export async function favouritesOf(db: Queryable, userId: number): Promise<string[]> {
  return (await db.query<{ parcel_id: string }>(Q.favourites, [userId])).rows.map((r) => r.parcel_id)
}

/**
 * Keeps a parcel on offer as a favourite (idempotent: keeping it twice is one row and one audit
 * entry); 404 when it is not on offer, 409 `favourite_limit` past FAVOURITE_LIMIT.
 */
export async function keepFavourite(client: pg.PoolClient, userId: number, parcelId: string, actor: string): Promise<void> {
  const { on_offer: onOffer, kept } = (await client.query<{ on_offer: boolean; kept: boolean }>(Q['favourite-on-offer'], [parcelId, userId])).rows[0]!
  if (!onOffer) throw new NotFound(NOT_ON_OFFER)
  if (kept) return
  const count = (await client.query<{ n: number }>(Q['favourite-count'], [userId])).rows[0]!.n
  if (count >= FAVOURITE_LIMIT) {
    throw new BrokenRule('favourite_limit', `an account keeps at most ${FAVOURITE_LIMIT} favourites: remove one first`, { limit: FAVOURITE_LIMIT })
  }
  const { rows } = await client.query(Q['favourite-insert'], [userId, parcelId])
  if (rows.length === 0) return // kept by a concurrent request of the same account
  await appendAudit(client, { actor, action: 'keep_favourite', entity: 'favourites', entityId: `${userId}/${parcelId}`, before: null, after: { user_id: userId, parcel_id: parcelId } })
}

/** Lets a favourite go (idempotent: 204 either way, audited only when there was one). */
export async function dropFavourite(client: pg.PoolClient, userId: number, parcelId: string, actor: string): Promise<void> {
  const { rows } = await client.query(Q['favourite-delete'], [userId, parcelId])
  if (rows.length === 0) return
  await appendAudit(client, { actor, action: 'drop_favourite', entity: 'favourites', entityId: `${userId}/${parcelId}`, before: { user_id: userId, parcel_id: parcelId }, after: null })
}
