// More than one instance (issue 13): with REDIS_URL the rate-limit counters live in Redis, so
// two app instances behind one address count the same minute — a login burst split between them
// meets 429 at the policy's limit, not at twice it. Without Redis each instance counts alone
// (the contrast, so the shared case cannot pass by accident). Runs when TEST_REDIS_URL is set
// (.ci/run sets it; the machine's Redis on 127.0.0.1:6379).
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { poolFor } from '../../server/db/connect'
import { LOGIN_PER_MINUTE } from '../../web/src/shared/access-policy'
import { testDatabases } from '../helpers/databases'

const REDIS_URL = process.env.TEST_REDIS_URL
const SESSION = { idleSeconds: 3600, maxSeconds: 3600 }

describe.skipIf(!REDIS_URL)('rate limits across instances (Redis)', () => {
  const target = testDatabases()[0]!
  const pool = poolFor(target.url, target.kind)
  const db = { pool, kind: target.kind, close: () => pool.end() }
  const apps: FastifyInstance[] = []
  const namespace = `parkatlas-test:${randomUUID()}:`

  /** Two instances over the same database; `shared`: with the same Redis. */
  const twoInstances = async (shared: boolean) => {
    const auth = { production: false, secureCookies: false, session: SESSION, ...(shared ? { redisUrl: REDIS_URL!, rateLimitNamespace: namespace } : {}) }
    const pair = [await buildApp({ db }, { auth }), await buildApp({ db }, { auth })] as const
    apps.push(...pair)
    return pair
  }
  const wrongLogin = (app: FastifyInstance, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email: 'nobody@park.test', password: 'not the password' } })

  let redis: Redis
  beforeAll(() => {
    redis = new Redis(REDIS_URL!)
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    const keys = await redis.keys(`${namespace}*`)
    if (keys.length) await redis.del(...keys)
    await redis.quit()
    await db.close()
  })

  it(`a burst split between two instances meets 429 after ${LOGIN_PER_MINUTE} tries in all`, async () => {
    const [a, b] = await twoInstances(true)
    const address = '203.0.113.7'
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_PER_MINUTE + 2; i++) statuses.push((await wrongLogin(i % 2 === 0 ? a : b, address)).statusCode)
    expect(statuses).toEqual([...Array(LOGIN_PER_MINUTE).fill(401), 429, 429])
    // Either instance now refuses that address; another address is untouched.
    expect((await wrongLogin(a, address)).statusCode).toBe(429)
    expect((await wrongLogin(b, address)).statusCode).toBe(429)
    expect((await wrongLogin(b, '203.0.113.8')).statusCode).toBe(401)
    // The counter is in Redis, under the instance's namespace.
    expect((await redis.keys(`${namespace}*`)).length).toBeGreaterThan(0)
  })

  it('without Redis each instance counts alone: the same burst passes twice the limit', async () => {
    const [a, b] = await twoInstances(false)
    const address = '203.0.113.9'
    const statuses: number[] = []
    for (let i = 0; i < 2 * LOGIN_PER_MINUTE; i++) statuses.push((await wrongLogin(i % 2 === 0 ? a : b, address)).statusCode)
    expect(statuses.every((s) => s === 401)).toBe(true)
    expect((await wrongLogin(a, address)).statusCode).toBe(429)
  })
})
