import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { namedSql } from '../db/named-sql'
import { fixedStatement } from '../db/connect'
import type { PublicUser } from '../../web/src/shared/api/session'
import type { Queryable } from './users'

/** httpOnly, SameSite=Strict: the session token; scripts never see it. */
export const SESSION_COOKIE = 'pa_session'
/** Readable by the page's own scripts, which echo it in CSRF_HEADER on every write. */
export const CSRF_COOKIE = 'pa_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const Q = namedSql(new URL('./sql/sessions.sql', import.meta.url), ['create', 'find', 'end', 'end-all-of-user', 'purge-expired'])

/** The signed-in account as requests carry it: what the session routes show, and whether it is a demo account. */
export interface SessionUser extends PublicUser {
  is_demo: boolean
}

export interface SessionTimes {
  /** A session unused this long ends (12 h by default, SESSION_IDLE_HOURS). */
  idleSeconds: number
  /** …and none outlives this, however busy. */
  maxSeconds: number
}

export interface FoundSession {
  user: SessionUser
  expiresAt: Date
}

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/

/** 256 random bits, base64url: the value of the session cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

function digest(purpose: string, token: string): Buffer {
  return createHash('sha256').update(`${purpose}\0${token}`).digest()
}

/** What the `sessions` table stores instead of the token. */
export function sessionHash(token: string): string {
  return digest('session', token).toString('hex')
}

/**
 * The CSRF token of a session, derived from its secret token: bound to the session, so a token
 * planted in another browser's cookie jar is worthless, and nothing extra to store. A page on another
 * site can neither read the cookie (same-origin policy) nor compute the token (it never sees the session).
 */
export function csrfTokenFor(token: string): string {
  return digest('csrf', token).toString('base64url')
}

/** Constant-time comparison of the header against the session's CSRF token. */
export function csrfMatches(token: string, header: string | undefined): boolean {
  if (header === undefined) return false
  const expected = Buffer.from(csrfTokenFor(token))
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export async function createSession(db: Queryable, userId: number, times: SessionTimes): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken()
  const { rows } = await db.query<{ expires_at: Date }>(
    Q.create,
    [sessionHash(token), userId, times.idleSeconds, times.maxSeconds],
  )
  return { token, expiresAt: rows[0]!.expires_at }
}

/**
 * The live session of a token, or null (unknown, expired, or the account is disabled). Use pushes
 * the idle expiry forward, at most once a minute so that a map load is not a burst of writes.
 */
export async function findSession(db: Queryable, token: string | undefined, times: SessionTimes): Promise<FoundSession | null> {
  if (token === undefined || !TOKEN_FORMAT.test(token)) return null
  // Every signed-in request runs it (a write twice, server/auth/plugin.ts): planned once per
  // connection, not each time (measured on server PostgreSQL: 0.39 → 0.16 ms p50).
  const { rows } = await db.query<SessionUser & { expires_at: Date }>(
    fixedStatement(db, 'sessions-find', Q.find, [sessionHash(token), times.idleSeconds, times.maxSeconds]),
  )
  const row = rows[0]
  if (!row) return null
  const { expires_at, ...user } = row
  return { user, expiresAt: expires_at }
}

export async function endSession(db: Queryable, token: string | undefined): Promise<void> {
  if (token === undefined || !TOKEN_FORMAT.test(token)) return
  await db.query(Q.end, [sessionHash(token)])
}

/** Signs a user out everywhere: on disabling the account and on a password reset. */
export async function endUserSessions(db: Queryable, userId: number): Promise<void> {
  await db.query(Q['end-all-of-user'], [userId])
}

/** Housekeeping, run at each sign-in: expired rows are dead weight. */
export async function purgeExpiredSessions(db: Queryable): Promise<void> {
  await db.query(Q['purge-expired'])
}
