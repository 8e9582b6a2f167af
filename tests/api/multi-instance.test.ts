// More than one machine (issue 13): two app processes over one PostgreSQL primary, its streaming
// replica (pg_basebackup, scripts/start-replica.sh) and one Redis — as a deployment behind a load
// balancer runs them. A login limit holds across both; a write on one is visible through the
// other; the public's tiles and OGC items come from the replica, a signed-in user's from the
// primary (read your own writes). Runs when TEST_DATABASE_URL, TEST_DATABASE_READ_URL and
// TEST_REDIS_URL are set (.ci/run starts the replica and Redis and sets all three).
import { spawn, type ChildProcess } from 'node:child_process'
import { Redis } from 'ioredis'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOGIN_PER_MINUTE } from '../../web/src/shared/access-policy'
import { sessionAs, type SignedIn } from '../helpers/auth'
import { decodeTile, tileOf, tilePath } from '../helpers/tiles'

const PRIMARY_URL = process.env.TEST_DATABASE_URL
const REPLICA_URL = process.env.TEST_DATABASE_READ_URL
const REDIS_URL = process.env.TEST_REDIS_URL
// The app's own rate-limit namespace (server/auth/plugin.ts): these are real processes, configured as in production.
const RATE_KEYS = 'parkatlas:rate:*'

interface Instance {
  url: string
  child: ChildProcess
  log: () => string
}

/** `node server/main.ts` as a deployment starts it, on a free port; resolves once it listens. */
async function startInstance(name: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: PRIMARY_URL, DATABASE_READ_URL: REPLICA_URL, REDIS_URL, NODE_ENV: 'test', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout!.on('data', (b: Buffer) => (log += b.toString()))
  child.stderr!.on('data', (b: Buffer) => (log += b.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`instance ${name} did not start in 60 s:\n${log}`)), 60_000)
    const look = () => {
      const m = /Park Atlas at (http:\S+)/.exec(log)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    }
    child.stdout!.on('data', look)
    child.once('exit', (code) => reject(new Error(`instance ${name} exited (${code}):\n${log}`)))
  })
  return { url, child, log: () => log }
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms
  let v = await read()
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100))
    v = await read()
  }
  return v
}

