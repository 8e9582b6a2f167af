// Inquiries about land on offer: anyone may send one (validated, rate-limited per address), land
// officers answer them, an investor sees only their own, nobody else sees any.
import { afterAll, describe, expect, it } from 'vitest'
import type { InquiriesAnswer, InquiryRow, NewInquiry, OwnInquiry } from '../../web/src/shared/api/portal'
import { INQUIRY_LIMITS, INQUIRY_PER_MINUTE } from '../../web/src/shared/api/portal'
import { sessionAs, sessionForUser } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'

const INQUIRY: NewInquiry = { name: '张先生', company: '宁波某新材料有限公司', contact: '138 0000 0000', message: '请问该地块能否分期供地？' }

/** Every request from its own address, so that only the burst test meets the rate limit. */
let address = 0
const nextAddress = () => `198.51.100.${(address++ % 250) + 1}`

forEachDatabase((ctx) => {
  const created: string[] = []
  let onOffer: string
  let held: string

  const post = (parcel: string, payload: unknown, headers: Record<string, string> = {}, remoteAddress = nextAddress()) =>
    ctx.app.inject({ method: 'POST', url: `/api/public/parcels/${parcel}/inquiries`, headers, payload: payload as object, remoteAddress })
  const count = async () => (await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM inquiries')).rows[0]!.n
  const send = async (payload: unknown, headers: Record<string, string> = {}) => {
    const res = await post(onOffer, payload, headers)
    expect(res.statusCode, res.body).toBe(201)
    const { id } = res.json() as { id: string }
    created.push(id)
    return { res, id }
  }

  afterAll(async () => {
    if (created.length) await ctx.db.pool.query('DELETE FROM inquiries WHERE id = ANY ($1::uuid[])', [created])
    await ctx.db.pool.query(`DELETE FROM users WHERE email LIKE 'inquirer-%@park.test'`)
  })

  it('finds a parcel on offer and one that is not', async () => {
    onOffer = (await ctx.db.pool.query<{ id: string }>(`SELECT id FROM parcels WHERE status = 'available' ORDER BY id LIMIT 1`)).rows[0]!.id
    held = (await ctx.db.pool.query<{ id: string }>(`SELECT id FROM parcels WHERE status = 'occupied' ORDER BY id LIMIT 1`)).rows[0]!.id
  })

  describe('POST /api/public/parcels/:id/inquiries', () => {
    it('anyone: 201 with {id, status} only; stored with the parcel, the time and no account', async () => {
      const { res, id } = await send(INQUIRY)
      expect(res.json()).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'new' })
      const { rows } = await ctx.db.pool.query(`SELECT parcel_id, user_id, name, company, contact, message, status, created_at > now() - interval '1 minute' AS recent FROM inquiries WHERE id = $1`, [id])
      expect(rows[0]).toEqual({ parcel_id: onOffer, user_id: null, ...INQUIRY, status: 'new', recent: true })
      // company may be left out
      const { company: _, ...bare } = INQUIRY
      await send(bare)
    })

    it("a signed-in investor's inquiry keeps their account", async () => {
      const investor = await sessionAs(ctx.db.pool, 'investor')
      const { id } = await send(INQUIRY, investor.headers)
      const { rows } = await ctx.db.pool.query<{ user_id: string }>('SELECT user_id::int AS user_id FROM inquiries WHERE id = $1', [id])
      expect(rows[0]!.user_id).toBe(investor.user.id)
    })

    it('invalid inquiries are 4xx and store nothing', async () => {
      const before = await count()
      const bad: [string, unknown, number][] = [
        [onOffer, {}, 400],
        [onOffer, { ...INQUIRY, contact: undefined }, 400],
        [onOffer, { ...INQUIRY, contact: '' }, 400],
        [onOffer, { ...INQUIRY, contact: '   ' }, 400],
        [onOffer, { ...INQUIRY, name: '' }, 400],
        [onOffer, { ...INQUIRY, message: 'x'.repeat(INQUIRY_LIMITS.message + 1) }, 400],
        [onOffer, { ...INQUIRY, company: 'x'.repeat(INQUIRY_LIMITS.company + 1) }, 400],
        [onOffer, { ...INQUIRY, name: 'x'.repeat(INQUIRY_LIMITS.name + 1) }, 400],
        [onOffer, { ...INQUIRY, contact: 42 }, 400],
        [onOffer, { ...INQUIRY, status: 'answered' }, 400],
        [onOffer, { ...INQUIRY, user_id: 1 }, 400],
        [onOffer, { ...INQUIRY, message: 'hi \u202e there' }, 400],
        [onOffer, [INQUIRY], 400],
        [held, INQUIRY, 404],
        ['ZZ-999', INQUIRY, 404],
        ["HX-001'%20OR%20'1'='1", INQUIRY, 404],
      ]
      for (const [parcel, payload, status] of bad) {
        const res = await post(parcel, payload)
        expect(res.statusCode, `${parcel} ${JSON.stringify(payload).slice(0, 80)}`).toBe(status)
        expect(res.json()).toMatchObject({ error: { code: expect.any(String) } })
      }
      const notJson = await ctx.app.inject({ method: 'POST', url: `/api/public/parcels/${onOffer}/inquiries`, headers: { 'content-type': 'application/json' }, payload: '{"name":', remoteAddress: nextAddress() })
      expect(notJson.statusCode).toBe(400)
      const huge = await post(onOffer, { ...INQUIRY, message: 'x'.repeat(100_000) })
      expect(huge.statusCode).toBe(413)
      expect(await count()).toBe(before)
    })

    it('a burst from one address meets 429, and the refused requests store nothing', async () => {
      const before = await count()
      const from = '203.0.113.99'
      const statuses: number[] = []
      // invalid bodies: the limit counts requests, so the burst needs to store nothing to show it
      for (let i = 0; i < INQUIRY_PER_MINUTE + 3; i++) statuses.push((await post(onOffer, { name: 'x' }, {}, from)).statusCode)
      expect(statuses.slice(0, INQUIRY_PER_MINUTE)).toEqual(Array(INQUIRY_PER_MINUTE).fill(400))
      expect(statuses.slice(INQUIRY_PER_MINUTE)).toEqual([429, 429, 429])
      const limited = await post(onOffer, INQUIRY, {}, from)
      expect(limited.statusCode).toBe(429)
      expect(limited.json()).toMatchObject({ error: { code: 'too_many_requests' } })
      expect(await count()).toBe(before)
      // another address is not held back
      await send(INQUIRY)
    })
  })

  describe('GET /api/inquiries and PATCH /api/inquiries/:id', () => {
    /** A second investor account of this suite's own. */
    const otherInvestor = async () => {
      const email = `inquirer-${Date.now()}-${Math.random().toString(16).slice(2)}@park.test`
      const { rows } = await ctx.db.pool.query<{ id: number }>(`INSERT INTO users (email, role, password_hash) VALUES ($1, 'investor', 'x') RETURNING id::int AS id`, [email])
      return sessionForUser(ctx.db.pool, rows[0]!.id)
    }

    it("an investor sees their own inquiries only, without the park's note; another investor's never", async () => {
      const mine = await otherInvestor()
      const theirs = await otherInvestor()
      const { id: myId } = await send({ ...INQUIRY, message: 'mine' }, mine.headers)
      const { id: theirId } = await send({ ...INQUIRY, message: 'theirs' }, theirs.headers)
      const { id: anonId } = await send({ ...INQUIRY, message: 'anonymous' })
      // the park answers mine, with a note the sender must not see
      const officer = (await sessionAs(ctx.db.pool, 'land_officer')).headers
      const answered = await ctx.app.inject({ method: 'PATCH', url: `/api/inquiries/${myId}`, headers: { ...officer, 'if-match': '"1"' }, payload: { status: 'answered', note: 'called back; wants 80 mu' } })
      expect(answered.statusCode, answered.body).toBe(200)

      const res = await ctx.app.inject({ url: '/api/inquiries', headers: mine.headers })
      expect(res.statusCode).toBe(200)
      const own = (res.json() as InquiriesAnswer<OwnInquiry>).inquiries
      expect(own.map((i) => i.id)).toEqual([myId])
      expect(Object.keys(own[0]!).sort()).toEqual(['company', 'contact', 'created_at', 'id', 'message', 'name', 'parcel_id', 'status'])
      expect(own[0]).toMatchObject({ status: 'answered', message: 'mine', parcel_id: onOffer })
      expect(res.body).not.toContain('wants 80 mu')
      for (const id of [theirId, anonId]) expect(res.body).not.toContain(id)
      expect(((await ctx.app.inject({ url: '/api/inquiries', headers: theirs.headers })).json() as InquiriesAnswer).inquiries.map((i) => i.id)).toEqual([theirId])
    })

    it('land officers and admins see all, with status and note; planners 403; the public 401', async () => {
      const { id } = await send(INQUIRY)
      for (const role of ['land_officer', 'admin'] as const) {
        const { headers } = await sessionAs(ctx.db.pool, role)
        const all = ((await ctx.app.inject({ url: '/api/inquiries', headers })).json() as InquiriesAnswer<InquiryRow>).inquiries
        expect(all.length).toBe(await count())
        const row = all.find((i) => i.id === id)!
        expect(row).toMatchObject({ ...INQUIRY, parcel_id: onOffer, status: 'new', note: null, user_id: null, version: 1 })
      }
      const planner = (await sessionAs(ctx.db.pool, 'planner')).headers
      expect((await ctx.app.inject({ url: '/api/inquiries', headers: planner })).statusCode).toBe(403)
      expect((await ctx.app.inject({ url: '/api/inquiries' })).statusCode).toBe(401)
    })

    it('a land officer answers: status and note at the version seen (409 when stale), audited; bad changes 4xx', async () => {
      const { id } = await send(INQUIRY)
      const officer = (await sessionAs(ctx.db.pool, 'land_officer')).headers
      const patch = (payload: unknown, headers: Record<string, string> = officer, inquiry = id) =>
        ctx.app.inject({ method: 'PATCH', url: `/api/inquiries/${inquiry}`, headers, payload: payload as object })
      const ok = await patch({ status: 'answered', note: 'sent the brochure', version: 1 })
      expect(ok.statusCode, ok.body).toBe(200)
      expect(ok.headers.etag).toBe('"2"')
      expect(ok.json()).toMatchObject({ status: 'answered', note: 'sent the brochure', version: 2 })
      expect((await patch({ status: 'closed', version: 1 })).statusCode).toBe(409)
      const closed = await ctx.app.inject({ method: 'PATCH', url: `/api/inquiries/${id}`, headers: { ...officer, 'if-match': '"2"' }, payload: { status: 'closed' } })
      expect(closed.json()).toMatchObject({ status: 'closed', note: 'sent the brochure', version: 3 })
      const audit = await ctx.db.pool.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'inquiries' AND entity_id = $1 ORDER BY id`, [id])
      expect(audit.rows.map((r) => r.action)).toEqual(['update_inquiry', 'update_inquiry'])

      for (const [payload, status] of [[{ status: 'spam', version: 3 }, 400], [{ version: 3 }, 400], [{}, 400], [{ status: 'new', message: 'x', version: 3 }, 400], [{ status: 'new' }, 428]] as const) {
        expect((await patch(payload)).statusCode, JSON.stringify(payload)).toBe(status)
      }
      expect((await patch({ status: 'new', version: 1 }, officer, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
      expect((await patch({ status: 'new', version: 1 }, officer, 'not-a-uuid')).statusCode).toBe(400)
      for (const role of ['planner', 'investor'] as const) {
        const { headers } = await sessionAs(ctx.db.pool, role)
        expect((await patch({ status: 'new', version: 3 }, headers)).statusCode, role).toBe(403)
      }
      expect((await patch({ status: 'new', version: 3 }, {})).statusCode).toBe(401)
      const { rows } = await ctx.db.pool.query('SELECT status, version FROM inquiries WHERE id = $1', [id])
      expect(rows[0]).toEqual({ status: 'closed', version: 3 })
    })
  })
})

