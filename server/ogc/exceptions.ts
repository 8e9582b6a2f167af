import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError, databaseClientError, statusOf } from '../errors'

/** The exception body of OGC API – Features (its OpenAPI `exception` schema). */
export interface OgcException {
  code: string
  description: string
}

function send(reply: FastifyReply, status: number, body: OgcException) {
  return reply.status(status).type('application/json; charset=utf-8').send(body)
}

/**
 * The error handler of the /ogc routes: the same statuses as the rest of the API (server/errors.ts:
 * 400 for bad parameters, 404 for unknown collections and features, the database's refusals), in
 * the OGC exception shape `{code, description}` instead of `{error: {code, message}}`.
 */
export function sendOgcError(err: FastifyError | ApiError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof ApiError) return send(reply, statusOf(err), { code: err.code, description: err.message })
  const fromDatabase = databaseClientError(err)
  if (fromDatabase) return send(reply, fromDatabase.status, { code: fromDatabase.code, description: fromDatabase.message })
  const status = err.statusCode ?? 500
  if (status >= 400 && status < 500) return send(reply, status, { code: err.code ?? 'bad_request', description: err.message })
  req.log.error(err)
  return send(reply, 500, { code: 'internal', description: 'internal error; the server log has the details' })
}
