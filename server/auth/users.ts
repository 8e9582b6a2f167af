import type pg from 'pg'
import { namedSql } from '../db/named-sql'
import type { Role } from '../../web/src/shared/access-policy'
import type { Account, AccountChanges } from '../../web/src/shared/api/accounts'

const Q = namedSql(new URL('./sql/users.sql', import.meta.url), [
  'login-candidate', 'record-login', 'list', 'get', 'lock', 'insert', 'update', 'set-password', 'count-admins',
])

/** A pool or a checked-out client: both run a statement. */
export type Queryable = pg.Pool | pg.PoolClient

/** An account as the database returns it: the shared Account with its times still as Dates. */
export type AccountRecord = Omit<Account, 'last_login_at' | 'created_at' | 'updated_at'> & {
  last_login_at: Date | null
  created_at: Date
  updated_at: Date
}

/** Emails compare case-insensitively: stored lower-case (the table checks it). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export interface LoginCandidate {
  id: number
  password_hash: string
  is_demo: boolean
  disabled: boolean
}

export async function findLoginCandidate(db: Queryable, email: string): Promise<LoginCandidate | null> {
  const { rows } = await db.query<LoginCandidate>(Q['login-candidate'], [normalizeEmail(email)])
  return rows[0] ?? null
}

export async function recordLogin(db: Queryable, id: number): Promise<void> {
  await db.query(Q['record-login'], [id])
}

export async function listUsers(db: Queryable): Promise<AccountRecord[]> {
  return (await db.query<AccountRecord>(Q.list)).rows
}

/** The account, locked for the rest of the transaction when `forUpdate`. */
export async function getUser(db: Queryable, id: number, forUpdate = false): Promise<AccountRecord | null> {
  if (forUpdate) await db.query(Q.lock, [id])
  const { rows } = await db.query<AccountRecord>(Q.get, [id])
  return rows[0] ?? null
}

export interface NewUser {
  email: string
  display_name: string
  role: Role
  password_hash: string
  is_demo?: boolean
}

/** Inserts an account; null when the email is taken (nothing changes then). */
export async function insertUser(db: Queryable, u: NewUser): Promise<AccountRecord | null> {
  const { rows } = await db.query<{ id: number }>(Q.insert, [normalizeEmail(u.email), u.display_name, u.role, u.password_hash, u.is_demo ?? false])
  return rows[0] ? getUser(db, rows[0].id) : null
}

export async function updateUser(db: Queryable, id: number, changes: AccountChanges): Promise<AccountRecord> {
  await db.query(Q.update, [id, changes.role ?? null, changes.display_name ?? null, changes.disabled ?? null])
  return (await getUser(db, id))!
}

export async function setPasswordHash(db: Queryable, id: number, passwordHash: string): Promise<AccountRecord> {
  await db.query(Q['set-password'], [id, passwordHash])
  return (await getUser(db, id))!
}

/**
 * Enabled admins other than `exceptId`. Demo admins count only when `includeDemo` (they cannot sign in
 * in production, so they must not stand in for a real one there).
 */
export async function countAdmins(db: Queryable, opts: { exceptId?: number; includeDemo: boolean }): Promise<number> {
  const { rows } = await db.query<{ n: number }>(Q['count-admins'], [opts.exceptId ?? null, opts.includeDemo])
  return rows[0]?.n ?? 0
}
