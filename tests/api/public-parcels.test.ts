import gjv from 'geojson-validation'
import { describe, expect, it } from 'vitest'
import { NEIGHBOUR_LIMIT, NEIGHBOUR_REACH_M, UTILITY_REACH_M } from '../../web/src/shared/api/public-parcels'
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
    readiness: { item: string; ready: boolean; distance_m: number | null; utility_id: string | null }[]
    planned: { item: string; utility_id: string; status: string; expected_date: string | null; distance_m: number }[]
    conditions: Record<string, unknown> | null
    neighbour_reach_m: number
    neighbours: { name_zh: string; name_en: string; industry: string; distance_m: number }[]
  }
}
interface Collection { type: 'FeatureCollection'; numberReturned: number; features: Sheet[] }

const PUBLIC_KEYS = [
  'zone_id', 'zone_zh', 'zone_en', 'land_use', 'area_m2', 'area_mu', 'area_ha', 'price_wan_per_mu', 'price_total_wan', 'utility_reach_m', 'utility_kinds', 'utilities',
  'readiness', 'planned', 'conditions', 'neighbour_reach_m', 'neighbours',
].sort()
/** Every key an object of each place in a public answer may have: anything else is a leak. */
const ALLOWED_KEYS: Record<string, string[]> = {
  collection: ['type', 'numberReturned', 'features'],
  feature: ['type', 'id', 'geometry', 'properties'],
  geometry: ['type', 'coordinates'],
  properties: PUBLIC_KEYS,
  utilities: ['id', 'kind', 'name_zh', 'name_en', 'status', 'distance_m'],
  readiness: ['item', 'ready', 'distance_m', 'utility_id'],
  planned: ['item', 'utility_id', 'status', 'expected_date', 'distance_m'],
  neighbours: ['name_zh', 'name_en', 'industry', 'distance_m'],
  conditions: [
    'min_investment_wan_per_mu', 'min_plot_ratio', 'max_plot_ratio', 'max_building_coverage_pct', 'min_tax_wan_per_mu', 'max_energy_tce_per_wan', 'industries',
  ],
}
/** Internal fields by their names in the tables and internal answers: none may appear anywhere in a public answer. */
const INTERNAL_KEYS = [
  'tax_wan', 'revenue_wan', 'profit_wan', 'value_added_wan', 'electricity_kwh', 'energy_tce', 'rnd_wan', 'employees', 'holder_zh', 'holder_en',
  'enterprise_id', 'enterprise_zh', 'enterprise_en', 'category', 'flagged_by', 'flagged_on', 'reason', 'disposal', 'stage', 'note', 'version',
  'updated_at', 'updated_by', 'land_approval', 'forest_approval', 'demolished_buildings', 'relocated_graves', 'site_state', 'user_id',
  'contact', 'message', 'company', 'inquiries', 'audit', 'actor', 'before', 'after', 'capacity', 'operator', 'public_id',
]

