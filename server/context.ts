import type { FastifyInstance } from 'fastify'
import type { AuthOptions } from './auth/plugin'
import type { Database } from './db/connect'

/** What the app is built over: the open database. */
export interface AppContext {
  db: Database
}

/** What route modules get: the database, and the session settings the auth routes need. */
export interface RouteContext extends AppContext {
  auth: AuthOptions
}

/** A module of routes, registered by server/routes/index.ts. */
export type RouteModule = (app: FastifyInstance, ctx: RouteContext) => Promise<void>
