import { describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { demoAccount } from '../../server/auth/demo-accounts'
import type { AuthOptions } from '../../server/auth/plugin'
import { CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor, sessionHash } from '../../server/auth/sessions'
import { loginAs, sessionAs } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'

const AUTH: AuthOptions = { production: false, secureCookies: false, session: { idleSeconds: 12 * 3600, maxSeconds: 7 * 24 * 3600 } }
const GENERIC = { error: { code: 'unauthorized', message: 'wrong email or password' } }

forEachDatabase((ctx) => {
  const login = (email: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  const me = (headers: Record<string, string> = {}) => ctx.app.inject({ url: '/api/auth/me', headers })
  const sessionRow = async (token: string) =>
    (await ctx.db.pool.query<{ expires_at: Date; created_at: Date }>('SELECT expires_at, created_at FROM sessions WHERE token_hash = $1', [sessionHash(token)])).rows[0]

  describe('POST /api/auth/login', () => {
    it('signs in: an httpOnly SameSite=Strict session cookie, a readable CSRF cookie, no password hash', async () => {
      const { email, password } = demoAccount('planner')
      const res = await login(email.toUpperCase(), password)
      expect(res.statusCode, res.body).toBe(200)
      const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!
      const csrf = res.cookies.find((c) => c.name === CSRF_COOKIE)!
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
      expect(session.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(csrf.httpOnly).toBeFalsy()
      expect(csrf).toMatchObject({ sameSite: 'Strict', value: csrfTokenFor(session.value) })
      const body = res.json() as Record<string, unknown>
      expect(body).toMatchObject({ user: { email, role: 'planner', id: expect.any(Number) }, csrfToken: csrf.value })
      expect(res.body).not.toMatch(/password|argon2/)
      // The table holds the token's hash, never the token.
      expect(await sessionRow(session.value)).toBeDefined()
      const { rows } = await ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1 OR token_hash LIKE '%' || $1 || '%'`, [session.value])
      expect(rows[0]!.n).toBe(0)
    })

    it('a wrong password, an unknown email and a disabled account get the same 401', async () => {
      const { email } = demoAccount('land_officer')
      const wrong = await login(email, 'not-the-password')
      const unknown = await login('nobody@nowhere.test', 'not-the-password')
      await ctx.db.pool.query(`INSERT INTO users (email, role, password_hash, disabled_at) VALUES ('gone@park.test', 'planner', 'x', now()) ON CONFLICT DO NOTHING`)
      const disabled = await login('gone@park.test', 'not-the-password')
      for (const res of [wrong, unknown, disabled]) {
        expect(res.statusCode).toBe(401)
        expect(res.json()).toEqual(GENERIC)
        expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined()
      }
    })

    it('does the same work for an unknown email as for a wrong password (one argon2 verification either way)', async () => {
      // CPU time of this process (argon2 runs on libuv's threads, which it counts), not wall time:
      // it measures the work done, which other load on the machine does not change.
      const work = async (email: string) => {
        const t0 = process.cpuUsage()
        await login(email, 'not-the-password')
        const used = process.cpuUsage(t0)
        return used.user + used.system
      }
      const { email } = demoAccount('investor')
      await work(email) // warm-up: the dummy hash is made on first use
      await work('warm@nowhere.test')
      const known = Math.min(await work(email), await work(email), await work(email))
      const unknown = Math.min(await work('a@nowhere.test'), await work('b@nowhere.test'), await work('c@nowhere.test'))
      expect(unknown / known).toBeGreaterThan(0.4)
      expect(unknown / known).toBeLessThan(2.5)
    })

    it('malformed bodies are 400s that name the problem', async () => {
      const cases = [{}, { email: 'a@b.c' }, { email: 'a@b.c', password: 'x', admin: true }, { email: 'a@b.c', password: 'x'.repeat(257) }]
      for (const payload of cases) {
        const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload })
        expect(res.statusCode, JSON.stringify(payload)).toBe(400)
        expect(res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.any(String) } })
      }
      const form = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'email=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      expect(form.statusCode).toBe(415)
    })
  })

  describe('GET /api/auth/me and POST /api/auth/logout', () => {
    it('me: {user: null} for the public; the user and the CSRF token when signed in', async () => {
      expect((await me()).json()).toEqual({ user: null })
      const planner = await loginAs(ctx.app, 'planner')
      expect((await me(planner.headers)).json()).toEqual({
        user: { id: planner.user.id, email: planner.user.email, display_name: expect.any(String), role: 'planner' },
        csrfToken: csrfTokenFor(planner.token),
      })
    })

    it('logout ends the session in the database and clears both cookies', async () => {
      const s = await loginAs(ctx.app, 'land_officer')
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })
      expect(res.statusCode).toBe(204)
      for (const name of [SESSION_COOKIE, CSRF_COOKIE]) {
        expect(res.cookies.find((c) => c.name === name)).toMatchObject({ value: '', path: '/' })
      }
      expect(await sessionRow(s.token)).toBeUndefined()
      expect((await me(s.headers)).json()).toEqual({ user: null })
      const after = await ctx.app.inject({ url: '/api/analysis/chemical-firms-outside-cluster', headers: s.headers })
      expect(after.statusCode).toBe(401)
    })

    it('an unknown or garbage session cookie is the public, and the cookie is cleared', async () => {
      for (const cookie of [`${SESSION_COOKIE}=${'A'.repeat(43)}`, `${SESSION_COOKIE}=../../etc/passwd`, `${SESSION_COOKIE}='; DROP TABLE users; --`]) {
        const res = await me({ cookie })
        expect(res.statusCode).toBe(200)
        expect(res.json()).toEqual({ user: null })
        expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('')
      }
    })
  })

  describe('expiry', () => {
    it('an expired session is no session', async () => {
      const s = await sessionAs(ctx.db.pool, 'planner')
      await ctx.db.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [sessionHash(s.token)])
      expect((await me(s.headers)).json()).toEqual({ user: null })
      expect((await ctx.app.inject({ url: '/api/metrics/per-mu', headers: s.headers })).statusCode).toBe(401)
    })

    it('use pushes the idle expiry forward, never past the absolute lifetime', async () => {
      const s = await sessionAs(ctx.db.pool, 'planner')
      await ctx.db.pool.query(
        `UPDATE sessions SET last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '1 minute' WHERE token_hash = $1`,
        [sessionHash(s.token)],
      )
      await me(s.headers)
      const pushed = await sessionRow(s.token)
      expect(pushed!.expires_at.getTime() - Date.now()).toBeGreaterThan(AUTH.session.idleSeconds * 1000 - 60_000)
      // Near the end of its absolute lifetime, use no longer extends it.
      await ctx.db.pool.query(
        `UPDATE sessions SET created_at = now() - make_interval(secs => $2::float8 - 30), last_seen_at = now() - interval '2 minutes' WHERE token_hash = $1`,
        [sessionHash(s.token), AUTH.session.maxSeconds],
      )
      await me(s.headers)
      const capped = await sessionRow(s.token)
      expect(capped!.expires_at.getTime()).toBeLessThanOrEqual(capped!.created_at.getTime() + AUTH.session.maxSeconds * 1000 + 1)
    })
  })

  describe('CSRF', () => {
    const overlap = { layers: ['zones'], ref: { layer: 'parcels', ids: ['FT-001'] } }

    it('a signed-in write without the token, or with a wrong one, is refused (403) before it runs', async () => {
      const s = await sessionAs(ctx.db.pool, 'planner')
      const { cookie } = s.headers
      for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'forged' }, { cookie, 'x-csrf-token': csrfTokenFor('another-session') }]) {
        const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/overlap', payload: overlap, headers })
        expect(res.statusCode).toBe(403)
        expect(res.json()).toMatchObject({ error: { code: 'csrf_token', message: expect.stringContaining('x-csrf-token') } })
      }
      const ok = await ctx.app.inject({ method: 'POST', url: '/api/analysis/overlap', payload: overlap, headers: s.headers })
      expect(ok.statusCode, ok.body).toBe(200)
    })

    it('logout needs the token too (a forged logout is refused and the session lives)', async () => {
      const s = await sessionAs(ctx.db.pool, 'investor')
      const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.headers.cookie } })
      expect(res.statusCode).toBe(403)
      expect(await sessionRow(s.token)).toBeDefined()
    })

    it('reads need no token, and anonymous writes carry no session to forge', async () => {
      const s = await sessionAs(ctx.db.pool, 'planner')
      expect((await ctx.app.inject({ url: '/api/metrics/per-mu', headers: { cookie: s.headers.cookie } })).statusCode).toBe(200)
      const area = await ctx.app.inject({ method: 'POST', url: '/api/analysis/area', payload: { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.7]]] } })
      expect(area.statusCode).toBe(200)
    })
  })

  describe('security headers', () => {
    it('helmet headers with a CSP that lets the map run (blob: workers, data: images) and nothing else', async () => {
      const res = await ctx.app.inject('/api/health')
      const csp = String(res.headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("worker-src 'self' blob:")
      expect(csp).toContain("img-src 'self' data: blob:")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['x-powered-by']).toBeUndefined()
    })
  })
}, { app: { auth: { ...AUTH, loginPerMinute: 1000 } } })

