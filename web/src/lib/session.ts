import { getJson, sendJson } from './api'

export type Role = 'admin' | 'planner' | 'land_officer' | 'investor'

/** The signed-in account as GET /api/auth/me gives it. */
export interface SessionUser {
  id: number
  email: string
  display_name: string
  role: Role
}

function isMe(body: unknown): body is { user: SessionUser | null } {
  return typeof body === 'object' && body !== null && 'user' in body
}

function isNothing(body: unknown): body is undefined {
  return body === undefined
}

/** Who is signed in in this browser; `null` for the public (the server answers 200, not 401). */
export async function fetchMe(signal?: AbortSignal): Promise<SessionUser | null> {
  return (await getJson('/api/auth/me', isMe, signal)).user
}

/** Signs in: the server sets the httpOnly session cookie and the readable CSRF cookie. */
export async function signIn(email: string, password: string): Promise<SessionUser> {
  const { user } = await sendJson('POST', '/api/auth/login', { email, password }, isMe)
  if (!user) throw new Error('signed in without a user')
  return user
}

export function signOut(): Promise<undefined> {
  return sendJson('POST', '/api/auth/logout', undefined, isNothing)
}
