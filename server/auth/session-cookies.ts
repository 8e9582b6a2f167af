import type { FastifyReply } from 'fastify'
import { CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor } from './sessions'

export interface CookieSettings {
  /** `Secure` cookies: on in production (behind TLS), off for http://127.0.0.1 development. */
  secure: boolean
  /** Browser-side lifetime; the server's idle expiry is the real limit. */
  maxSeconds: number
}

/**
 * SameSite=Strict: no other site can make the browser send the session, not even a top-level link
 * (the page loads anonymously, then its own same-site fetches carry the cookie).
 */
export function setSessionCookies(reply: FastifyReply, token: string, c: CookieSettings): void {
  const base = { path: '/', sameSite: 'strict', secure: c.secure, maxAge: c.maxSeconds } as const
  reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true })
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(token), { ...base, httpOnly: false })
}

export function clearSessionCookies(reply: FastifyReply, c: CookieSettings): void {
  const base = { path: '/', sameSite: 'strict', secure: c.secure } as const
  reply.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true })
  reply.clearCookie(CSRF_COOKIE, { ...base, httpOnly: false })
}
