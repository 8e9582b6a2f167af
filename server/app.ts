import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import fastifyCompress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import { authOptionsFrom, registerAuth, type AuthOptions } from './auth/plugin'
import { readConfig } from './config'
import type { BasemapInfo } from '../web/src/shared/api/basemap'
import type { AppContext } from './context'
import { errorBody, sendError, sendRouterError } from './errors'
import { COMPRESSION } from './http/compression'
import { registerValidation } from './http/validation'
import { registerSecurityHeaders } from './http/security-headers'
import { registerArrivalDeadline } from './http/arrival-deadline'
import { ROUTE_MODULES } from './routes/index'

export interface AppOptions {
  /** The built client (dist/web); when absent only the API is served. */
  webRoot?: string
  logger?: boolean
  /** Sessions and production mode; default from the environment (server/config.ts). */
  auth?: AuthOptions
  /** How long a request's body may take to arrive after its headers (408 after); default REQUEST_TIMEOUT_SECONDS. */
  requestTimeoutMs?: number
  /** The online base map; default from BASEMAP_TILES / BASEMAP_ATTRIBUTION. */
  basemap?: BasemapInfo
  /** The tile cache's budget in bytes; default TILE_CACHE_MB (0 turns it off). */
  tileCacheBytes?: number
}

export const BODY_LIMIT_BYTES = 5 * 1024 * 1024

/** Vite names built assets `name-<hash>.ext` under assets/: those are immutable; the rest is revalidated. */
export function cachePolicy(filePath: string): string {
  return /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * Builds the HTTP app over an open database. Holds no state between requests but made tiles,
 * keyed by the database's data epoch (so any instance answers alike).
 */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const requestTimeout = opts.requestTimeoutMs ?? readConfig().requestTimeoutMs
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    frameworkErrors: sendRouterError,
    // Node's own bound, passed on. Measured under Fastify it ended neither a half-sent body nor
    // half-sent headers, so the body's bound is server/http/arrival-deadline.ts.
    requestTimeout,
  })
  registerArrivalDeadline(app, requestTimeout)
  // Schemas at the edge (server/http/validation.ts): no coercion of bodies, unknown fields refused.
  registerValidation(app)
  app.setErrorHandler(sendError)

  const webRoot = opts.webRoot
  const hasClient = webRoot !== undefined && fs.existsSync(path.join(webRoot, 'index.html'))
  const auth = opts.auth ?? authOptionsFrom(readConfig())
  const basemap = opts.basemap ?? readConfig().basemap
  await registerSecurityHeaders(app, basemap)
  await app.register(fastifyCompress, COMPRESSION)
  // Before any route: every route is checked against the access policy (web/src/shared/access-policy.ts) as it is added.
  await registerAuth(app, ctx.db, auth, hasClient ? webRoot : undefined)

  const tileCacheBytes = opts.tileCacheBytes ?? readConfig().tileCacheBytes
  for (const register of ROUTE_MODULES) await register(app, { ...ctx, auth, basemap, tileCacheBytes, ...(hasClient ? { webRoot } : {}) })

  // wildcard (the default) looks files up per request, so a rebuild is served without a restart.
  // Hashed assets never change under their name: cached for a year, immutable. index.html (and
  // anything unhashed) is revalidated on every load, so a new build is picked up at once.
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: webRoot,
      cacheControl: false,
      setHeaders: (reply, filePath) => void reply.header('cache-control', cachePolicy(filePath)),
    })
  }

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? ''
    // A missing file (it has an extension) is a 404 too: answering a stale asset with the page breaks the client.
    if (!hasClient || url.startsWith('/api/') || url === '/api' || req.method !== 'GET' || /\.[A-Za-z0-9]+$/.test(url)) {
      return reply.status(404).send(errorBody('not_found', `no route ${req.method} ${url}`))
    }
    // Client-side routes (shared parcel sheets, …) all load the single-page app.
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })

  return app
}
