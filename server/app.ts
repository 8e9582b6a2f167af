import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { authOptionsFrom, registerAuth, type AuthOptions } from './auth/plugin'
import { readConfig } from './config'
import type { Database } from './db/connect'
import { ApiError, errorBody, statusOf } from './errors'
import { registerSecurityHeaders } from './http/security-headers'
import { ROUTE_MODULES } from './routes/index'

export interface AppContext {
  db: Database
}

/** What route modules get: the database, and the session settings the auth routes need. */
export interface RouteContext extends AppContext {
  auth: AuthOptions
}

export interface AppOptions {
  /** The built client (dist/web); when absent only the API is served. */
  webRoot?: string
  logger?: boolean
  /** Sessions and production mode; default from the environment (server/config.ts). */
  auth?: AuthOptions
}

export const BODY_LIMIT_BYTES = 5 * 1024 * 1024

/**
 * PostgreSQL errors that mean the caller's data was refused, not that the server failed: SQLSTATE
 * class 22 (data exception: a NUL character, a malformed date) and class 23 (a constraint). The
 * routes validate first; this is the backstop, with messages that name no table or SQL.
 */
function databaseClientError(err: unknown): { status: number; code: string; message: string } | undefined {
  const sqlstate = (err as { code?: unknown }).code
  if (typeof sqlstate !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(sqlstate)) return undefined
  if (sqlstate === '23505') return { status: 409, code: 'conflict', message: 'that already exists' }
  if (sqlstate === '23503') return { status: 422, code: 'invalid_reference', message: 'a value refers to something that does not exist' }
  if (sqlstate.startsWith('23')) return { status: 422, code: 'invalid_value', message: 'a value breaks a rule of the data (an allowed range or combination)' }
  return { status: 400, code: 'invalid_value', message: 'a value has characters or a format the database refuses (e.g. a NUL character)' }
}

/** Builds the HTTP app over an open database. Holds no state between requests. */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Unknown fields are the caller's mistake: refuse them (400) instead of silently dropping them.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
    // Errors the router raises before any route (a path parameter over 100 characters, broken
    // %-encoding) get the same JSON error shape as everything else, without echoing the URL.
    frameworkErrors: (err: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      const message = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'a path parameter is longer than 100 characters' : 'the URL is not valid'
      return reply.status(err.statusCode ?? 400).send(errorBody('bad_request', message))
    },
  })

  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) {
      return reply.status(statusOf(err)).send(errorBody(err.code, err.message, err.details))
    }
    if (err.validation) {
      return reply.status(400).send(errorBody('bad_request', `invalid request: ${err.message}`))
    }
    const fromDatabase = databaseClientError(err)
    if (fromDatabase) return reply.status(fromDatabase.status).send(errorBody(fromDatabase.code, fromDatabase.message))
    const status = err.statusCode ?? 500
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, body too large, wrong content type): their messages are safe.
      return reply.status(status).send(errorBody(err.code ?? 'bad_request', err.message))
    }
    req.log.error(err)
    return reply.status(500).send(errorBody('internal', 'internal error; the server log has the details'))
  })

  const webRoot = opts.webRoot
  const hasClient = webRoot !== undefined && fs.existsSync(path.join(webRoot, 'index.html'))
  const auth = opts.auth ?? authOptionsFrom(readConfig())
  await registerSecurityHeaders(app)
  // Before any route: every route is checked against server/auth/policy.ts as it is added.
  await registerAuth(app, ctx.db, auth, hasClient ? webRoot : undefined)

  for (const register of ROUTE_MODULES) await register(app, { ...ctx, auth })

  // wildcard (the default) looks files up per request, so a rebuild is served without a restart.
  if (hasClient) await app.register(fastifyStatic, { root: webRoot })

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? ''
    // A missing file (it has an extension) is a 404 too: answering a stale asset with the page breaks the client.
    if (!hasClient || url.startsWith('/api/') || url === '/api' || req.method !== 'GET' || /\.[A-Za-z0-9]+$/.test(url)) {
      return reply.status(404).send(errorBody('not_found', `no route ${req.method} ${url}`))
    }
    // Client-side routes (shared parcel sheets, …) all load the single-page app.
    return reply.sendFile('index.html')
  })

  return app
}
