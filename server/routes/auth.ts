import type { FastifyInstance } from 'fastify'
import type { RouteContext } from '../context'
import { cookieSettings } from '../auth/plugin'
import { verifyPassword } from '../auth/passwords'
import { PASSWORD_MAX_LENGTH } from '../../web/src/shared/api/accounts'
import { clearSessionCookies, setSessionCookies } from '../auth/session-cookies'
import { createSession, csrfTokenFor, endSession, purgeExpiredSessions } from '../auth/sessions'
import { findLoginCandidate, getUser, recordLogin } from '../auth/users'
import type { LoginAnswer, LoginRequest, MeAnswer, PublicUser } from '../../web/src/shared/api/session'
import { Unauthorized } from '../errors'

const loginSchema = {
  body: {
    type: 'object',
    properties: {
      email: { type: 'string', minLength: 3, maxLength: 254 },
      password: { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH },
    },
    required: ['email', 'password'],
    additionalProperties: false,
  },
} as const

/** The same words for an unknown email, a wrong password and a disabled account. */
const WRONG_CREDENTIALS = 'wrong email or password'

function publicUser(u: PublicUser): PublicUser {
  return { id: u.id, email: u.email, display_name: u.display_name, role: u.role }
}

/**
 * POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me — cookie sessions (README "Accounts, roles and sessions").
 * /me answers `{user: null}` for the anonymous public rather than 401: not being signed in is the
 * normal state of most visitors, not an error.
 */
export async function authRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const cookies = cookieSettings(ctx.auth)

  app.post<{ Body: LoginRequest }>('/api/auth/login', { schema: loginSchema }, async (req, reply): Promise<LoginAnswer> => {
    const candidate = await findLoginCandidate(ctx.db.pool, req.body.email)
    // In production a demo account is no account: its password is published, so a different
    // answer for the right one would only confirm that it still exists.
    const usable = candidate !== null && !candidate.disabled && !(candidate.is_demo && ctx.auth.production)
    // Always one argon2 verification, account or not: the answer's timing tells nothing.
    const ok = await verifyPassword(usable ? candidate.password_hash : null, req.body.password)
    if (!ok || !usable) throw new Unauthorized(WRONG_CREDENTIALS)
    // A new token on every sign-in (no session fixation); the session this browser had ends.
    await endSession(ctx.db.pool, req.sessionToken ?? undefined)
    await purgeExpiredSessions(ctx.db.pool)
    const session = await createSession(ctx.db.pool, candidate.id, ctx.auth.session)
    await recordLogin(ctx.db.pool, candidate.id)
    setSessionCookies(reply, session.token, cookies)
    const account = await getUser(ctx.db.pool, candidate.id)
    return { user: publicUser(account!), csrfToken: csrfTokenFor(session.token), expiresAt: session.expiresAt.toISOString() }
  })

  app.post('/api/auth/logout', async (req, reply) => {
    await endSession(ctx.db.pool, req.sessionToken ?? undefined)
    clearSessionCookies(reply, cookies)
    return reply.status(204).send()
  })

  app.get('/api/auth/me', async (req): Promise<MeAnswer> => {
    if (!req.user || !req.sessionToken) return { user: null }
    return { user: publicUser(req.user), csrfToken: csrfTokenFor(req.sessionToken) }
  })
}
