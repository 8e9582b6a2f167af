import { ROLES } from '../shared/access-policy'
import { PASSWORD_MIN_LENGTH, type Account, type AccountAnswer, type AccountChanges, type AccountsAnswer, type NewAccount } from '../shared/api/accounts'
import { getJson, sendJson } from './api'

/** Why a new account would be refused, checked before asking the server; the key names the i18n message. */
export type NewUserProblem = 'email' | 'passwordShort' | 'role'

/**
 * The first problem of a new-account form, or null: the same rules the server's schema applies,
 * so the officer hears about them without a round trip.
 * @example newUserProblem({ email: 'a@b.cn', password: 'short', role: 'planner' }) // 'passwordShort'
 */
export function newUserProblem(user: NewAccount): NewUserProblem | null {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(user.email.trim())) return 'email'
  if (user.password.length < PASSWORD_MIN_LENGTH) return 'passwordShort'
  if (!ROLES.includes(user.role)) return 'role'
  return null
}

function isUserList(body: unknown): body is AccountsAnswer {
  return typeof body === 'object' && body !== null && Array.isArray((body as { users: unknown }).users)
}

function isUserBody(body: unknown): body is AccountAnswer {
  const user = (body as Partial<AccountAnswer> | null)?.user
  return typeof user === 'object' && user !== null && typeof user.id === 'number'
}

function isNothing(body: unknown): body is undefined {
  return body === undefined
}

export async function fetchUsers(signal?: AbortSignal): Promise<Account[]> {
  return (await getJson('/api/admin/users', isUserList, signal)).users
}

/** 409 when the email (case-insensitive) exists already. */
export async function createUser(user: NewAccount): Promise<Account> {
  const body: NewAccount = { email: user.email.trim(), password: user.password, role: user.role }
  if (user.display_name?.trim()) body.display_name = user.display_name.trim()
  return (await sendJson('POST', '/api/admin/users', body, isUserBody)).user
}

/** 409 when an admin demotes or disables their own account. */
export async function updateUser(id: number, changes: AccountChanges): Promise<Account> {
  return (await sendJson('PATCH', `/api/admin/users/${id}`, changes, isUserBody)).user
}

/** Sets a new password and ends the account's sessions. */
export async function resetPassword(id: number, password: string): Promise<void> {
  await sendJson('POST', `/api/admin/users/${id}/password`, { password }, isNothing)
}