describe.skipIf(!PRIMARY_URL || !REPLICA_URL || !REDIS_URL)('two instances over a primary, its streaming replica and Redis', () => {
  let primary: pg.Pool
  let replica: pg.Pool
  let redis: Redis
  let a: Instance
  let b: Instance
  let officer: SignedIn
  // An available parcel (its price is public), with what it held before, put back afterwards.
  let parcel: { id: string; price: number | null; lon: number; lat: number }

  const clearRateKeys = async () => {
    const keys = await redis.keys(RATE_KEYS)
    if (keys.length) await redis.del(...keys)
  }
  const price = async (pool: pg.Pool) => (await pool.query<{ p: number | null }>('SELECT price_wan_per_mu::float8 AS p FROM parcels WHERE id = $1', [parcel.id])).rows[0]!.p
  /** The parcel's price as one instance tells it: its OGC item, anonymous or signed in. */
  const itemPrice = async (instance: Instance, who: SignedIn | null): Promise<number | null> => {
    const res = await fetch(`${instance.url}/ogc/collections/parcels/items/${parcel.id}`, { headers: who ? { cookie: who.headers.cookie } : {} })
    expect(res.status).toBe(200)
    return ((await res.json()) as { properties: { price_wan_per_mu: number | null } }).properties.price_wan_per_mu
  }
  /** The parcel's z16 tile: its ETag and the price the tile carries for the parcel. */
  const tile = async (instance: Instance, who: SignedIn | null): Promise<{ etag: string; price: unknown }> => {
    const res = await fetch(`${instance.url}${tilePath('parcels', tileOf(parcel.lon, parcel.lat, 16))}`, { headers: who ? { cookie: who.headers.cookie } : {} })
    expect(res.status).toBe(200)
    const layer = decodeTile(new Uint8Array(await res.arrayBuffer())).layers.parcels!
    const mine = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties).find((p) => String(p.id) === parcel.id)
    expect(mine, `parcel ${parcel.id} in its own tile`).toBeDefined()
    return { etag: res.headers.get('etag')!, price: mine!.price_wan_per_mu ?? null }
  }
  const setPrice = async (through: Instance, value: number | null) => {
    const version = (await primary.query<{ v: number }>('SELECT version AS v FROM parcels WHERE id = $1', [parcel.id])).rows[0]!.v
    const res = await fetch(`${through.url}/api/parcels/${parcel.id}`, {
      method: 'PATCH',
      headers: { ...officer.headers, 'content-type': 'application/json', 'if-match': `"${version}"` },
      body: JSON.stringify({ price_wan_per_mu: value }),
    })
    expect(res.status, await res.clone().text()).toBe(200)
  }

  beforeAll(async () => {
    primary = new pg.Pool({ connectionString: PRIMARY_URL })
    replica = new pg.Pool({ connectionString: REPLICA_URL })
    redis = new Redis(REDIS_URL!)
    const recovery = (await replica.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')).rows[0]!.r
    if (!recovery) throw new Error(`TEST_DATABASE_READ_URL is not a standby (pg_is_in_recovery() is false); scripts/start-replica.sh makes one`)
    await clearRateKeys()
    officer = await sessionAs(primary, 'land_officer')
    const { rows } = await primary.query<{ id: string; price: number | null; lon: number; lat: number }>(
      `SELECT id, price_wan_per_mu::float8 AS price, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
       FROM parcels p WHERE status = 'available' AND NOT EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id) ORDER BY id LIMIT 1`,
    )
    parcel = rows[0]!
    ;[a, b] = await Promise.all([startInstance('A'), startInstance('B')])
  }, 120_000)

  afterAll(async () => {
    // Whatever failed, the replica replays again and the parcel holds its price again.
    await replica?.query('SELECT pg_wal_replay_resume()').catch(() => undefined)
    if (parcel && a && (await price(primary)) !== parcel.price) await setPrice(a, parcel.price).catch(() => undefined)
    for (const i of [a, b]) i?.child.kill('SIGTERM')
    await clearRateKeys().catch(() => undefined)
    await redis?.quit()
    await Promise.all([primary?.end(), replica?.end()])
  })

  it('the replica streams from the primary, and both instances say they read from it', async () => {
    const senders = await primary.query<{ state: string }>(`SELECT state FROM pg_stat_replication`)
    expect(senders.rows.map((r) => r.state)).toContain('streaming')
    for (const i of [a, b]) expect(i.log()).toMatch(/the public's reads on DATABASE_READ_URL/)
    // An admin's health check tells how far the replica's replay is behind; the public's does not.
    const admin = await sessionAs(primary, 'admin')
    const health = (await (await fetch(`${a.url}/api/health`, { headers: { cookie: admin.headers.cookie } })).json()) as { read_replica?: { replay_lag_s: number | null } }
    expect(health.read_replica).toEqual({ replay_lag_s: expect.any(Number) })
    expect(await (await fetch(`${b.url}/api/health`)).json()).toEqual({ ok: true })
  })

  it(`a login burst split between the instances meets 429 after ${LOGIN_PER_MINUTE} tries in all`, async () => {
    const wrong = (i: Instance) =>
      fetch(`${i.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@park.test', password: 'not the password' }) })
    const statuses: number[] = []
    for (let n = 0; n < LOGIN_PER_MINUTE + 2; n++) statuses.push((await wrong(n % 2 === 0 ? a : b)).status)
    expect(statuses).toEqual([...Array(LOGIN_PER_MINUTE).fill(401), 429, 429])
    expect((await redis.keys(RATE_KEYS)).length).toBeGreaterThan(0)
    await clearRateKeys()
    expect((await wrong(b)).status).toBe(401)
  })

  it('a write through one instance is read back through the other: at once signed in, and by the public once replayed', async () => {
    const next = (parcel.price ?? 10) + 1.5
    await setPrice(a, next)
    // Signed in: the primary, so the very next read has it.
    expect(await itemPrice(b, officer)).toBe(next)
    // The public: the replica, which has it within moments.
    expect(await until(() => itemPrice(b, null), (p) => p === next, 10_000)).toBe(next)
    expect(await price(replica)).toBe(next)
  })

  it("the public's tiles and items come from the replica, a signed-in user's from the primary", async () => {
    const before = await tile(b, null)
    const publicPrice = await itemPrice(b, null)
    // Hold the replica still: what it serves now cannot change until replay resumes.
    await replica.query('SELECT pg_wal_replay_pause()')
    try {
      const next = (Number(publicPrice) || 10) + 2.25
      await setPrice(a, next)
      expect(await price(primary)).toBe(next)
      // Signed in, through either instance: the primary's new price, a new tile.
      const own = await tile(b, officer)
      expect(own.price).toBe(next)
      expect(await itemPrice(a, officer)).toBe(next)
      // Anonymous: the paused replica's copy, byte for byte the tile it served before.
      expect(await tile(b, null)).toEqual(before)
      expect(await tile(a, null)).toEqual(before)
      expect(await itemPrice(a, null)).toBe(publicPrice)

      await replica.query('SELECT pg_wal_replay_resume()')
      const after = await until(() => tile(b, null), (t) => t.price === next, 10_000)
      expect(after.price).toBe(next)
      expect(after.etag).not.toBe(before.etag)
      // If-None-Match with the replica's new ETag: either instance answers 304 (the ETag is the tile's own hash).
      const again = await fetch(`${a.url}${tilePath('parcels', tileOf(parcel.lon, parcel.lat, 16))}`, { headers: { 'if-none-match': after.etag } })
      expect(again.status).toBe(304)
    } finally {
      await replica.query('SELECT pg_wal_replay_resume()')
    }
  })
})
