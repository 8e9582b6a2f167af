// Readiness (七通一平), its thresholds and the planning conditions (标准地) of the investor portal:
// every distance is checked against ST_Distance on geography computed here, over all networks.
import { describe, expect, it } from 'vitest'
import type { ParcelSheet, PublicParcelsAnswer } from '../../web/src/shared/api/public-parcels'
import type { ConditionsRow, PlanningConditions, ReadinessConfig } from '../../web/src/shared/api/portal'
import { NETWORK_ITEMS, READINESS_ITEMS, ROAD_KINDS, UTILITY_ITEM, type NetworkItem, type ReadinessThresholds } from '../../web/src/shared/readiness'
import { sessionAs, type SessionHeaders } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'

/** The utility kinds of an item, from the shared mapping (the specification under test). */
const kindsOf = (item: NetworkItem): string[] => Object.entries(UTILITY_ITEM).filter(([, i]) => i === item).map(([k]) => k)

/**
 * For each network item, the nearest existing network and its distance, from the tables themselves
 * (not the public views the server reads), over every row: utilities, and the base map's roads.
 */
const NEAREST_SQL = `
  SELECT n.id, ST_Distance(n.geom::geography, p.geom::geography) AS d
  FROM parcels p,
       (SELECT id, geom FROM utilities WHERE status = 'existing' AND kind = ANY ($2::text[])
        UNION ALL SELECT id, geom FROM basemap WHERE $3 AND kind = ANY ($4::text[])) n
  WHERE p.id = $1
  ORDER BY d, n.id
  LIMIT 1`

/** A place far from the park (about 18 km east of it), for constructed cases that must not touch the sample rows. */
const FAR = { lon: 115.6, lat: 28.7 }
const square = (lon: number, lat: number, half: number) =>
  `ST_Multi(ST_MakeEnvelope(${lon - half}, ${lat - half}, ${lon + half}, ${lat + half}, 4326))`

