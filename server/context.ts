import type { FastifyInstance } from 'fastify'
import type { AuthOptions } from './auth/plugin'
import type { Database } from './db/connect'
import type { BasemapInfo } from '../web/src/shared/api/basemap'

/** What the app is built over: the open database. */
export interface AppContext {
  db: Database
}

/** What route modules get: the database, the session settings the auth routes need, the online base map. */
export interface RouteContext extends AppContext {
  auth: AuthOptions
  basemap: BasemapInfo
  /** The built client (dist/web), when it is served: pages rendered around its index.html need it. */
  webRoot?: string
  /** The tile cache's budget in bytes (TILE_CACHE_MB); 0: every tile is made afresh. */
  tileCacheBytes: number
}

/** A module of routes, registered by server/routes/index.ts. */
export type RouteModule = (app: FastifyInstance, ctx: RouteContext) => Promise<void>
