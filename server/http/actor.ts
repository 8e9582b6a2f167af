import type { FastifyRequest } from 'fastify'
import { Unauthorized } from '../errors'

/**
 * Who is making this change, as the audit log records it: the signed-in account's email.
 * Every write route is closed to the anonymous public by web/src/shared/access-policy.ts, so a request
 * without a user here is a policy mistake: refused (401), never recorded as "anonymous".
 */
export function actorOf(req: FastifyRequest): string {
  if (!req.user) throw new Unauthorized('sign in first: POST /api/auth/login')
  return req.user.email
}
