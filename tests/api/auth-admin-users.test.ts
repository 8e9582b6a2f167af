import { describe, expect, it } from 'vitest'
import { demoAccount } from '../../server/auth/demo-accounts'
import { ensureFirstAdmin } from '../../server/auth/first-admin'
import type { AuthOptions } from '../../server/auth/plugin'
import { sessionHash } from '../../server/auth/sessions'
import { loginAs, sessionAs } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'

const AUTH: AuthOptions = { production: false, secureCookies: false, session: { idleSeconds: 3600, maxSeconds: 7200 }, loginPerMinute: 1000 }

interface User { id: number; email: string; role: string; disabled: boolean; is_demo: boolean; version: number }

forEachDatabase((ctx) => {
  const admin = () => sessionAs(ctx.db.pool, 'admin')
  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers?: Record<string, string>) =>
    ctx.app.inject({ method, url, ...(payload ? { payload } : {}), headers: headers ?? (await admin()).headers })
  const login = (email: string, password: string) => ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  const lastAudit = async (entityId: number) =>
    (await ctx.db.pool.query<{ actor: string; action: string; before: unknown; after: unknown }>(
      `SELECT actor, action, before, after FROM audit_log WHERE entity = 'users' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [String(entityId)],
    )).rows[0]
  let seq = 0
  const newEmail = () => `officer${++seq}.${Date.now()}@park.test`

  describe('/api/admin/users', () => {
    it('lists the accounts, never a password hash', async () => {
      const res = await call('GET', '/api/admin/users')
      expect(res.statusCode).toBe(200)
      const { users } = res.json() as { users: User[] }
      for (const role of ['admin', 'planner', 'land_officer', 'investor']) {
        expect(users).toContainEqual(expect.objectContaining({ email: demoAccount(role as 'admin').email, role, is_demo: true, disabled: false }))
      }
      expect(res.body).not.toMatch(/password|argon2/)
    })

    it('creates an account that can sign in; audited with the admin as actor and no hash', async () => {
      const email = newEmail()
      const res = await call('POST', '/api/admin/users', { email: email.toUpperCase(), password: 'correct horse battery', role: 'land_officer', display_name: '张三' })
      expect(res.statusCode, res.body).toBe(201)
      const { user } = res.json() as { user: User }
      expect(user).toMatchObject({ email, role: 'land_officer', is_demo: false, disabled: false, version: 1 })
      expect((await login(email, 'correct horse battery')).statusCode).toBe(200)
      const audit = await lastAudit(user.id)
      expect(audit).toMatchObject({ actor: demoAccount('admin').email, action: 'create_user', before: null, after: { email, role: 'land_officer' } })
      expect(JSON.stringify(audit)).not.toMatch(/argon2|password_hash/)
      // The same email in another case is the same account.
      const again = await call('POST', '/api/admin/users', { email, password: 'another password', role: 'planner' })
      expect(again.statusCode).toBe(409)
    })

    it('refuses bad accounts with a 400 and creates nothing', async () => {
      const count = async () => (await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM users')).rows[0]!.n
      const before = await count()
      const bad = [
        { email: 'not-an-email', password: 'long enough pw', role: 'planner' },
        { email: newEmail(), password: 'short', role: 'planner' },
        { email: newEmail(), password: 'long enough pw', role: 'superuser' },
        { email: newEmail(), password: 'long enough pw', role: 'planner', is_demo: true },
        { email: newEmail(), role: 'planner' },
      ]
      for (const payload of bad) expect((await call('POST', '/api/admin/users', payload)).statusCode, JSON.stringify(payload)).toBe(400)
      expect(await count()).toBe(before)
    })

    it('a role change applies to sessions already open; disabling signs the account out everywhere', async () => {
      const email = newEmail()
      const { user } = (await call('POST', '/api/admin/users', { email, password: 'correct horse battery', role: 'planner' })).json() as { user: User }
      const theirs = (await login(email, 'correct horse battery')).cookies.find((c) => c.name === 'pa_session')!.value
      const asThem = { cookie: `pa_session=${theirs}` }
      expect((await ctx.app.inject({ url: '/api/metrics/per-mu', headers: asThem })).statusCode).toBe(200)

      const demoted = await call('PATCH', `/api/admin/users/${user.id}`, { role: 'investor' })
      expect(demoted.json()).toMatchObject({ user: { role: 'investor', version: 2 } })
      expect((await ctx.app.inject({ url: '/api/metrics/per-mu', headers: asThem })).statusCode).toBe(403)
      expect(await lastAudit(user.id)).toMatchObject({ action: 'update_user', before: { role: 'planner' }, after: { role: 'investor' } })

      expect((await call('PATCH', `/api/admin/users/${user.id}`, { disabled: true })).json()).toMatchObject({ user: { disabled: true } })
      const { rows } = await ctx.db.pool.query('SELECT 1 FROM sessions WHERE token_hash = $1', [sessionHash(theirs)])
      expect(rows).toEqual([])
      expect((await login(email, 'correct horse battery')).json()).toEqual({ error: { code: 'unauthorized', message: 'wrong email or password' } })
      expect((await call('PATCH', `/api/admin/users/${user.id}`, { disabled: false })).statusCode).toBe(200)
      expect((await login(email, 'correct horse battery')).statusCode).toBe(200)
    })

    it('an admin cannot demote or disable themselves (409), and nothing changes', async () => {
      const me = await loginAs(ctx.app, 'admin')
      for (const change of [{ role: 'planner' }, { disabled: true }]) {
        const res = await call('PATCH', `/api/admin/users/${me.user.id}`, change, me.headers)
        expect(res.statusCode).toBe(409)
      }
      expect((await call('GET', '/api/admin/users', undefined, me.headers)).statusCode).toBe(200)
      expect((await call('PATCH', `/api/admin/users/${me.user.id}`, { display_name: 'still admin' }, me.headers)).statusCode).toBe(200)
    })

    it('a password reset ends the old sessions; the new password works, the old one does not', async () => {
      const email = newEmail()
      const { user } = (await call('POST', '/api/admin/users', { email, password: 'first password!', role: 'investor' })).json() as { user: User }
      const old = (await login(email, 'first password!')).cookies.find((c) => c.name === 'pa_session')!.value
      const res = await call('POST', `/api/admin/users/${user.id}/password`, { password: 'second password!' })
      expect(res.statusCode).toBe(204)
      expect((await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: `pa_session=${old}` } })).json()).toEqual({ user: null })
      expect((await login(email, 'first password!')).statusCode).toBe(401)
      expect((await login(email, 'second password!')).statusCode).toBe(200)
      const audit = await lastAudit(user.id)
      expect(audit).toMatchObject({ action: 'reset_password' })
      expect(JSON.stringify(audit)).not.toMatch(/second password|argon2/)
    })

    it('unknown, malformed and hostile ids are 404s; empty or unknown changes are 400s', async () => {
      for (const id of ['999999999', 'abc', '0', '-1', "1'%20OR%20'1'='1", '..%2F..%2Fetc%2Fpasswd']) {
        const res = await call('PATCH', `/api/admin/users/${id}`, { role: 'planner' })
        expect(res.statusCode, id).toBe(404)
      }
      const { id } = (await loginAs(ctx.app, 'investor')).user
      for (const payload of [{}, { role: 'root' }, { password_hash: 'x' }, { email: 'new@x.test' }, { disabled: 'yes' }]) {
        expect((await call('PATCH', `/api/admin/users/${id}`, payload)).statusCode, JSON.stringify(payload)).toBe(400)
      }
    })
  })

  describe('the first admin from ADMIN_EMAIL + ADMIN_PASSWORD', () => {
    it('is created when no real admin exists, once, and can sign in', async () => {
      const email = `root.${Date.now()}@park.test`
      const log: string[] = []
      try {
        expect(await ensureFirstAdmin(ctx.db.pool, { adminEmail: undefined, adminPassword: undefined }, (l) => log.push(l))).toBe('not_configured')
        // The sample park's demo admin exists here: the log says so rather than "no admin account yet".
        expect(log.join()).toMatch(/only the demo admin account exists.*ADMIN_EMAIL/)
        await expect(ensureFirstAdmin(ctx.db.pool, { adminEmail: email, adminPassword: 'short' }, () => undefined)).rejects.toThrow(/at least 10/)
        // The demo admin does not count: it cannot sign in in production.
        expect(await ensureFirstAdmin(ctx.db.pool, { adminEmail: email, adminPassword: 'the first admin pw' }, (l) => log.push(l))).toBe('created')
        expect((await login(email, 'the first admin pw')).json()).toMatchObject({ user: { email, role: 'admin' } })
        expect(await ensureFirstAdmin(ctx.db.pool, { adminEmail: `other.${email}`, adminPassword: 'another admin pw' }, () => undefined)).toBe('exists')
        const { rows } = await ctx.db.pool.query(`SELECT actor, action FROM audit_log WHERE entity = 'users' AND after->>'email' = $1`, [email])
        expect(rows).toEqual([{ actor: 'system:ADMIN_EMAIL', action: 'create_user' }])
      } finally {
        await ctx.db.pool.query('DELETE FROM users WHERE email = $1', [email])
      }
    })
  })
}, { app: { auth: AUTH } })
