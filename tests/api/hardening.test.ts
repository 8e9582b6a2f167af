// Hardening, round 2: no request can freeze the park, and authority is checked when a request
// acts. Each block failed on the code before it: a 100,000-vertex polygon was anyone's to send,
// /api/health waited behind it, nothing bounded a statement or a request's arrival, and a write
// acted on what its headers were allowed.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { poolFor, type Database } from '../../server/db/connect'
import { databaseClientError } from '../../server/errors'
import { VERTEX_BUDGET } from '../../web/src/shared/access-policy'
import { forEachDatabase } from '../helpers/databases'
import { sessionAs, sessionForUser, type SignedIn } from '../helpers/auth'
import { polygon, starRing } from '../helpers/geodesy'
import { heldRequest } from '../helpers/raw-http'
import { tableState } from '../helpers/table-state'

/** A ring of `positions` positions (closing one included) whose spikes make the validity check quadratic. */
const spiky = (positions: number) => polygon(starRing(positions - 1, 1000, (i) => (i % 2 ? 0.01 : 1)))
const small = polygon(starRing(4, 100, () => 1))
const draft = (geometry: unknown) => ({ name_zh: '南区扩区方案', name_en: 'South expansion', geometry })

forEachDatabase((ctx, kind) => {
  let planner: SignedIn
  let admin: SignedIn
  let investor: SignedIn
  /** The suite's app, listening: held requests and concurrent ones need a real socket. */
  let url: string
  beforeAll(async () => {
    planner = await sessionAs(ctx.db.pool, 'planner')
    admin = await sessionAs(ctx.db.pool, 'admin')
    investor = await sessionAs(ctx.db.pool, 'investor')
    url = await ctx.anonymous.listen({ port: 0, host: '127.0.0.1' })
  })
  const area = (body: unknown, who?: SignedIn) =>
    ctx.anonymous.inject({ method: 'POST', url: '/api/analysis/area', payload: body as object, headers: who?.headers ?? {} })

  describe('each audience has a vertex budget, counted before any SQL', () => {
    it('the public and investors: at most VERTEX_BUDGET.public', async () => {
      for (const who of [undefined, investor]) {
        expect((await area(spiky(VERTEX_BUDGET.public), who)).statusCode).toBe(200)
        const over = await area(spiky(VERTEX_BUDGET.public + 1), who)
        expect(over.statusCode).toBe(422)
        expect(over.json()).toMatchObject({ error: { message: expect.stringMatching(/too many vertices: at most 2000/), details: { max_vertices: VERTEX_BUDGET.public } } })
      }
    })

    it('internal roles: more, and not without end — for area, overlap and boundaries alike', async () => {
      expect((await area(spiky(VERTEX_BUDGET.public + 1), planner)).statusCode).toBe(200)
      const before = await tableState(ctx.db.pool)
      const over = spiky(VERTEX_BUDGET.internal + 1)
      const answers = [
        await area(over, planner),
        await ctx.anonymous.inject({ method: 'POST', url: '/api/analysis/overlap', payload: { geometry: over, layers: ['parcels'] }, headers: planner.headers }),
        await ctx.anonymous.inject({ method: 'POST', url: '/api/scenarios', payload: draft(over), headers: planner.headers }),
      ]
      for (const res of answers) {
        expect(res.statusCode, res.body).toBe(422)
        expect(res.json()).toMatchObject({ error: { details: { max_vertices: VERTEX_BUDGET.internal } } })
      }
      expect(await tableState(ctx.db.pool)).toEqual(before)
    })
  })

  describe('while the largest request any audience may send runs', () => {
    it('/api/health answers before it finishes', async () => {
      const finished: string[] = []
      const heavy = fetch(`${url}/api/analysis/area`, {
        method: 'POST',
        headers: { ...planner.headers, 'content-type': 'application/json' },
        body: JSON.stringify(spiky(VERTEX_BUDGET.internal)),
      }).then(async (res) => {
        finished.push('heavy')
        return res.status
      })
      // Let the heavy request reach the database first.
      await new Promise((resolve) => setTimeout(resolve, 300))
      const health = await fetch(`${url}/api/health`)
      finished.push('health')
      expect(await health.json()).toEqual({ ok: true })
      expect(await heavy).toBe(200)
      expect(finished).toEqual(['health', 'heavy'])
    })
  })

  describe('a statement past its timeout', () => {
    let db: Database
    let app: FastifyInstance
    beforeAll(async () => {
      const pool = poolFor(ctx.db.pool.options.connectionString!, ctx.db.kind, 200)
      db = { pool, kind: ctx.db.kind, close: () => pool.end() }
      app = await buildApp({ db })
    })
    afterAll(async () => {
      await app?.close()
      await db?.close()
    })

    it('is a 503 with a clear message, and the app answers the next request', async () => {
      const slow = await app.inject({ method: 'POST', url: '/api/analysis/area', payload: spiky(VERTEX_BUDGET.internal), headers: planner.headers })
      expect(slow.statusCode, slow.body).toBe(503)
      expect(slow.json()).toEqual({ error: { code: 'statement_timeout', message: expect.stringMatching(/took too long/) } })
      // On PGlite the statement runs on to its end on the database's thread; the next one waits for it.
      let next = await app.inject({ method: 'POST', url: '/api/analysis/area', payload: small })
      for (let i = 0; i < 20 && next.statusCode === 503; i++) {
        next = await app.inject({ method: 'POST', url: '/api/analysis/area', payload: small })
      }
      expect(next.statusCode, next.body).toBe(200)
    })
  })

  describe('authority is checked again when the body has arrived', () => {
    const patchUser = (id: number, body: object, who: SignedIn) =>
      ctx.anonymous.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, payload: body, headers: who.headers })

    it('a planner disabled while their POST /api/scenarios was arriving changes nothing (401)', async () => {
      const zoneAudit = `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'scenarios'`
      const before = await tableState(ctx.db.pool)
      const auditBefore = (await ctx.db.pool.query(zoneAudit)).rows[0]
      const held = await heldRequest(url, 'POST', '/api/scenarios', planner.headers, JSON.stringify(draft(small)))
      await new Promise((resolve) => setTimeout(resolve, 200))
      try {
        expect((await patchUser(planner.user.id, { disabled: true }, admin)).statusCode).toBe(200)
        const answer = await held.finish()
        expect(answer.status, answer.body).toBe(401)
      } finally {
        expect((await patchUser(planner.user.id, { disabled: false }, admin)).statusCode).toBe(200)
        planner = await sessionAs(ctx.db.pool, 'planner')
      }
      // Only the account changed (disabled, enabled again, both audited): no scenario, none audited.
      expect((await tableState(ctx.db.pool)).scenarios).toBe(before.scenarios)
      expect((await tableState(ctx.db.pool)).scenario_versions).toBe(before.scenario_versions)
      expect((await ctx.db.pool.query(zoneAudit)).rows[0]).toEqual(auditBefore)
    })

    it('an admin demoted while their PATCH arrived cannot demote the last other admin (403)', async () => {
      // A second admin, who demotes the first while the first's request is held.
      const created = await ctx.anonymous.inject({
        method: 'POST', url: '/api/admin/users', headers: admin.headers,
        payload: { email: `second.admin.${Date.now()}@park.test`, password: 'a second admin pw', role: 'admin' },
      })
      expect(created.statusCode, created.body).toBe(201)
      const second = (created.json() as { user: { id: number } }).user
      const secondSession = await sessionForUser(ctx.db.pool, second.id)
      const held = await heldRequest(url, 'PATCH', `/api/admin/users/${second.id}`, admin.headers, JSON.stringify({ role: 'investor' }))
      await new Promise((resolve) => setTimeout(resolve, 200))
      try {
        expect((await patchUser(admin.user.id, { role: 'investor' }, secondSession)).statusCode).toBe(200)
        const answer = await held.finish()
        expect(answer.status, answer.body).toBe(403)
        const { rows: admins } = await ctx.db.pool.query(`SELECT id::int FROM users WHERE role = 'admin' AND disabled_at IS NULL`)
        expect(admins).toEqual([{ id: second.id }])
      } finally {
        expect((await patchUser(admin.user.id, { role: 'admin' }, secondSession)).statusCode).toBe(200)
        await ctx.db.pool.query('DELETE FROM users WHERE id = $1', [second.id])
      }
    })
  })

  describe('a request must arrive in time', () => {
    let app: FastifyInstance
    let slowUrl: string
    beforeAll(async () => {
      app = await buildApp({ db: ctx.db }, { requestTimeoutMs: 300 })
      slowUrl = await app.listen({ port: 0, host: '127.0.0.1' })
    })
    afterAll(() => app?.close())

    it('a body that stops half-way is answered 408, and nothing changes', async () => {
      const before = await tableState(ctx.db.pool)
      const held = await heldRequest(slowUrl, 'POST', '/api/scenarios', planner.headers, JSON.stringify(draft(small)))
      // Never finished: the server gives up on it by itself.
      expect((await held.answer).status).toBe(408)
      expect(await tableState(ctx.db.pool)).toEqual(before)
    })
  })

  describe('the park always keeps an enabled admin, in the database', () => {
    const adminCount = async () => (await ctx.db.pool.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL`)).rows[0].n as number

    it('no UPDATE or DELETE may leave it without one', async () => {
      const n = await adminCount()
      expect(n).toBeGreaterThan(0)
      for (const sql of [
        `UPDATE users SET role = 'planner' WHERE role = 'admin'`,
        `UPDATE users SET disabled_at = now() WHERE role = 'admin'`,
        `DELETE FROM users WHERE role = 'admin'`,
      ]) {
        await expect(ctx.db.pool.query(sql), sql).rejects.toMatchObject({ constraint: 'keep_an_enabled_admin' })
      }
      expect(await adminCount()).toBe(n)
    })

    it('one transaction may hand the role over in either order', async () => {
      const client = await ctx.db.pool.connect()
      try {
        await client.query('BEGIN')
        const { rows } = await client.query<{ id: number }>(`SELECT id::int FROM users WHERE role = 'admin' AND disabled_at IS NULL`)
        await client.query(`UPDATE users SET role = 'planner' WHERE role = 'admin'`)
        await client.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [rows[0]!.id])
        await client.query('COMMIT')
      } finally {
        client.release()
      }
    })

    // Two connections at once: only the server database has them (PGlite is one session).
    it.runIf(kind === 'postgres')('two admins demoting each other at once: one of them stays', async () => {
      const { rows } = await ctx.db.pool.query<{ id: number }>(
        `INSERT INTO users (email, role, password_hash) VALUES ($1, 'admin', 'x') RETURNING id::int`, [`race.${Date.now()}@park.test`])
      const other = rows[0]!.id
      const [a, b] = [await ctx.db.pool.connect(), await ctx.db.pool.connect()]
      try {
        await a.query('BEGIN')
        await b.query('BEGIN')
        // Every other admin is already out of the picture in both transactions.
        await a.query(`UPDATE users SET role = 'planner' WHERE role = 'admin' AND id <> $1`, [other])
        await b.query(`UPDATE users SET role = 'planner' WHERE id = $1`, [other])
        const results = await Promise.allSettled([a.query('COMMIT'), b.query('COMMIT')])
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
        expect(await adminCount()).toBeGreaterThan(0)
      } finally {
        a.release()
        b.release()
        await ctx.db.pool.query(`UPDATE users SET role = 'admin' WHERE email = $1`, [admin.user.email])
        await ctx.db.pool.query('DELETE FROM users WHERE id = $1', [other])
      }
    })

    it('the API answers the database’s refusal as 409 last_admin', async () => {
      const refusal = await ctx.db.pool.query(`UPDATE users SET role = 'investor' WHERE role = 'admin'`).catch((err: unknown) => err)
      expect(databaseClientError(refusal)).toEqual({ status: 409, code: 'last_admin', message: expect.stringMatching(/at least one enabled admin/) })
      // The route's own rule comes first for the one path it can see: an admin demoting themselves.
      const res = await ctx.anonymous.inject({ method: 'PATCH', url: `/api/admin/users/${admin.user.id}`, payload: { disabled: true }, headers: admin.headers })
      expect(res.statusCode).toBe(409)
    })
  })
})