forEachDatabase((ctx) => {
  describe('production', () => {
    it('demo accounts are refused at login with the answer of a wrong password, and their sessions count for nothing', async () => {
      const app = await buildApp({ db: ctx.db }, { auth: { ...AUTH, production: true, secureCookies: true } })
      try {
        for (const role of ['admin', 'planner', 'land_officer', 'investor'] as const) {
          const { email, password } = demoAccount(role)
          const right = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
          const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `${password}-not` } })
          // No oracle: the published password gets the very answer a wrong one gets.
          expect(right.statusCode).toBe(401)
          expect(right.body).toBe(wrong.body)
          expect(right.cookies).toEqual([])
        }
        const old = await sessionAs(ctx.db.pool, 'admin')
        expect((await app.inject({ url: '/api/admin/users', headers: old.headers })).statusCode).toBe(401)
        // …while a real account signs in, with Secure cookies.
        await ctx.db.pool.query(`INSERT INTO users (email, role, password_hash) VALUES ('real@park.test', 'planner', $1) ON CONFLICT DO NOTHING`, [
          await (await import('../../server/auth/passwords')).hashPassword('a real password'),
        ])
        const real = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'real@park.test', password: 'a real password' } })
        expect(real.statusCode).toBe(200)
        expect(real.cookies.every((c) => c.secure)).toBe(true)
      } finally {
        await app.close()
      }
    })
  })

  describe('rate limit', () => {
    it('the 11th login a minute from one address is a 429 JSON error', async () => {
      const app = await buildApp({ db: ctx.db }, { auth: AUTH })
      try {
        const statuses: number[] = []
        for (let i = 0; i < 11; i++) {
          const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@nowhere.test', password: 'guess' }, remoteAddress: '203.0.113.7' })
          statuses.push(res.statusCode)
          if (i === 10) expect(res.json()).toMatchObject({ error: { code: 'too_many_requests', message: expect.stringMatching(/10 a minute/) } })
        }
        expect(statuses).toEqual([...Array(10).fill(401), 429])
        // Another address is not affected.
        const other = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@nowhere.test', password: 'guess' }, remoteAddress: '203.0.113.8' })
        expect(other.statusCode).toBe(401)
      } finally {
        await app.close()
      }
    })
  })
})
