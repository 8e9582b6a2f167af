import { afterAll, beforeAll, describe, inject } from 'vitest'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { buildApp, type AppOptions } from '../../server/app'
import type { Role } from '../../web/src/shared/access-policy'
import { poolFor, type Database } from '../../server/db/connect'
import { sessionAs, type SessionHeaders, type SignedIn } from './auth'
import type { TestDatabase } from './global-setup'

export interface DbTestContext {
  db: Database
  /** The app; with `signedInAs`, every `inject` carries that session unless it sends its own cookie. */
  app: FastifyInstance
  /** The app with nobody signed in (the same instance, without the session headers). */
  anonymous: FastifyInstance
  /** The session of `signedInAs`, if any. */
  session: SignedIn | undefined
}

export interface SuiteOptions {
  /** Options for buildApp (e.g. `{ auth: { …, production: true } }`). */
  app?: AppOptions
  /** Run the suite as the sample park's demo account of this role. */
  signedInAs?: Role
}

/** The databases of this run: always the embedded PostGIS, plus the server one when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDatabase[] {
  return inject('databases')
}

/** The same app, whose inject() adds the session's cookie and CSRF header to every request. */
function signedIn(app: FastifyInstance, headers: SessionHeaders): FastifyInstance {
  const inject = (opts?: string | InjectOptions) => {
    if (opts === undefined) return app.inject()
    const o = typeof opts === 'string' ? { url: opts } : opts
    return app.inject({ ...o, headers: { ...headers, ...o.headers } })
  }
  return new Proxy(app, {
    get(target, prop) {
      if (prop === 'inject') return inject
      const value = Reflect.get(target, prop, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/**
 * Runs the same suite once per database. The context is filled in beforeAll: read it inside tests.
 * @example forEachDatabase((ctx) => it('counts', async () => { await ctx.app.inject('/api/layers') }), { signedInAs: 'planner' })
 */
export function forEachDatabase(suite: (ctx: DbTestContext, kind: TestDatabase['kind']) => void, options: SuiteOptions = {}): void {
  for (const target of testDatabases()) {
    describe(`on ${target.kind} PostGIS`, () => {
      const ctx = {} as DbTestContext
      beforeAll(async () => {
        const pool = poolFor(target.url, target.kind)
        ctx.db = { pool, kind: target.kind, close: () => pool.end() }
        ctx.anonymous = await buildApp({ db: ctx.db }, options.app)
        ctx.session = options.signedInAs ? await sessionAs(pool, options.signedInAs) : undefined
        ctx.app = ctx.session ? signedIn(ctx.anonymous, ctx.session.headers) : ctx.anonymous
      })
      afterAll(async () => {
        await ctx.anonymous?.close()
        await ctx.db?.close()
      })
      suite(ctx, target.kind)
    })
  }
}
