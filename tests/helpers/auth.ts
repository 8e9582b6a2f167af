import type { FastifyInstance } from 'fastify'
import type pg from 'pg'
import { demoAccount } from '../../server/auth/demo-accounts'
import type { Role } from '../../web/src/shared/access-policy'
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, createSession, csrfTokenFor } from '../../server/auth/sessions'

/** Headers that make an inject() call come from a signed-in browser: `cookie` and the CSRF header. */
export type SessionHeaders = Record<string, string> & { cookie: string }

export interface SignedIn {
  headers: SessionHeaders
  token: string
  user: { id: number; email: string; role: Role }
}

function headersFor(token: string): SessionHeaders {
  return { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrfTokenFor(token)}`, [CSRF_HEADER]: csrfTokenFor(token) }
}

/**
 * Signs in through POST /api/auth/login as the sample park's demo account of `role`.
 * @example const planner = await loginAs(ctx.app, 'planner'); await ctx.app.inject({ url, headers: planner.headers })
 */
export async function loginAs(app: FastifyInstance, role: Role): Promise<SignedIn> {
  const { email, password } = demoAccount(role)
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`)
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value
  if (!token) throw new Error(`login as ${role} set no ${SESSION_COOKIE} cookie`)
  const { user } = res.json() as { user: SignedIn['user'] }
  return { headers: headersFor(token), token, user }
}

/**
 * A session for the demo account of `role`, written straight into the sessions table: for suites
 * that need many sessions (the access matrix) without spending the login rate limit or argon2 time.
 */
export async function sessionAs(pool: pg.Pool, role: Role): Promise<SignedIn> {
  const { email } = demoAccount(role)
  const { rows } = await pool.query<{ id: number }>('SELECT id::int AS id FROM users WHERE email = $1', [email])
  const id = rows[0]?.id
  if (id === undefined) throw new Error(`no demo account ${email}: was the sample park loaded?`)
  return sessionForUser(pool, id)
}

/** The same for any account, by id. */
export async function sessionForUser(pool: pg.Pool, id: number): Promise<SignedIn> {
  const { rows } = await pool.query<{ email: string; role: Role }>('SELECT email, role FROM users WHERE id = $1', [id])
  if (!rows[0]) throw new Error(`no account ${id}`)
  const { token } = await createSession(pool, id, { idleSeconds: 3600, maxSeconds: 3600 })
  return { headers: headersFor(token), token, user: { id, ...rows[0] } }
}
