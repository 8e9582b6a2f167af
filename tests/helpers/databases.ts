import { afterAll, beforeAll, describe, inject } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { poolFor, type Database } from '../../server/db/connect'
import type { TestDatabase } from './global-setup'

export interface DbTestContext {
  db: Database
  app: FastifyInstance
}

/** The databases of this run: always the embedded PostGIS, plus the server one when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDatabase[] {
  return inject('databases')
}

/**
 * Runs the same suite once per database. The context is filled in beforeAll: read it inside tests.
 * @example forEachDatabase((ctx) => it('counts', async () => { await ctx.app.inject('/api/layers') }))
 */
export function forEachDatabase(suite: (ctx: DbTestContext, kind: TestDatabase['kind']) => void): void {
  for (const target of testDatabases()) {
    describe(`on ${target.kind} PostGIS`, () => {
      const ctx = {} as DbTestContext
      beforeAll(async () => {
        const pool = poolFor(target.url, target.kind)
        ctx.db = { pool, kind: target.kind, close: () => pool.end() }
        ctx.app = await buildApp({ db: ctx.db })
      })
      afterAll(async () => {
        await ctx.app?.close()
        await ctx.db?.close()
      })
      suite(ctx, target.kind)
    })
  }
}
