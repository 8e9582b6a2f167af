/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
import type { Role } from '../access-policy'

/** The signed-in account as the session routes show it. */
export interface PublicUser {
  id: number
  email: string
  display_name: string
  role: Role
}

export interface LoginRequest {
  email: string
  password: string
}

export interface LoginAnswer {
  user: PublicUser
  csrfToken: string
  expiresAt: string
}

/** `{user: null}` for the public: being anonymous is normal here, not an error. */
export type MeAnswer = { user: PublicUser; csrfToken: string } | { user: null }
