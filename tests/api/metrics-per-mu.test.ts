import { parse as parseCsv } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { perMuReport } from '../../server/metrics/per-mu-report'
import { forEachDatabase } from '../helpers/databases'
import {
  PER_MU_GROUPS as GROUPS,
  SEED_GRADING as SEED,
  nonFinite,
  recomputePerMu,
  type GradingJson as Config,
  type PerMuJson as Report,
} from '../helpers/per-mu-reference'

/**
 * GET /api/metrics/per-mu[.csv] and GET|PUT /api/metrics/grading, on each database. Every
 * expectation is recomputed here from the raw tables with plain JavaScript, not taken from the
 * server's own modules. Tests that change the configuration put the seed back afterwards.
 */

forEachDatabase((ctx) => {
  const getReport = async (query = ''): Promise<Report> => {
    const res = await ctx.app.inject(`/api/metrics/per-mu${query}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    return res.json() as Report
  }
  const getConfig = async (): Promise<Config> => (await ctx.app.inject('/api/metrics/grading')).json() as Config
  const put = (body: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'PUT', url: '/api/metrics/grading', payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })
  const auditCount = async () => (await ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'per_mu_grading'`)).rows[0]!.n
  const restoreSeed = async () => {
    const res = await put({ ...SEED, version: (await getConfig()).version })
    expect(res.statusCode, res.body).toBe(200)
  }

  beforeAll(restoreSeed)
  afterAll(restoreSeed)

  describe('GET /api/metrics/per-mu', () => {
    it('defaults to the latest year with figures and lists every enterprise', async () => {
      const report = await getReport()
      const { rows } = await ctx.db.pool.query<{ y: number; n: number }>('SELECT (SELECT max(year) FROM enterprise_figures) AS y, (SELECT count(*)::int FROM enterprises) AS n')
      expect(report.year).toBe(rows[0]!.y)
      expect(report.enterprises).toHaveLength(rows[0]!.n)
      expect(report.config).toMatchObject(SEED)
      expect(report.years).toEqual([2021, 2022])
    })

    it.each([2021, 2022])('%i: mu, score, rank and grade equal a recomputation from the raw rows', async (year) => {
      const report = await getReport(`?year=${year}`)
      const expected = await recomputePerMu(ctx, year)
      for (const f of report.enterprises) {
        const e = expected.get(f.id)!
        expect(f.group, f.id).toBe(e.group)
        expect(Math.abs(f.mu - e.mu), f.id).toBeLessThanOrEqual(1e-9 * Math.max(1, e.mu))
        expect(f.reason, f.id).toBe(e.reason)
        if (e.score === null) expect([f.score, f.rank, f.grade], f.id).toEqual([null, null, null])
        else {
          expect(Math.abs(f.score! - e.score), f.id).toBeLessThanOrEqual(1e-9 * e.score)
          expect([f.rank, f.grade], f.id).toEqual([e.rank, e.grade])
        }
      }
    })

    it('mu is the ellipsoidal area of the firm\'s parcels: Σ ST_Area(geom::geography) ÷ (10000/15)', async () => {
      const report = await getReport()
      const { rows } = await ctx.db.pool.query<{ id: string; mu: number; ids: string[] }>(
        `SELECT enterprise_id AS id, sum(ST_Area(geom::geography)) / (10000.0 / 15) AS mu, array_agg(id ORDER BY id) AS ids
         FROM parcels WHERE enterprise_id IS NOT NULL GROUP BY enterprise_id`,
      )
      for (const f of report.enterprises) {
        const r = rows.find((x) => x.id === f.id)
        expect(f.mu, f.id).toBeCloseTo(r?.mu ?? 0, 8)
        expect(f.parcel_ids).toEqual(r?.ids ?? [])
      }
    })

    it('firms that cannot be graded get null and the reason; the sample park has each case', async () => {
      const report = await getReport('?year=2022')
      const byId = new Map(report.enterprises.map((f) => [f.id, f]))
      const expectReason = (ids: string[], reason: string) => {
        for (const id of ids) expect([byId.get(id)?.reason, byId.get(id)?.score, byId.get(id)?.grade], id).toEqual([reason, null, null])
      }
      expectReason(['xiandao', 'dongmu', 'yili'], 'no_parcel')
      expectReason(['sample-01', 'catl', 'gotion'], 'no_figures')
      expectReason(['yunwei', 'haoneng', 'jinsaiyi', 'sample-buyer-01'], 'started_this_year')
      expectReason(['sample-small-01', 'sample-small-02', 'sample-small-03', 'sample-small-04'], 'under_min_mu')
      // the under-3-mu lots: their per-mu figures are still shown, only the grade is withheld
      expect(byId.get('sample-small-01')!.mu).toBeLessThan(3)
      expect(byId.get('sample-small-01')!.revenue_per_mu).toEqual(expect.any(Number))
      const noParcel = byId.get('xiandao')!
      expect([noParcel.mu, noParcel.parcel_ids, noParcel.revenue_per_mu]).toEqual([0, [], null])
      const total = Object.values(report.summary.not_graded).reduce((s, n) => s + n, 0)
      expect(total + report.summary.graded).toBe(report.enterprises.length)
    })

    it('never NaN or Infinity: not in the report object, not in the JSON text', async () => {
      for (const year of ['2021', '2022']) {
        expect(nonFinite(await perMuReport(ctx.db.pool, Number(year)))).toEqual([])
        const res = await ctx.app.inject(`/api/metrics/per-mu?year=${year}`)
        expect(res.body).not.toMatch(/NaN|Infinity/)
      }
    })

    it('a firm whose figures would divide by zero is listed as incomplete, not scored', async () => {
      const sql = (v: string) => `UPDATE enterprise_figures SET energy_tce = ${v} WHERE enterprise_id = 'jinli' AND year = 2022 RETURNING energy_tce::text AS v`
      const before = (await ctx.db.pool.query<{ v: string }>(sql('energy_tce'))).rows[0]!.v
      await ctx.db.pool.query(sql('0'))
      try {
        const report = await getReport('?year=2022')
        const f = report.enterprises.find((x) => x.id === 'jinli')!
        expect([f.reason, f.missing, f.score, f.grade, f.indicators.value_added_per_tce, f.value_added_per_tce]).toEqual(['incomplete_figures', ['energy_tce'], null, null, null, null])
        expect(nonFinite(report)).toEqual([])
      } finally {
        await ctx.db.pool.query(sql(`'${before}'::numeric`))
      }
    })

    it.each([
      ['year=abc', 400],
      ['year=2022.5', 400],
      ['year=1800', 400],
      ['year=', 200],
      ['year=2030', 404],
    ])('%s → %i', async (query, status) => {
      const res = await ctx.app.inject(`/api/metrics/per-mu?${query}`)
      expect(res.statusCode, res.body).toBe(status)
      if (status !== 200) expect(res.json()).toEqual({ error: { code: expect.any(String), message: expect.stringMatching(/year|2030/) } })
    })
  })

  describe('GET /api/metrics/per-mu.csv', () => {
    it('UTF-8 with BOM, Chinese + English headers, one row per firm, the same numbers as the JSON', async () => {
      const res = await ctx.app.inject('/api/metrics/per-mu.csv?year=2022')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(res.headers['content-disposition']).toBe('attachment; filename="per-mu-2022.csv"')
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
      const rows = parseCsv(res.body, { bom: true, columns: true }) as Record<string, string>[]
      const report = await getReport('?year=2022')
      expect(rows).toHaveLength(report.enterprises.length)
      const headers = Object.keys(rows[0]!)
      for (const h of headers) expect(h, 'header has Chinese and English').toMatch(/^[^\x00-\x7f].* [a-z_]+$/)
      const num = (cell: string) => (cell === '' ? null : Number(cell))
      report.enterprises.forEach((f, i) => {
        const r = rows[i]!
        expect(r['企业编号 id']).toBe(f.id)
        expect(r['企业名称 name_zh']).toBe(f.name_zh)
        expect(r['英文名称 name_en']).toBe(f.name_en)
        expect(r['宗地 parcel_ids']).toBe(f.parcel_ids.join(' '))
        expect(num(r['用地面积（亩） mu']!)).toBe(f.mu)
        expect(num(r['综合得分 score']!)).toBe(f.score)
        expect(num(r['排名 rank']!)).toBe(f.rank)
        expect(r['等级 grade'] || null).toBe(f.grade)
        expect(r['未评级原因 reason'] || null).toBe(f.reason)
        expect(num(r['亩均税收（万元/亩） tax_per_mu']!)).toBe(f.tax_per_mu)
        expect(num(r['亩均用电（kWh/亩） electricity_kwh_per_mu']!)).toBe(f.electricity_kwh_per_mu)
        expect(num(r['研发经费支出占营业收入比重（%） rnd_share']!)).toBe(f.indicators.rnd_share)
      })
    })

    it('year=abc → 400 as JSON', async () => {
      const res = await ctx.app.inject('/api/metrics/per-mu.csv?year=abc')
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ error: { code: 'bad_request' } })
    })
  })

  describe('GET and PUT /api/metrics/grading', () => {
    it('GET: the seeded Zhejiang defaults', async () => {
      const res = await ctx.app.inject('/api/metrics/grading')
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ ...SEED, version: expect.any(Number), updated_at: expect.any(String), updated_by: expect.any(String) })
    })

    it('a threshold change regrades: A = top 50 % gives floor(n / 2) A grades per group', async () => {
      const before = await getReport()
      const cfg = await getConfig()
      const res = await put({ ...SEED, version: cfg.version, thresholds: { A: 50, B: 60, C: 95 } })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ version: cfg.version + 1, thresholds: { A: 50 }, updated_by: ctx.session!.user.email })
      const after = await getReport()
      expect(after.config.version).toBe(cfg.version + 1)
      for (const g of GROUPS) {
        const n = after.enterprises.filter((f) => f.group === g && f.grade !== null).length
        expect(after.enterprises.filter((f) => f.group === g && f.grade === 'A').length, g).toBe(Math.floor(n / 2))
      }
      expect(after.summary.grades.A).toBeGreaterThan(before.summary.grades.A)
      // scores do not depend on thresholds
      expect(after.enterprises.map((f) => f.score)).toEqual(before.enterprises.map((f) => f.score))
      await restoreSeed()
    })

    it('a weight change regrades: all weight on R&D share ranks by R&D share', async () => {
      const before = await getReport()
      const cfg = await getConfig()
      const weights = { ...SEED.weights, above_scale: { rnd_share: 100 } }
      expect((await put({ ...SEED, version: cfg.version, weights })).statusCode).toBe(200)
      const after = await getReport()
      const graded = after.enterprises.filter((f) => f.group === 'above_scale' && f.grade !== null)
      const byShare = [...graded].sort((a, b) => b.indicators.rnd_share! - a.indicators.rnd_share!)
      expect(graded.map((f) => f.id)).toEqual(byShare.map((f) => f.id))
      const mean = graded.reduce((s, f) => s + f.indicators.rnd_share!, 0) / graded.length
      for (const f of graded) expect(f.score).toBeCloseTo((f.indicators.rnd_share! / mean) * 100, 9)
      const changed = graded.filter((f) => before.enterprises.find((b) => b.id === f.id)!.grade !== f.grade)
      expect(changed.length).toBeGreaterThan(0)
      await restoreSeed()
      expect((await getReport()).enterprises.map((f) => f.grade)).toEqual(before.enterprises.map((f) => f.grade))
    })

    it('benchmark "median": each benchmark is the median of the graded firms\' values', async () => {
      expect((await put({ ...SEED, version: (await getConfig()).version, benchmark: 'median' })).statusCode).toBe(200)
      const r = await getReport()
      for (const g of GROUPS) {
        const values = r.enterprises.filter((f) => f.group === g && f.grade !== null).map((f) => f.indicators.tax_per_mu!).sort((a, b) => a - b)
        const mid = values.length >> 1
        expect(r.benchmarks[g].tax_per_mu, g).toBe(values.length % 2 ? values[mid] : (values[mid - 1]! + values[mid]!) / 2)
      }
      await restoreSeed()
    })

    it('every change is in audit_log with the actor, before and after', async () => {
      const cfg = await getConfig()
      const count = await auditCount()
      expect((await put({ ...SEED, version: cfg.version, min_mu: 2.5 })).statusCode).toBe(200)
      const { rows } = await ctx.db.pool.query<{ actor: string; action: string; entity_id: string; before: Config; after: Config }>(
        `SELECT actor, action, entity_id, before, after FROM audit_log WHERE entity = 'per_mu_grading' ORDER BY id DESC LIMIT 1`,
      )
      expect(await auditCount()).toBe(count + 1)
      expect(rows[0]).toMatchObject({ actor: ctx.session!.user.email, action: 'update', entity_id: 'active' })
      expect(rows[0]!.before).toMatchObject({ version: cfg.version, min_mu: 3 })
      expect(rows[0]!.after).toMatchObject({ version: cfg.version + 1, min_mu: 2.5, updated_by: ctx.session!.user.email })
      await restoreSeed()
    })

    it('a stale version → 409, and nothing changes', async () => {
      const cfg = await getConfig()
      expect((await put({ ...SEED, version: cfg.version, min_mu: 4 })).statusCode).toBe(200)
      const current = await getConfig()
      const count = await auditCount()
      // a second editor still holding the old version
      const res = await put({ ...SEED, version: cfg.version, min_mu: 5 })
      expect(res.statusCode).toBe(409)
      expect(res.json()).toMatchObject({ error: { code: 'conflict', details: { current_version: cfg.version + 1 } } })
      expect(await getConfig()).toEqual(current)
      expect(await auditCount()).toBe(count)
      await restoreSeed()
    })

    const weightsWith = (set: Record<string, unknown>) => ({ ...SEED.weights, above_scale: set })
    const bad: [string, (version: number) => unknown, number][] = [
      ['weights not summing to 100', (v) => ({ ...SEED, version: v, weights: weightsWith({ ...SEED.weights.above_scale, tax_per_mu: 40 }) }), 422],
      ['a negative weight', (v) => ({ ...SEED, version: v, weights: weightsWith({ ...SEED.weights.above_scale, tax_per_mu: 50, rnd_share: -10 }) }), 400],
      ['thresholds not increasing', (v) => ({ ...SEED, version: v, thresholds: { A: 60, B: 60, C: 95 } }), 422],
      ['a threshold of 0', (v) => ({ ...SEED, version: v, thresholds: { A: 0, B: 60, C: 95 } }), 400],
      ['a threshold over 100', (v) => ({ ...SEED, version: v, thresholds: { A: 20, B: 60, C: 100.5 } }), 400],
      ['a negative min_mu', (v) => ({ ...SEED, version: v, min_mu: -1 }), 400],
      ['a weight as a string', (v) => ({ ...SEED, version: v, weights: weightsWith({ ...SEED.weights.above_scale, tax_per_mu: '30' }) }), 400],
      ['min_mu as a string', (v) => ({ ...SEED, version: v, min_mu: '3' }), 400],
      ['version as a string', (v) => ({ ...SEED, version: String(v) }), 400],
      ['an unknown field', (v) => ({ ...SEED, version: v, note: 'x' }), 400],
      ['an unknown indicator', (v) => ({ ...SEED, version: v, weights: weightsWith({ ...SEED.weights.above_scale, co2_per_mu: 0 }) }), 400],
      ['updated_by sent back', (v) => ({ ...SEED, version: v, updated_by: 'someone else' }), 400],
      ['no weights', (v) => ({ version: v, benchmark: 'mean', thresholds: SEED.thresholds, min_mu: 3 }), 400],
      ['an array', () => [SEED], 400],
      ['a huge body', (v) => ({ ...SEED, version: v, pad: 'x'.repeat(100_000) }), 413],
    ]
    for (const [name, body, status] of bad) {
      it(`${name} → ${status}, and the configuration is unchanged`, async () => {
        const before = await getConfig()
        const count = await auditCount()
        const res = await put(body(before.version))
        expect(res.statusCode, res.body).toBe(status)
        expect(res.json()).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) })
        expect(await getConfig()).toEqual(before)
        expect(await auditCount()).toBe(count)
      })
    }

    it('broken JSON → 400, text → 400, XML → 415; unchanged', async () => {
      const before = await getConfig()
      const broken = await ctx.app.inject({ method: 'PUT', url: '/api/metrics/grading', payload: '{"version": 1,', headers: { 'content-type': 'application/json' } })
      expect(broken.statusCode).toBe(400)
      const text = await ctx.app.inject({ method: 'PUT', url: '/api/metrics/grading', payload: 'version=1', headers: { 'content-type': 'text/plain' } })
      expect(text.statusCode).toBe(400) // Fastify reads text/plain as a string: not an object
      const xml = await ctx.app.inject({ method: 'PUT', url: '/api/metrics/grading', payload: '<grading/>', headers: { 'content-type': 'application/xml' } })
      expect(xml.statusCode).toBe(415)
      expect(await getConfig()).toEqual(before)
    })

    it('the database refuses weights that do not sum to 100 even past the API (checked at commit)', async () => {
      const before = await getConfig()
      await expect(ctx.db.pool.query(`UPDATE per_mu_weights SET weight = 0 WHERE weight_set = 'small' AND indicator = 'tax_per_kwh'`)).rejects.toThrow(/sum to 100/)
      expect(await getConfig()).toEqual(before)
    })
  })
}, { signedInAs: 'admin' }) // grading writes are admin-only (web/src/shared/access-policy.ts)