/** Walks a public parcel answer, checking each object's keys against its place's allowed list. */
function assertOnlyPublicKeys(value: unknown, place: string, path = place): void {
  if (Array.isArray(value)) return value.forEach((v, i) => assertOnlyPublicKeys(v, place, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return
  const keys = Object.keys(value)
  for (const k of keys) expect(INTERNAL_KEYS, `${path}.${k}`).not.toContain(k)
  const allowed = ALLOWED_KEYS[place]
  if (!allowed) throw new Error(`no allowed keys for ${place}`)
  for (const k of keys) expect(allowed, `${path}.${k}`).toContain(k)
  for (const [k, v] of Object.entries(value)) {
    // coordinates are arrays of numbers; other nested objects name their place by their key
    if (place === 'geometry' || k === 'type' || k === 'utility_kinds' || k === 'industries') continue
    const next = place === 'collection' && k === 'features' ? 'feature' : k
    assertOnlyPublicKeys(v, next, `${path}.${k}`)
  }
}
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

    it(`neighbours are the firms the public map shows within ${NEIGHBOUR_REACH_M} m, nearest first, by geodesic distance`, async () => {
      const fc = (await get('/api/public/parcels')).json() as Collection
      // The firms the public map shows, by their names (the public layer), measured here on geography.
      const shown = (await get('/api/layers/enterprises/features?limit=10000')).json() as { features: { properties: { name_zh: string } }[] }
      const publicNames = new Set(shown.features.map((f) => f.properties.name_zh))
      let withNeighbours = 0
      for (const { id, properties: p } of fc.features) {
        expect(p.neighbour_reach_m).toBe(NEIGHBOUR_REACH_M)
        const { rows } = await ctx.db.pool.query<{ name_zh: string; d: number }>(
          `SELECT e.name_zh, ST_Distance(e.geom::geography, p.geom::geography) AS d FROM enterprises e, parcels p
           WHERE p.id = $1 AND ST_DWithin(e.geom::geography, p.geom::geography, $2) ORDER BY d, e.name_zh`, [id, NEIGHBOUR_REACH_M])
        const expected = rows.filter((r) => publicNames.has(r.name_zh)).slice(0, NEIGHBOUR_LIMIT)
        expect(p.neighbours.map((n) => n.name_zh), id).toEqual(expected.map((r) => r.name_zh))
        p.neighbours.forEach((n, i) => expect(Math.abs(n.distance_m - expected[i]!.d), `${id} ${n.name_zh}`).toBeLessThanOrEqual(0.05))
        if (p.neighbours.length) withNeighbours++
      }
      expect(withNeighbours, 'some parcel on offer has a firm next door').toBeGreaterThan(0)
      // A firm the public map does not show (no held land, no public project) is nobody's neighbour.
      const hidden = await ids(`SELECT name_zh AS id FROM enterprises ORDER BY id`)
      const hiddenNames = hidden.filter((n) => !publicNames.has(n))
      for (const f of fc.features) for (const n of f.properties.neighbours) expect(hiddenNames).not.toContain(n.name_zh)
    })

    it('field by field: the list and the sheet carry public keys only, at every depth', async () => {
      const res = await get('/api/public/parcels')
      assertOnlyPublicKeys(res.json(), 'collection')
      const fc = res.json() as Collection
      for (const f of fc.features.slice(0, 5)) assertOnlyPublicKeys((await get(`/api/public/parcels/${f.id}`)).json(), 'feature')
      // every public sheet has all three portal parts
      for (const f of fc.features) {
        expect(f.properties.readiness).toHaveLength(8)
        expect(Array.isArray(f.properties.planned)).toBe(true)
      }
    })

    it('filters by price per mu: only priced parcels inside the range', async () => {
      const all = ((await get('/api/public/parcels')).json() as Collection).features
      const ranged = ((await get('/api/public/parcels?min_price=15&max_price=20')).json() as Collection).features
      const want = all.filter((f) => f.properties.price_wan_per_mu !== null && f.properties.price_wan_per_mu >= 15 && f.properties.price_wan_per_mu <= 20)
      expect(ranged.map((f) => f.id)).toEqual(want.map((f) => f.id))
      expect(ranged.length).toBeGreaterThan(0)
      expect(ranged.length).toBeLessThan(all.length)
      const cheap = ((await get('/api/public/parcels?max_price=14')).json() as Collection).features
      for (const f of cheap) expect(f.properties.price_wan_per_mu).toBeLessThanOrEqual(14)
      expect(((await get('/api/public/parcels?min_price=1000')).json() as Collection).features).toEqual([])
    })

    it('chemical=true: exactly the parcels on offer covered by chemical cluster A ∪ B', async () => {
      const inside = ((await get('/api/public/parcels?chemical=true')).json() as Collection).features.map((f) => f.id)
      const covered = await ids(`SELECT p.id FROM parcels p WHERE p.status = 'available'
                                   AND ST_CoveredBy(p.geom, (SELECT ST_Union(geom) FROM chemical_clusters)) ORDER BY p.id`)
      expect(inside).toEqual(covered)
      expect(inside.length).toBeGreaterThan(0)
      const all = ((await get('/api/public/parcels')).json() as Collection).features
      expect(inside.length).toBeLessThan(all.length)
      // chemical=false restricts nothing
      expect(((await get('/api/public/parcels?chemical=false')).json() as Collection).features).toHaveLength(all.length)
    })

    it('industry: exactly the parcels whose conditions name it', async () => {
      for (const industry of ['chemical_pharma', 'textile']) {
        const got = ((await get(`/api/public/parcels?industry=${industry}`)).json() as Collection).features
        const want = await ids(`SELECT p.id FROM parcels p JOIN parcel_conditions c ON c.parcel_id = p.id
                                WHERE p.status = 'available' AND '${industry}' = ANY (c.industries) ORDER BY p.id`)
        expect(got.map((f) => f.id), industry).toEqual(want)
        expect(want.length, industry).toBeGreaterThan(0)
        for (const f of got) expect(f.properties.conditions!.industries).toContain(industry)
      }
    })

    it('a parcel not on offer is absent under every filter', async () => {
      const offered = new Set(await ids(`SELECT id FROM parcels WHERE status = 'available'`))
      for (const q of ['', 'min_price=0', 'ready=road', 'chemical=true', 'industry=chemical_pharma', 'industry=other', 'zone_id=fengtian', 'zone_id=south', 'land_use=green']) {
        for (const f of ((await get(`/api/public/parcels?${q}`)).json() as Collection).features) expect(offered.has(f.id), `${q}: ${f.id}`).toBe(true)
      }
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
      for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'land_use=mine', 'zone_id=south%27%20OR%20%271%27=%271', 'min_mu=-1', 'min_mu=abc', 'status=idle',
        'min_price=-1', 'max_price=abc', 'ready=', 'ready=power,', 'ready=wifi', 'ready=power%2Cwifi', 'chemical=maybe', 'chemical=1', 'industry=mining', 'tax=1', 'holder=x']) {
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
