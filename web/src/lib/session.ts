import type { LoginAnswer, MeAnswer, PublicUser } from '../shared/api/session'
import { getJson, sendJson } from './api'

function isMe(body: unknown): body is MeAnswer {
  return typeof body === 'object' && body !== null && 'user' in body
}

function isLogin(body: unknown): body is LoginAnswer {
  return isMe(body) && body.user !== null
}

function isNothing(body: unknown): body is undefined {
  return body === undefined
}

/** Who is signed in in this browser; `null` for the public (the server answers 200, not 401). */
export async function fetchMe(signal?: AbortSignal): Promise<PublicUser | null> {
  return (await getJson('/api/auth/me', isMe, signal)).user
}

/** Signs in: the server sets the httpOnly session cookie and the readable CSRF cookie. */
export async function signIn(email: string, password: string): Promise<PublicUser> {
  return (await sendJson('POST', '/api/auth/login', { email, password }, isLogin)).user
}

export function signOut(): Promise<undefined> {
  return sendJson('POST', '/api/auth/logout', undefined, isNothing)
}
