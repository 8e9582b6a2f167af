import { getJson, sendJson } from './api'
import type { Role } from './session'

export const ROLES: readonly Role[] = ['admin', 'planner', 'land_officer', 'investor']

/** The server's rule (server/auth/passwords.ts): at least 10 characters. */
export const PASSWORD_MIN_LENGTH = 10

/** An account as GET /api/admin/users lists it (never a password hash). */
export interface AdminUser {
  id: number
  email: string
  display_name: string
  role: Role
  is_demo: boolean
  disabled: boolean
  last_login_at: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface NewUser {
  email: string
  password: string
  role: Role
  display_name?: string
}

export type UserChanges = Partial<Pick<AdminUser, 'role' | 'display_name' | 'disabled'>>

/** Why a new account would be refused, checked before asking the server; the key names the i18n message. */
export type NewUserProblem = 'email' | 'passwordShort' | 'role'

/**
 * The first problem of a new-account form, or null: the same rules the server's schema applies,
 * so the officer hears about them without a round trip.
 * @example newUserProblem({ email: 'a@b.cn', password: 'short', role: 'planner' }) // 'passwordShort'
 */
export function newUserProblem(user: NewUser): NewUserProblem | null {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(user.email.trim())) return 'email'
  if (user.password.length < PASSWORD_MIN_LENGTH) return 'passwordShort'
  if (!ROLES.includes(user.role)) return 'role'
  return null
}

function isUserList(body: unknown): body is { users: AdminUser[] } {
  return typeof body === 'object' && body !== null && Array.isArray((body as { users: unknown }).users)
}

function isUserBody(body: unknown): body is { user: AdminUser } {
  const user = (body as { user?: AdminUser } | null)?.user
  return typeof user === 'object' && user !== null && typeof user.id === 'number'
}

function isNothing(body: unknown): body is undefined {
  return body === undefined
}

export async function fetchUsers(signal?: AbortSignal): Promise<AdminUser[]> {
  return (await getJson('/api/admin/users', isUserList, signal)).users
}

/** 409 when the email (case-insensitive) exists already. */
export async function createUser(user: NewUser): Promise<AdminUser> {
  const body: NewUser = { email: user.email.trim(), password: user.password, role: user.role }
  if (user.display_name?.trim()) body.display_name = user.display_name.trim()
  return (await sendJson('POST', '/api/admin/users', body, isUserBody)).user
}

/** 409 when an admin demotes or disables their own account. */
export async function updateUser(id: number, changes: UserChanges): Promise<AdminUser> {
  return (await sendJson('PATCH', `/api/admin/users/${id}`, changes, isUserBody)).user
}

/** Sets a new password and ends the account's sessions. */
export async function resetPassword(id: number, password: string): Promise<void> {
  await sendJson('POST', `/api/admin/users/${id}/password`, { password }, isNothing)
}
