import type pg from 'pg'
import type { Role } from './policy'

/** A pool or a checked-out client: both run a statement. */
export type Queryable = pg.Pool | pg.PoolClient

/** An account as the admin API shows it (and as the audit log records it): never the password hash. */
export interface UserRecord {
  id: number
  email: string
  display_name: string
  role: Role
  is_demo: boolean
  disabled: boolean
  last_login_at: Date | null
  created_at: Date
  updated_at: Date
  version: number
}

const USER_COLUMNS = `id::int AS id, email, display_name, role, is_demo, disabled_at IS NOT NULL AS disabled,
  last_login_at, created_at, updated_at, version`

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
  const { rows } = await db.query<LoginCandidate>(
    'SELECT id::int AS id, password_hash, is_demo, disabled_at IS NOT NULL AS disabled FROM users WHERE email = $1',
    [normalizeEmail(email)],
  )
  return rows[0] ?? null
}

export async function recordLogin(db: Queryable, id: number): Promise<void> {
  await db.query('UPDATE users SET last_login_at = now() WHERE id = $1', [id])
}

export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  const { rows } = await db.query<UserRecord>(`SELECT ${USER_COLUMNS} FROM users ORDER BY id`)
  return rows
}

/** The account, locked for the rest of the transaction when `forUpdate`. */
export async function getUser(db: Queryable, id: number, forUpdate = false): Promise<UserRecord | null> {
  const { rows } = await db.query<UserRecord>(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])
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
export async function insertUser(db: Queryable, u: NewUser): Promise<UserRecord | null> {
  const { rows } = await db.query<UserRecord>(
    `INSERT INTO users (email, display_name, role, password_hash, is_demo) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLUMNS}`,
    [normalizeEmail(u.email), u.display_name, u.role, u.password_hash, u.is_demo ?? false],
  )
  return rows[0] ?? null
}

export interface UserChanges {
  role?: Role
  display_name?: string
  disabled?: boolean
}

export async function updateUser(db: Queryable, id: number, changes: UserChanges): Promise<UserRecord> {
  const { rows } = await db.query<UserRecord>(
    `UPDATE users SET
       role = coalesce($2, role),
       display_name = coalesce($3, display_name),
       disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at WHEN $4 THEN coalesce(disabled_at, now()) ELSE NULL END,
       updated_at = now(), version = version + 1
     WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, changes.role ?? null, changes.display_name ?? null, changes.disabled ?? null],
  )
  return rows[0]!
}

export async function setPasswordHash(db: Queryable, id: number, passwordHash: string): Promise<UserRecord> {
  const { rows } = await db.query<UserRecord>(
    `UPDATE users SET password_hash = $2, updated_at = now(), version = version + 1 WHERE id = $1 RETURNING ${USER_COLUMNS}`,
    [id, passwordHash],
  )
  return rows[0]!
}

/**
 * Enabled admins other than `exceptId`. Demo admins count only when `includeDemo` (they cannot sign in
 * in production, so they must not stand in for a real one there).
 */
export async function countAdmins(db: Queryable, opts: { exceptId?: number; includeDemo: boolean }): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users
     WHERE role = 'admin' AND disabled_at IS NULL AND ($2 OR NOT is_demo) AND id IS DISTINCT FROM $1`,
    [opts.exceptId ?? null, opts.includeDemo],
  )
  return rows[0]?.n ?? 0
}
