/** /api/admin/users… — accounts and roles. */
import type { Role } from '../access-policy'

/** Passwords: at least this long (argon2id stores them; nothing else limits their content)… */
export const PASSWORD_MIN_LENGTH = 10
/** …and at most this: long enough for any passphrase, short enough that hashing it is no denial of service. */
export const PASSWORD_MAX_LENGTH = 256

/** An account as the admin API lists it (and the audit log records it): never a password hash. */
export interface Account {
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

export interface NewAccount {
  email: string
  password: string
  role: Role
  display_name?: string
}

export type AccountChanges = Partial<Pick<Account, 'role' | 'display_name' | 'disabled'>>

export interface AccountsAnswer {
  users: Account[]
}
export interface AccountAnswer {
  user: Account
}
