// The access matrix, generated from the policy table itself: every route × every principal. A new
// route without a policy row stops the app at start-up; a row without a route fails here.
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { registerAuth } from '../../server/auth/plugin'
import { POLICY, PRINCIPALS, type Principal, type PolicyRule } from '../../web/src/shared/access-policy'
import { LAYERS } from '../../server/layers/catalog'
import { sessionAs } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'

/** A concrete URL for a route pattern: any value will do, the policy decides before the handler runs. */
function exampleUrl(rule: PolicyRule): string {
  return rule.path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? '1' : 'x'))
}

/** Words that must never reach investors or the public (investors and the public never receive internal fields). */
const INTERNAL_FIELDS = [
  'enterprise_id', 'enterprise_zh', 'enterprise_en', 'note', 'flagged_by', 'flagged_on', 'reason', 'tax_wan', 'revenue_wan',
  'profit_wan', 'investment_yi', 'is_major', 'above_scale', 'land_approval', 'forest_approval', 'demolished_buildings',
  'relocated_graves', 'version', 'updated_at', 'parcel_status', 'holder_zh', 'category', 'disposal',
]

const AUTH_OPTIONS = { production: false, secureCookies: false, session: { idleSeconds: 3600, maxSeconds: 3600 } }

describe('the policy table', () => {
  it('a route missing from the table stops the app at start-up', async () => {
    const app = Fastify()
    await registerAuth(app, { pool: undefined as never, kind: 'postgres', close: async () => undefined }, AUTH_OPTIONS)
    expect(() => app.get('/api/forgotten', async () => 'open?')).toThrow(/no row in the access policy/)
    await app.close()
  })

  it('has one row per method and path', () => {
    const keys = POLICY.map((r) => `${r.method} ${r.path}`)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

forEachDatabase((ctx) => {
  describe('every route × every principal', () => {
    it('every policy row names a registered route', () => {
      for (const rule of POLICY) expect(ctx.app.hasRoute({ method: rule.method, url: rule.path }), `${rule.method} ${rule.path}`).toBe(true)
    })

    for (const rule of POLICY) {
      it(`${rule.method} ${rule.path}: ${rule.allow.join(', ')}`, async () => {
        const audits = async () => (await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n
        const before = await audits()
        for (const principal of PRINCIPALS) {
          // A fresh session each time: the logout row must not end the session the next row uses.
          const headers = principal === 'anonymous' ? {} : (await sessionAs(ctx.db.pool, principal)).headers
          const write = rule.method !== 'GET'
          const res = await ctx.app.inject({
            method: rule.method,
            url: exampleUrl(rule),
            headers: { ...headers, ...(write ? { 'content-type': 'application/json' } : {}) },
            ...(write ? { payload: '{}' } : {}),
          })
          const what = `${principal} → ${rule.method} ${exampleUrl(rule)}: ${res.statusCode} ${res.body.slice(0, 200)}`
          if (rule.allow.includes(principal)) expect([401, 403], what).not.toContain(res.statusCode)
          else expect(res.statusCode, what).toBe(principal === 'anonymous' ? 401 : 403)
          expect(res.headers['content-type'] ?? 'application/json', what).not.toMatch(/html/)
        }
        // An empty body is refused by every write route: the walk changed nothing.
        expect(await audits()).toBe(before)
      })
    }
  })

  describe('investors and the public get the public view of the map', () => {
    const viewers: Principal[] = ['anonymous', 'investor']
    for (const principal of viewers) {
      const as = async () => (principal === 'anonymous' ? {} : (await sessionAs(ctx.db.pool, 'investor')).headers)

      for (const hidden of ['idle_plots', 'scenarios']) {
        it(`${principal}: no ${hidden} layer — in the list, features, rows, tiles or OGC — and its id answers like an unknown layer`, async () => {
          const headers = await as()
          const list = (await ctx.app.inject({ url: '/api/layers', headers })).json() as { id: string }[]
          expect(list.map((l) => l.id)).not.toContain(hidden)
          const res = await ctx.app.inject({ url: `/api/layers/${hidden}/features`, headers })
          expect(res.statusCode).toBe(404)
          expect(res.json()).toEqual({ error: { code: 'not_found', message: `unknown layer "${hidden}"; see /api/layers` } })
          expect((await ctx.app.inject({ url: `/api/layers/${hidden}/rows`, headers })).statusCode).toBe(404)
          expect((await ctx.app.inject({ url: `/tiles/${hidden}/14/13444/6854.mvt`, headers })).statusCode).toBe(404)
          expect((await ctx.app.inject({ url: `/ogc/collections/${hidden}/items`, headers })).statusCode).toBe(404)
          const collections = (await ctx.app.inject({ url: '/ogc/collections', headers })).json() as { collections: { id: string }[] }
          expect(collections.collections.map((c) => c.id)).not.toContain(hidden)
        })
      }

      for (const layer of LAYERS.filter((l) => l.public)) {
        it(`${principal}: ${layer.id} carries only public columns`, async () => {
          const res = await ctx.app.inject({ url: `/api/layers/${layer.id}/features?limit=10000`, headers: await as() })
          expect(res.statusCode).toBe(200)
          const fc = res.json() as { features: { properties: Record<string, unknown> }[] }
          expect(fc.features.length).toBeGreaterThan(0)
          const allowed = [...layer.public!.columns.map((c) => (typeof c === 'string' ? c : c.name)), ...(layer.hasArea ? ['area_m2'] : [])]
          for (const f of fc.features) expect(Object.keys(f.properties).sort()).toEqual([...allowed].sort())
          for (const field of INTERNAL_FIELDS) expect(res.body).not.toContain(`"${field}"`)
        })
      }

      it(`${principal}: no drafts, no projects under negotiation, no flags in parcel status, prices only on offer`, async () => {
        const headers = await as()
        const get = async (id: string) => ((await ctx.app.inject({ url: `/api/layers/${id}/features?limit=10000`, headers })).json() as {
          features: { id: string; properties: Record<string, unknown> }[]
        }).features
        // proposals are scenarios, internal; the zones layer holds adopted boundaries only
        expect((await get('zones')).map((f) => f.properties.name_zh)).not.toContain('调区扩区方案（草案）')
        for (const p of await get('projects')) expect(['reserve', 'negotiating']).not.toContain(p.properties.stage)
        const parcels = await get('parcels')
        const { rows } = await ctx.db.pool.query<{ id: string; status: string }>('SELECT id, status FROM parcels')
        const real = new Map(rows.map((r) => [r.id, r.status]))
        expect([...real.values()]).toEqual(expect.arrayContaining(['idle', 'low_efficiency']))
        for (const p of parcels) {
          expect(['available', 'reserved', 'under_acquisition', 'occupied']).toContain(p.properties.status)
          if (p.properties.status !== 'occupied') expect(p.properties.status).toBe(real.get(p.id))
          if (real.get(p.id) !== 'available') expect(p.properties.price_wan_per_mu).toBeNull()
        }
      })
    }

    it('internal roles see the open scenarios on the map; investors and the public cannot reach them', async () => {
      for (const role of ['planner', 'land_officer', 'admin'] as const) {
        const { headers } = await sessionAs(ctx.db.pool, role)
        const fc = (await ctx.app.inject({ url: '/api/layers/scenarios/features', headers })).json() as { features: { id: string; properties: Record<string, unknown> }[] }
        expect(fc.features.map((f) => f.id), role).toContain('draft-2022-south')
        expect(fc.features.find((f) => f.id === 'draft-2022-south')!.properties).toMatchObject({ zone_id: 'approved-boundary', status: expect.any(String) })
      }
      const investor = (await sessionAs(ctx.db.pool, 'investor')).headers
      for (const url of ['/api/scenarios', '/api/scenarios/draft-2022-south', '/api/scenarios/draft-2022-south/versions/1', '/api/scenarios/draft-2022-south/diff?from=1&to=1']) {
        expect((await ctx.app.inject({ url })).statusCode, url).toBe(401)
        expect((await ctx.app.inject({ url, headers: investor })).statusCode, url).toBe(403)
      }
    })

    it('a land officer sees the idle plots, with who flagged them and why', async () => {
      const { headers } = await sessionAs(ctx.db.pool, 'land_officer')
      const res = await ctx.app.inject({ url: '/api/layers/idle_plots/features', headers })
      expect(res.statusCode).toBe(200)
      const fc = res.json() as { features: { properties: Record<string, unknown> }[] }
      expect(fc.features[0]!.properties).toMatchObject({ flagged_by: expect.any(String), reason: expect.any(String) })
    })
  })
})
