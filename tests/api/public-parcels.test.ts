import gjv from 'geojson-validation'
import { describe, expect, it } from 'vitest'
import { UTILITY_REACH_M } from '../../web/src/shared/api/public-parcels'
import { M2_PER_MU } from '../../web/src/shared/units'
import { sessionAs } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'

interface Sheet {
  type: 'Feature'
  id: string
  geometry: { type: string }
  properties: {
    zone_id: string; zone_zh: string | null; zone_en: string | null; land_use: string
    area_m2: number; area_mu: number; area_ha: number; price_wan_per_mu: number | null; price_total_wan: number | null
    utility_reach_m: number; utility_kinds: string[]
    utilities: { id: string; kind: string; name_zh: string; name_en: string; status: string; distance_m: number }[]
  }
}
interface Collection { type: 'FeatureCollection'; numberReturned: number; features: Sheet[] }

const PUBLIC_KEYS = ['zone_id', 'zone_zh', 'zone_en', 'land_use', 'area_m2', 'area_mu', 'area_ha', 'price_wan_per_mu', 'price_total_wan', 'utility_reach_m', 'utility_kinds', 'utilities'].sort()
// (utilities carry their own public `status`; the parcel's status is not sent at all: PUBLIC_KEYS)
const INTERNAL = ['enterprise', 'note', 'approval', 'demolished', 'graves', 'version', 'updated_at', 'flagged', 'tax', 'revenue', 'holder']
const NOT_FOUND = { error: { code: 'not_found', message: 'no available parcel with this id; see /api/public/parcels' } }

