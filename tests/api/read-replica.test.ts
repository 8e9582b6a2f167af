// A read replica that cannot answer (DATABASE_READ_URL; server/db/connect.ts replicaFallingBackTo):
// the public's map is read from the primary meanwhile, with a warning, instead of failing; an
// error that is the statement's own is not retried there. Server PostGIS only (the embedded
// database has no replica); the replica that does answer is tests/api/multi-instance.test.ts's.
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { poolFor, replicaFallingBackTo } from '../../server/db/connect'
import { testDatabases } from '../helpers/databases'
import { tileOf, tilePath } from '../helpers/tiles'

const server = testDatabases().find((d) => d.kind === 'postgres')

describe.skipIf(!server)('a read replica that is not there', () => {
  const warnings: string[] = []
  let primary: pg.Pool
  let gone: pg.Pool
  let withReplica: FastifyInstance
  let primaryOnly: FastifyInstance

  beforeAll(async () => {
    primary = poolFor(server!.url, 'postgres')
    // Port 1 on loopback: nothing listens, every connection is refused.
    gone = poolFor('postgres://postgres@127.0.0.1:1/parkatlas_test', 'postgres')
    withReplica = await buildApp({ db: { pool: primary, readPool: replicaFallingBackTo(gone, primary, (m) => warnings.push(m)), kind: 'postgres', close: async () => undefined } })
    primaryOnly = await buildApp({ db: { pool: primary, kind: 'postgres', close: async () => undefined } })
  })
  afterAll(async () => {
    await withReplica?.close()
    await primaryOnly?.close()
    await gone?.end()
    await primary?.end()
  })

  it("the public's tiles, items and features come from the primary, the same bytes, and it is said once", async () => {
    // The sample park's middle, where parcels are densest.
    for (const url of [tilePath('parcels', tileOf(115.41, 28.705, 14)), '/ogc/collections/parcels/items?limit=5', '/api/layers/zones/features', '/api/layers']) {
      const [via, direct] = [await withReplica.inject(url), await primaryOnly.inject(url)]
      expect(via.statusCode, url).toBe(200)
      expect(via.rawPayload.length, `${url} has something in it`).toBeGreaterThan(100)
      if (url.startsWith('/ogc')) {
        // timeStamp differs by the moment; the features do not.
        expect((via.json() as { features: unknown }).features, url).toEqual((direct.json() as { features: unknown }).features)
      } else expect(via.rawPayload.equals(direct.rawPayload), url).toBe(true)
    }
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/read replica unavailable \(.*ECONNREFUSED|read replica unavailable \(connect ECONNREFUSED/)
  })

  it("a statement's own error is not retried on the primary", async () => {
    // The "replica" here answers (it is the primary's server), the "primary" is closed: a retry would fail otherwise.
    const closed = poolFor(server!.url, 'postgres')
    await closed.end()
    const replica = poolFor(server!.url, 'postgres')
    try {
      const reader = replicaFallingBackTo(replica, closed, () => undefined)
      await expect(reader.query('SELECT 1 / 0')).rejects.toMatchObject({ code: '22012' })
      expect((await reader.query<{ n: number }>('SELECT 2 AS n')).rows[0]!.n).toBe(2)
    } finally {
      await replica.end()
    }
  })
})