forEachDatabase((ctx) => {
  const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ url, headers })
  const list = async (query = ''): Promise<ParcelSheet[]> => ((await get(`/api/public/parcels${query}`)).json() as PublicParcelsAnswer).features
  const entry = (s: ParcelSheet, item: string) => s.properties.readiness.find((r) => r.item === item)!
  let admin: SessionHeaders

  const thresholds = async (): Promise<ReadinessConfig> => {
    admin ??= (await sessionAs(ctx.db.pool, 'admin')).headers
    return (await get('/api/admin/readiness-thresholds', admin)).json() as ReadinessConfig
  }
  const putThresholds = async (t: ReadinessThresholds, version: number) =>
    ctx.app.inject({ method: 'PUT', url: '/api/admin/readiness-thresholds', headers: { ...admin, 'if-match': `"${version}"` }, payload: { thresholds: t } })

  describe('readiness (七通一平)', () => {
    it('every item, in order, on every parcel on offer; distances equal ST_Distance on geography to the centimetre, none nearer', async () => {
      const sheets = await list()
      const { thresholds: t } = await thresholds()
      expect(sheets.length).toBeGreaterThan(10)
      let checked = 0
      for (const s of sheets) {
        expect(s.properties.readiness.map((r) => r.item)).toEqual([...READINESS_ITEMS])
        for (const item of NETWORK_ITEMS) {
          const r = entry(s, item)
          const road = item === 'road'
          const { rows } = await ctx.db.pool.query<{ id: string; d: number }>(NEAREST_SQL, [s.id, road ? [] : kindsOf(item), road, road ? [...ROAD_KINDS] : []])
          const nearest = rows[0]
          if (!nearest) {
            expect(r, `${s.id} ${item}`).toEqual({ item, ready: false, distance_m: null, utility_id: null })
            continue
          }
          expect(Math.abs(r.distance_m! - nearest.d), `${s.id} ${item}: ${r.distance_m} vs ${nearest.d}`).toBeLessThanOrEqual(0.005 + 1e-9)
          // the network named is at that distance (another at the same distance would do as well)
          const named = await ctx.db.pool.query<{ d: number }>(
            `SELECT ST_Distance(n.geom::geography, p.geom::geography) AS d FROM parcels p,
               (SELECT id, geom FROM utilities UNION ALL SELECT id, geom FROM basemap) n WHERE p.id = $1 AND n.id = $2`, [s.id, r.utility_id])
          expect(Math.abs(named.rows[0]!.d - nearest.d), `${s.id} ${item} ${r.utility_id}`).toBeLessThan(0.005)
          expect(r.ready, `${s.id} ${item}`).toBe(nearest.d <= t[item])
          checked++
        }
        const site = await ctx.db.pool.query<{ site_state: string | null }>('SELECT site_state FROM parcels WHERE id = $1', [s.id])
        expect(entry(s, 'leveled')).toEqual({ item: 'leveled', ready: site.rows[0]!.site_state === 'leveled', distance_m: null, utility_id: null })
      }
      expect(checked).toBeGreaterThan(100)
      // the sample park has some of each answer
      const flat = sheets.flatMap((s) => s.properties.readiness)
      expect(flat.some((r) => r.ready)).toBe(true)
      expect(flat.some((r) => !r.ready && r.distance_m !== null)).toBe(true)
    })

    it('only existing networks make an item ready; planned and under-construction ones are listed apart, within the threshold', async () => {
      const sheets = await list()
      const { thresholds: t } = await thresholds()
      const status = new Map((await ctx.db.pool.query<{ id: string; status: string; expected_date: string | null }>(
        `SELECT id, status, to_char(expected_date, 'YYYY-MM-DD') AS expected_date FROM utilities`)).rows.map((r) => [r.id, r]))
      let planned = 0
      for (const s of sheets) {
        for (const r of s.properties.readiness) if (r.utility_id?.startsWith('UT-')) expect(status.get(r.utility_id)!.status).toBe('existing')
        for (const p of s.properties.planned) {
          expect(['planned', 'under_construction']).toContain(status.get(p.utility_id)!.status)
          expect(p.status).toBe(status.get(p.utility_id)!.status)
          expect(p.expected_date).toBe(status.get(p.utility_id)!.expected_date)
          expect(p.distance_m).toBeLessThanOrEqual(t[p.item] + 0.005)
          planned++
        }
      }
      expect(planned, 'some parcel has a planned network within reach').toBeGreaterThan(0)
    })

    it('a constructed case: a planned main across a parcel is never ready; once existing, it is, at 0 m', async () => {
      const id = 'ZZ-READY-1'
      await ctx.db.pool.query(
        `INSERT INTO parcels (id, zone_id, land_use, status, price_wan_per_mu, site_state, geom)
         VALUES ($1, 'huangxi', 'industrial', 'available', 10, 'not_leveled', ${square(FAR.lon, FAR.lat, 0.001)})`, [id])
      try {
        // a planned gas main through the parcel, an existing one about 390 m east of it, a temporary one touching it
        await ctx.db.pool.query(
          `INSERT INTO utilities (id, kind, name_zh, name_en, status, expected_date, geom) VALUES
             ('ZZ-GAS-PLAN', 'gas_pipeline', '测试', 'test', 'planned', '2030-01-01', ST_SetSRID(ST_MakeLine(ST_MakePoint($1, $2 - 0.01), ST_MakePoint($1, $2 + 0.01)), 4326)),
             ('ZZ-GAS-TEMP', 'gas_pipeline', '测试', 'test', 'temporary', NULL, ST_SetSRID(ST_MakeLine(ST_MakePoint($1 + 0.001, $2 - 0.01), ST_MakePoint($1 + 0.001, $2 + 0.01)), 4326)),
             ('ZZ-GAS-OLD', 'gas_pipeline', '测试', 'test', 'existing', NULL, ST_SetSRID(ST_MakeLine(ST_MakePoint($1 + 0.005, $2 - 0.01), ST_MakePoint($1 + 0.005, $2 + 0.01)), 4326))`,
          [FAR.lon, FAR.lat])
        const sheet = async () => (await get(`/api/public/parcels/${id}`)).json() as ParcelSheet
        const expected = (await ctx.db.pool.query<{ d: number }>(
          `SELECT ST_Distance(u.geom::geography, p.geom::geography) AS d FROM utilities u, parcels p WHERE u.id = 'ZZ-GAS-OLD' AND p.id = $1`, [id])).rows[0]!.d
        expect(expected).toBeGreaterThan(300)
        const before = await sheet()
        expect(entry(before, 'gas')).toEqual({ item: 'gas', ready: expected <= (await thresholds()).thresholds.gas, distance_m: Math.round(expected * 100) / 100, utility_id: 'ZZ-GAS-OLD' })
        expect(before.properties.planned).toEqual([{ item: 'gas', utility_id: 'ZZ-GAS-PLAN', status: 'planned', expected_date: '2030-01-01', distance_m: 0 }])
        expect(entry(before, 'leveled').ready).toBe(false)
        expect(entry(before, 'road')).toEqual({ item: 'road', ready: false, distance_m: expect.any(Number), utility_id: expect.any(String) })

        await ctx.db.pool.query(`UPDATE utilities SET status = 'existing', expected_date = NULL WHERE id = 'ZZ-GAS-PLAN'`)
        const after = await sheet()
        expect(entry(after, 'gas')).toEqual({ item: 'gas', ready: true, distance_m: 0, utility_id: 'ZZ-GAS-PLAN' })
        expect(after.properties.planned).toEqual([])
      } finally {
        await ctx.db.pool.query(`DELETE FROM utilities WHERE id LIKE 'ZZ-GAS-%'`)
        await ctx.db.pool.query('DELETE FROM parcels WHERE id = $1', [id])
      }
    })

    it('the ready filter: exactly the parcels with every listed item ready', async () => {
      const all = await list()
      for (const items of [['power'], ['power', 'water_supply'], ['road', 'leveled'], ['drainage', 'telecom', 'water_supply']]) {
        const want = all.filter((s) => items.every((i) => entry(s, i).ready)).map((s) => s.id)
        const got = (await list(`?ready=${items.join(',')}`)).map((s) => s.id)
        expect(got, items.join(',')).toEqual(want)
      }
      expect((await list('?ready=power')).length).toBeGreaterThan(0)
      expect((await list('?ready=power,leveled')).length).toBeLessThan(all.length)
    })
  })

  describe('GET/PUT /api/admin/readiness-thresholds', () => {
    it('admins read them with an ETag; a change flips ready, is audited, and a stale version is 409', async () => {
      const config = await thresholds()
      expect(Object.keys(config).sort()).toEqual(['thresholds', 'updated_at', 'updated_by', 'version'])
      expect(Object.keys(config.thresholds).sort()).toEqual([...NETWORK_ITEMS].sort())
      const res = await get('/api/admin/readiness-thresholds', admin)
      expect(res.headers.etag).toBe(`"${config.version}"`)

      // a parcel whose power is ready, at distance d: a threshold just under d makes it not ready
      const sheet = (await list('?ready=power'))[0]!
      const d = entry(sheet, 'power').distance_m!
      const audits = async () => (await ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'readiness_thresholds'`)).rows[0]!.n
      const auditsBefore = await audits()
      const tighter = { ...config.thresholds, power: Math.max(0, d - 1) }
      const saved = await putThresholds(tighter, config.version)
      try {
        expect(saved.statusCode, saved.body).toBe(200)
        expect((saved.json() as ReadinessConfig).version).toBe(config.version + 1)
        expect(saved.headers.etag).toBe(`"${config.version + 1}"`)
        expect(entry((await get(`/api/public/parcels/${sheet.id}`)).json() as ParcelSheet, 'power').ready).toBe(false)
        expect((await list('?ready=power')).map((s) => s.id)).not.toContain(sheet.id)
        expect(await audits()).toBe(auditsBefore + 1)
        // the old version is stale now
        const stale = await putThresholds(config.thresholds, config.version)
        expect(stale.statusCode).toBe(409)
      } finally {
        const restored = await putThresholds(config.thresholds, config.version + 1)
        expect(restored.statusCode, restored.body).toBe(200)
      }
      expect(entry((await get(`/api/public/parcels/${sheet.id}`)).json() as ParcelSheet, 'power').ready).toBe(true)
    })

    it('bad bodies are 400 (no If-Match: 428), other roles 403, and nothing changes', async () => {
      const config = await thresholds()
      const t = config.thresholds
      const bodies: unknown[] = [
        {}, { thresholds: { ...t, power: -1 } }, { thresholds: { ...t, power: 5001 } }, { thresholds: { ...t, power: '200' } },
        { thresholds: { ...t, leveled: 10 } }, { thresholds: { road: 50 } }, { thresholds: t, extra: 1 }, { thresholds: { ...t, gas: null } },
      ]
      for (const payload of bodies) {
        const res = await ctx.app.inject({ method: 'PUT', url: '/api/admin/readiness-thresholds', headers: { ...admin, 'if-match': `"${config.version}"` }, payload: payload as object })
        expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      }
      const blind = await ctx.app.inject({ method: 'PUT', url: '/api/admin/readiness-thresholds', headers: admin, payload: { thresholds: t } })
      expect(blind.statusCode).toBe(428)
      for (const role of ['planner', 'land_officer', 'investor'] as const) {
        const { headers } = await sessionAs(ctx.db.pool, role)
        expect((await get('/api/admin/readiness-thresholds', headers)).statusCode, role).toBe(403)
        const put = await ctx.app.inject({ method: 'PUT', url: '/api/admin/readiness-thresholds', headers: { ...headers, 'if-match': `"${config.version}"` }, payload: { thresholds: t } })
        expect(put.statusCode, role).toBe(403)
      }
      expect((await get('/api/admin/readiness-thresholds')).statusCode).toBe(401)
      expect(await thresholds()).toEqual(config)
    })
  })

  describe('planning conditions (标准地)', () => {
    const conditions: PlanningConditions = {
      min_investment_wan_per_mu: 320, min_plot_ratio: 1.1, max_plot_ratio: 2.4, max_building_coverage_pct: 58,
      min_tax_wan_per_mu: 22, max_energy_tce_per_wan: 0.3, industries: ['textile', 'other'],
    }
    const put = (id: string, payload: unknown, headers: Record<string, string>, version?: number) =>
      ctx.app.inject({ method: 'PUT', url: `/api/parcels/${id}/conditions`, headers: { ...headers, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) }, payload: payload as object })

    it('every parcel on offer carries its conditions as stored', async () => {
      const { rows } = await ctx.db.pool.query<PlanningConditions & { parcel_id: string }>(
        `SELECT parcel_id, min_investment_wan_per_mu::float8 AS min_investment_wan_per_mu, min_plot_ratio::float8 AS min_plot_ratio,
                max_plot_ratio::float8 AS max_plot_ratio, max_building_coverage_pct::float8 AS max_building_coverage_pct,
                min_tax_wan_per_mu::float8 AS min_tax_wan_per_mu, max_energy_tce_per_wan::float8 AS max_energy_tce_per_wan, industries
         FROM parcel_conditions`)
      const stored = new Map(rows.map(({ parcel_id, ...c }) => [parcel_id, c]))
      const sheets = await list()
      for (const s of sheets) expect(s.properties.conditions, s.id).toEqual(stored.get(s.id) ?? null)
      expect(sheets.filter((s) => s.properties.conditions).length).toBe(sheets.length)
    })

    it('a land officer creates (version 0), reads and updates them; audited; the public sheet shows them', async () => {
      const officer = (await sessionAs(ctx.db.pool, 'land_officer')).headers
      // a parcel not on offer, so the sample park's offers stay as they are
      const { rows } = await ctx.db.pool.query<{ id: string }>(
        `SELECT id FROM parcels p WHERE status = 'occupied' AND NOT EXISTS (SELECT 1 FROM parcel_conditions c WHERE c.parcel_id = p.id) ORDER BY id LIMIT 1`)
      const id = rows[0]!.id
      try {
        expect((await get(`/api/parcels/${id}/conditions`, officer)).statusCode).toBe(404)
        const created = await put(id, conditions, officer, 0)
        expect(created.statusCode, created.body).toBe(201)
        const row = created.json() as ConditionsRow
        expect(row).toMatchObject({ ...conditions, parcel_id: id, version: 1 })
        expect(created.headers.etag).toBe('"1"')
        expect((await get(`/api/parcels/${id}/conditions`, officer)).json()).toEqual(row)

        const changed = await put(id, { ...conditions, industries: ['new_energy_materials'], version: 1 }, officer)
        expect(changed.statusCode, changed.body).toBe(200)
        expect(changed.json()).toMatchObject({ industries: ['new_energy_materials'], version: 2 })
        expect((await put(id, conditions, officer, 1)).statusCode).toBe(409)
        expect((await put(id, conditions, officer, 0)).statusCode).toBe(409)

        const audit = await ctx.db.pool.query<{ action: string; actor: string }>(
          `SELECT action, actor FROM audit_log WHERE entity = 'parcel_conditions' AND entity_id = $1 ORDER BY id`, [id])
        expect(audit.rows.map((r) => r.action)).toEqual(['create_conditions', 'update_conditions'])
        // not on offer: the public sees neither the parcel nor its conditions
        expect((await get(`/api/public/parcels/${id}`)).statusCode).toBe(404)
      } finally {
        await ctx.db.pool.query('DELETE FROM parcel_conditions WHERE parcel_id = $1', [id])
      }
    })

    it('invalid conditions are 4xx and change nothing; only land officers and admins may set them', async () => {
      const officer = (await sessionAs(ctx.db.pool, 'land_officer')).headers
      const [sheet] = await list('?limit=1')
      const id = sheet!.id
      const current = (await get(`/api/parcels/${id}/conditions`, officer)).json() as ConditionsRow
      const bad: [unknown, number][] = [
        [{ ...conditions, min_plot_ratio: 3, max_plot_ratio: 2 }, 422],
        [{ ...conditions, industries: ['textile', 'textile'] }, 422],
        [{ ...conditions, industries: [] }, 400],
        [{ ...conditions, industries: ['mining'] }, 400],
        [{ ...conditions, max_building_coverage_pct: 120 }, 400],
        [{ ...conditions, min_investment_wan_per_mu: 0 }, 400],
        [{ ...conditions, min_tax_wan_per_mu: -1 }, 400],
        [{ ...conditions, max_energy_tce_per_wan: '0.3' }, 400],
        [{ ...conditions, tax_wan: 1 }, 400],
        [(({ min_plot_ratio: _, ...rest }) => rest)(conditions), 400],
      ]
      for (const [payload, status] of bad) expect((await put(id, payload, officer, current.version)).statusCode, JSON.stringify(payload)).toBe(status)
      expect((await put(id, conditions, officer)).statusCode).toBe(428)
      expect((await put('ZZ-NOPE', conditions, officer, 0)).statusCode).toBe(404)
      for (const role of ['planner', 'investor'] as const) {
        const { headers } = await sessionAs(ctx.db.pool, role)
        expect((await put(id, conditions, headers, current.version)).statusCode, role).toBe(403)
      }
      expect((await put(id, conditions, {}, current.version)).statusCode).toBe(401)
      expect((await get(`/api/parcels/${id}/conditions`, officer)).json()).toEqual(current)
    })
  })
})