forEachDatabase((ctx) => {
  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers })
  const ids = async (sql: string) => (await ctx.db.pool.query<{ id: string }>(sql)).rows.map((r) => r.id)

  describe('GET /api/public/parcels', () => {
    it('every available parcel and nothing else, as valid GeoJSON, no sign-in', async () => {
      const res = await get('/api/public/parcels')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/)
      const fc = res.json() as Collection
      expect(gjv.valid(fc, true)).toEqual([])
      expect(fc.features.map((f) => f.id)).toEqual(await ids(`SELECT id FROM parcels WHERE status = 'available' ORDER BY id`))
      expect(fc.numberReturned).toBe(fc.features.length)
    })

    it('public fields only: the JSON names no internal field', async () => {
      const res = await get('/api/public/parcels')
      const fc = res.json() as Collection
      for (const f of fc.features) expect(Object.keys(f.properties).sort()).toEqual(PUBLIC_KEYS)
      for (const word of INTERNAL) expect(res.body.includes(`"${word}`), word).toBe(false)
      // A signed-in investor gets exactly the public answer.
      const investor = await sessionAs(ctx.db.pool, 'investor')
      expect((await get('/api/public/parcels', investor.headers)).body).toBe(res.body)
    })

    it('area is ellipsoidal, in m², mu and ha; the indicative total is price × mu', async () => {
      const fc = (await get('/api/public/parcels')).json() as Collection
      const { rows } = await ctx.db.pool.query<{ id: string; a: number }>(`SELECT id, ST_Area(geom::geography) AS a FROM parcels WHERE status = 'available'`)
      const area = new Map(rows.map((r) => [r.id, r.a]))
      for (const { id, properties: p } of fc.features) {
        expect(p.area_m2).toBeCloseTo(area.get(id)!, 6)
        expect(p.area_mu).toBeCloseTo(p.area_m2 / M2_PER_MU, 9)
        expect(p.area_ha).toBeCloseTo(p.area_m2 / 10_000, 9)
        if (p.price_wan_per_mu !== null) expect(p.price_total_wan).toBeCloseTo(p.price_wan_per_mu * p.area_mu, 6)
        expect(p.zone_zh).toEqual(expect.any(String))
      }
    })

    it(`utilities are exactly those within ${UTILITY_REACH_M} m, nearest first, with their kinds`, async () => {
      const fc = (await get('/api/public/parcels')).json() as Collection
      let reached = 0
      for (const { id, properties: p } of fc.features) {
        const within = await ids(`SELECT u.id FROM utilities u, parcels p WHERE p.id = '${id}' AND ST_DWithin(u.geom::geography, p.geom::geography, ${UTILITY_REACH_M}) ORDER BY u.id`)
        expect(p.utilities.map((u) => u.id).sort(), id).toEqual(within)
        const distances = p.utilities.map((u) => u.distance_m)
        expect(distances).toEqual([...distances].sort((a, b) => a - b))
        for (const d of distances) expect(d).toBeLessThanOrEqual(UTILITY_REACH_M)
        expect(p.utility_kinds).toEqual([...new Set(p.utilities.map((u) => u.kind))].sort())
        if (p.utilities.length) reached++
      }
      expect(reached, 'some available parcel is reached by some utility').toBeGreaterThan(0)
    })

    it('filters by land use, zone and area, and caps with limit', async () => {
      const industrial = (await get('/api/public/parcels?land_use=industrial')).json() as Collection
      expect(industrial.features.length).toBeGreaterThan(0)
      for (const f of industrial.features) expect(f.properties.land_use).toBe('industrial')
      const south = (await get('/api/public/parcels?zone_id=south')).json() as Collection
      for (const f of south.features) expect(f.properties.zone_id).toBe('south')
      const big = (await get('/api/public/parcels?min_mu=50&max_mu=200')).json() as Collection
      for (const f of big.features) expect(f.properties.area_mu).toBeGreaterThanOrEqual(50 - 1e-9)
      for (const f of big.features) expect(f.properties.area_mu).toBeLessThanOrEqual(200 + 1e-9)
      expect(((await get('/api/public/parcels?limit=2')).json() as Collection).features).toHaveLength(2)
    })

    it('bad parameters are 400s', async () => {
      for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'land_use=mine', 'zone_id=south%27%20OR%20%271%27=%271', 'min_mu=-1', 'min_mu=abc', 'status=idle']) {
        const res = await get(`/api/public/parcels?${q}`)
        expect(res.statusCode, q).toBe(400)
        expect(res.json()).toMatchObject({ error: { code: 'bad_request' } })
      }
    })
  })

  describe('GET /api/public/parcels/:id', () => {
    it('the sheet of an available parcel: the same feature as in the list', async () => {
      const [first] = ((await get('/api/public/parcels?limit=1')).json() as Collection).features
      const res = await get(`/api/public/parcels/${first!.id}`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual(first)
    })

    it('a parcel that is not on offer answers exactly like one that does not exist', async () => {
      const [held] = await ids(`SELECT id FROM parcels WHERE status = 'occupied' ORDER BY id LIMIT 1`)
      const [idle] = await ids(`SELECT id FROM parcels WHERE status = 'idle' ORDER BY id LIMIT 1`)
      for (const id of [held!, idle!, 'ZZ-999']) {
        const res = await get(`/api/public/parcels/${id}`)
        expect(res.statusCode, id).toBe(404)
        expect(res.json()).toEqual(NOT_FOUND)
      }
    })

    it('hostile ids are 404s (414 when absurdly long), never a database error', async () => {
      const hostile = ['..%2F..%2Fetc%2Fpasswd', "FT-001'%20OR%20'1'='1", 'FT-001%00', '%E5%9C%B0%E5%9D%97', 'FT-001;DROP%20TABLE%20parcels']
      for (const id of hostile) {
        const res = await get(`/api/public/parcels/${id}`)
        expect(res.statusCode, id).toBe(404)
        expect(res.json()).toEqual(NOT_FOUND)
      }
      // Fastify refuses path parameters over 100 characters before routing (maxParamLength).
      const long = await get(`/api/public/parcels/${'A'.repeat(300)}`)
      expect(long.statusCode).toBe(414)
      expect(long.json()).toMatchObject({ error: { message: expect.any(String) } })
      expect(long.body).not.toMatch(/SELECT|postgres|at .*\.ts/)
    })
  })
})
