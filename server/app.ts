import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'
import type { Database } from './db/connect'
import { ApiError, errorBody, statusOf } from './errors'
import { ROUTE_MODULES } from './routes/index'

export interface AppContext {
  db: Database
}

export interface AppOptions {
  /** The built client (dist/web); when absent only the API is served. */
  webRoot?: string
  logger?: boolean
}

export const BODY_LIMIT_BYTES = 5 * 1024 * 1024

/** Builds the HTTP app over an open database. Holds no state between requests. */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Unknown fields are the caller's mistake: refuse them (400) instead of silently dropping them.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  })

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) {
      return reply.status(statusOf(err)).send(errorBody(err.code, err.message, err.details))
    }
    if (err.validation) {
      return reply.status(400).send(errorBody('bad_request', `invalid request: ${err.message}`))
    }
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type): their messages are safe.
      return reply.status(status).send(errorBody(err.code ?? 'bad_request', err.message))
    }
    req.log.error(err)
    return reply.status(500).send(errorBody('internal', 'internal error; the server log has the details'))
  })

  for (const register of ROUTE_MODULES) await register(app, ctx)

  const webRoot = opts.webRoot
  const hasClient = webRoot !== undefined && fs.existsSync(path.join(webRoot, 'index.html'))
  if (hasClient) await app.register(fastifyStatic, { root: webRoot, wildcard: false })

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? ''
    if (!hasClient || url.startsWith('/api/') || url === '/api' || req.method !== 'GET') {
      return reply.status(404).send(errorBody('not_found', `no route ${req.method} ${url}`))
    }
    // Client-side routes (shared parcel sheets, …) all load the single-page app.
    return reply.sendFile('index.html')
  })

  return app
}
