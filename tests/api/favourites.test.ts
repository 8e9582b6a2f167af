// Favourites: a signed-in investor keeps parcels on offer to come back to. Only their own, only
// parcels on offer, idempotent writes, each change audited; bad requests change nothing.
import { afterAll, describe, expect, it } from 'vitest'
import { FAVOURITE_LIMIT, type FavouritesAnswer } from '../../web/src/shared/api/portal'
import { sessionAs, sessionForUser, type SignedIn } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'

forEachDatabase((ctx) => {
  let investor: SignedIn
  let other: SignedIn
  let onOffer: string[]
  let held: string

  const list = async (who: SignedIn) => {
    const res = await ctx.app.inject({ url: '/api/favourites', headers: who.headers })
    expect(res.statusCode, res.body).toBe(200)
    return (res.json() as FavouritesAnswer).parcel_ids
  }
  const write = (who: SignedIn, method: 'PUT' | 'DELETE', parcel: string) =>
    ctx.app.inject({ method, url: `/api/favourites/${encodeURIComponent(parcel)}`, headers: who.headers })
  const rows = async () => (await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM favourites')).rows[0]!.n
  const audits = async () => (await ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'favourites'`)).rows[0]!.n

  const newInvestor = async () => {
    const email = `favourites-${Date.now()}-${Math.random().toString(16).slice(2)}@park.test`
    const { rows: r } = await ctx.db.pool.query<{ id: number }>(`INSERT INTO users (email, role, password_hash) VALUES ($1, 'investor', 'x') RETURNING id::int AS id`, [email])
    return sessionForUser(ctx.db.pool, r[0]!.id)
  }

  afterAll(async () => {
    await ctx.db.pool.query(`DELETE FROM favourites WHERE user_id = $1`, [investor.user.id])
    await ctx.db.pool.query(`DELETE FROM users WHERE email LIKE 'favourites-%@park.test'`)
  })

  it('finds parcels on offer and one that is not', async () => {
    investor = await sessionAs(ctx.db.pool, 'investor')
    other = await newInvestor()
    await ctx.db.pool.query(`DELETE FROM favourites WHERE user_id = $1`, [investor.user.id])
    onOffer = (await ctx.db.pool.query<{ id: string }>(`SELECT id FROM parcels WHERE status = 'available' ORDER BY id LIMIT 3`)).rows.map((r) => r.id)
    held = (await ctx.db.pool.query<{ id: string }>(`SELECT id FROM parcels WHERE status = 'occupied' ORDER BY id LIMIT 1`)).rows[0]!.id
    expect(onOffer).toHaveLength(3)
  })

  describe('keeping and letting go', () => {
    it('starts empty; PUT keeps a parcel (204), in the order kept, audited once even when sent twice', async () => {
      expect(await list(investor)).toEqual([])
      const before = await audits()
      for (const id of [onOffer[1]!, onOffer[0]!, onOffer[1]!]) expect((await write(investor, 'PUT', id)).statusCode).toBe(204)
      expect(await list(investor)).toEqual([onOffer[1], onOffer[0]])
      expect(await audits()).toBe(before + 2)
      const { rows: entries } = await ctx.db.pool.query(
        `SELECT actor, action, entity_id, after FROM audit_log WHERE entity = 'favourites' ORDER BY id DESC LIMIT 1`)
      expect(entries[0]).toMatchObject({ action: 'keep_favourite', entity_id: `${investor.user.id}/${onOffer[0]}`, after: { user_id: investor.user.id, parcel_id: onOffer[0] } })
    })

    it("another investor sees none of them, and keeps their own", async () => {
      expect(await list(other)).toEqual([])
      expect((await write(other, 'PUT', onOffer[2]!)).statusCode).toBe(204)
      expect(await list(other)).toEqual([onOffer[2]])
      expect(await list(investor)).toEqual([onOffer[1], onOffer[0]])
      // Letting go of someone else's favourite is letting go of nothing of theirs.
      expect((await write(investor, 'DELETE', onOffer[2]!)).statusCode).toBe(204)
      expect(await list(other)).toEqual([onOffer[2]])
    })

    it('DELETE lets one go (204), idempotent, audited when there was one', async () => {
      const before = await audits()
      expect((await write(investor, 'DELETE', onOffer[1]!)).statusCode).toBe(204)
      expect((await write(investor, 'DELETE', onOffer[1]!)).statusCode).toBe(204)
      expect(await list(investor)).toEqual([onOffer[0]])
      expect(await audits()).toBe(before + 1)
    })

    it('a parcel that leaves the offer leaves the list (and comes back with it)', async () => {
      const id = onOffer[0]!
      await ctx.db.pool.query(`UPDATE parcels SET status = 'reserved' WHERE id = $1`, [id])
      try {
        expect(await list(investor)).toEqual([])
      } finally {
        await ctx.db.pool.query(`UPDATE parcels SET status = 'available' WHERE id = $1`, [id])
      }
      expect(await list(investor)).toEqual([id])
    })
  })

  describe('refusals change nothing', () => {
    it('a parcel not on offer, unknown or malformed: 404 / 400, no row, no audit entry', async () => {
      const [n, a] = [await rows(), await audits()]
      for (const [id, status] of [[held, 404], ['NO-SUCH-PARCEL', 404], ['bad id!', 400], ['x'.repeat(65), 400]] as const) {
        const res = await write(investor, 'PUT', id)
        expect(res.statusCode, `${id}: ${res.body}`).toBe(status)
        expect((res.json() as { error: { code: string } }).error.code).toBe(status === 404 ? 'not_found' : 'bad_request')
      }
      // The same words as the public sheet's: a favourite tells nothing more about a parcel not on offer.
      const sheet = await ctx.app.inject({ url: `/api/public/parcels/${held}` })
      expect((await write(investor, 'PUT', held)).json()).toEqual(sheet.json())
      expect([await rows(), await audits()]).toEqual([n, a])
    })

    it(`at most ${FAVOURITE_LIMIT} per account: 409 favourite_limit, nothing added`, async () => {
      const crowd = await newInvestor()
      // Rows written straight in (there are not that many parcels on offer): the limit counts rows.
      await ctx.db.pool.query(
        `INSERT INTO favourites (user_id, parcel_id) SELECT $1, id FROM parcels WHERE id <> $2 ORDER BY id LIMIT $3`,
        [crowd.user.id, onOffer[2], FAVOURITE_LIMIT])
      const [n, a] = [await rows(), await audits()]
      const res = await write(crowd, 'PUT', onOffer[2]!)
      expect(res.statusCode).toBe(409)
      expect((res.json() as { error: { code: string } }).error.code).toBe('favourite_limit')
      expect([await rows(), await audits()]).toEqual([n, a])
    })

    it('only investors: the public 401, internal roles 403, on every route', async () => {
      const n = await rows()
      for (const [method, url] of [['GET', '/api/favourites'], ['PUT', `/api/favourites/${onOffer[0]}`], ['DELETE', `/api/favourites/${onOffer[0]}`]] as const) {
        expect((await ctx.app.inject({ method, url })).statusCode).toBe(401)
        for (const role of ['planner', 'land_officer', 'admin'] as const) {
          expect((await ctx.app.inject({ method, url, headers: (await sessionAs(ctx.db.pool, role)).headers })).statusCode).toBe(403)
        }
      }
      expect(await rows()).toBe(n)
    })
  })
})
