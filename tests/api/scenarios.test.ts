// Rezoning scenarios: versions with If-Match, the comparison of two versions against GeographicLib,
// review with roles, the approved version frozen and adopted by its zone, every step audited.
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import type { ScenarioDetail, ScenarioDiff, ScenarioVersion, StaleVersionDetails } from '../../web/src/shared/api/scenarios'
import type { Role } from '../../web/src/shared/access-policy'
import { M2_PER_MU } from '../../web/src/shared/units'
import { sessionAs } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'
import { areaTolerance, referenceArea } from '../helpers/geodesy'
import { tableState } from '../helpers/table-state'

/** A lon/lat rectangle: its edges are geodesics, in PostGIS and in GeographicLib alike. */
const rect = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
})
// South-west of the park, clear of every parcel, firm and project.
const W = 115.30, S = 28.60, D = 0.004, SHIFT = 0.001
const bowtie: Polygon = { type: 'Polygon', coordinates: [[[115.3, 28.6], [115.31, 28.61], [115.31, 28.6], [115.3, 28.61], [115.3, 28.6]]] }

forEachDatabase((ctx) => {
  const sessions = new Map<Role, Record<string, string>>()
  const as = async (role: Role) => {
    if (!sessions.has(role)) sessions.set(role, (await sessionAs(ctx.db.pool, role)).headers)
    return sessions.get(role)!
  }
  const call = async (role: Role | null, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({
      method, url,
      headers: { ...(role ? await as(role) : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    })
  const audits = async (id: string) => (await ctx.db.pool.query<{ action: string; actor: string }>(
    `SELECT action, actor FROM audit_log WHERE entity = 'scenarios' AND entity_id = $1 ORDER BY id`, [id])).rows

  async function newScenario(geometry: Polygon | MultiPolygon, extra: Record<string, unknown> = {}): Promise<ScenarioDetail> {
    const res = await call('planner', 'POST', '/api/scenarios', { name_zh: '测试方案', geometry, ...extra })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.headers.etag).toBe('"1"')
    return res.json() as ScenarioDetail
  }
  const save = (id: string, base: number, geometry: Polygon | MultiPolygon, comment?: string) =>
    call('planner', 'POST', `/api/scenarios/${id}/versions`, { geometry, ...(comment ? { comment } : {}) }, { 'if-match': `"${base}"` })

  describe('scenarios', () => {
    it('lists the sample park\'s draft, carried over as a scenario of the approved boundary', async () => {
      const list = (await call('land_officer', 'GET', '/api/scenarios')).json() as { items: ScenarioDetail[] }
      const draft = list.items.find((s) => s.id === 'draft-2022-south')!
      expect(draft).toMatchObject({ zone_id: 'approved-boundary', zone_zh: '高新园区批准范围', name_zh: '调区扩区方案（草案）' })
      const one = await call('land_officer', 'GET', '/api/scenarios/draft-2022-south')
      expect(one.statusCode).toBe(200)
      expect(one.headers.etag).toBe(`"${draft.version}"`)
      expect((one.json() as ScenarioDetail).versions[0]).toMatchObject({ n: 1, area_m2: expect.any(Number) })
    })

    it('a Chinese name alone is enough; English is optional', async () => {
      const s = await newScenario(rect(W, S, W + D, S + D))
      expect(s).toMatchObject({ name_zh: '测试方案', name_en: null, version: 1, status: 'draft', zone_id: null, created_by: 'planner@demo.parkatlas.test' })
    })

    it('two saves from one base: one 201, one 409 with the current version, shape and all', async () => {
      const s = await newScenario(rect(W, S, W + D, S + D))
      const first = await save(s.id, 1, rect(W, S, W + D + SHIFT, S + D), '向东扩')
      expect(first.statusCode, first.body).toBe(201)
      expect(first.headers.etag).toBe('"2"')
      expect(first.json()).toMatchObject({ n: 2, base: 1, comment: '向东扩', status: 'draft' })
      const before = await tableState(ctx.db.pool)
      const second = await save(s.id, 1, rect(W, S, W + D, S + D + SHIFT))
      expect(second.statusCode).toBe(409)
      const details = second.json().error.details as StaleVersionDetails
      expect(details.current_version).toBe(2)
      expect(details.current).toMatchObject({ n: 2, base: 1, geometry: { type: 'MultiPolygon' } })
      expect(await tableState(ctx.db.pool)).toEqual(before)
      const detail = (await call('planner', 'GET', `/api/scenarios/${s.id}`)).json() as ScenarioDetail
      expect(detail.versions.map((v) => v.n)).toEqual([1, 2])
      expect((await audits(s.id)).map((a) => a.action)).toEqual(['create_scenario', 'save_scenario_version'])
    })

    it('the diff of two versions: areas equal to GeographicLib on the known difference rectangles', async () => {
      const s = await newScenario(rect(W, S, W + D, S + D))
      // shifted east by SHIFT: a strip added on the east, the same width removed on the west
      expect((await save(s.id, 1, rect(W + SHIFT, S, W + D + SHIFT, S + D))).statusCode).toBe(201)
      const res = await call('planner', 'GET', `/api/scenarios/${s.id}/diff?from=1&to=2`)
      expect(res.statusCode, res.body).toBe(200)
      const diff = res.json() as ScenarioDiff
      const added = referenceArea(rect(W + D, S, W + D + SHIFT, S + D))
      const removed = referenceArea(rect(W, S, W + SHIFT, S + D))
      expect(Math.abs(diff.added.m2 - added)).toBeLessThan(areaTolerance(added))
      expect(Math.abs(diff.removed.m2 - removed)).toBeLessThan(areaTolerance(removed))
      expect(diff.added.mu).toBeCloseTo(diff.added.m2 / M2_PER_MU, 9)
      expect(Math.abs(diff.net.m2 - (added - removed))).toBeLessThan(areaTolerance(added))
      expect(diff.net.mu).toBeCloseTo((diff.added.m2 - diff.removed.m2) / M2_PER_MU, 9)
      expect(diff.geometry.added?.type).toBe('MultiPolygon')
      expect(referenceArea(diff.geometry.added!)).toBeCloseTo(added, 3)
      expect(diff.entering).toEqual({ parcels: [], enterprises: [], projects: [] })
      // the same version twice: nothing added or removed
      const same = (await call('planner', 'GET', `/api/scenarios/${s.id}/diff?from=2&to=2`)).json() as ScenarioDiff
      expect(same).toMatchObject({ added: { m2: 0 }, removed: { m2: 0 }, geometry: { added: null, removed: null } })
    })

    it('the diff lists the parcel and firm that enter, and leave again', async () => {
      const { rows } = await ctx.db.pool.query<{ id: string; geometry: Polygon | MultiPolygon; firm: string }>(
        `SELECT p.id, ST_AsGeoJSON(p.geom, 15)::jsonb AS geometry, e.id AS firm FROM parcels p JOIN enterprises e ON e.id = p.enterprise_id
         WHERE ST_Within(e.geom, p.geom) ORDER BY p.id LIMIT 1`,
      )
      const parcel = rows[0]!
      const far = rect(W, S, W + D, S + D)
      const parts = parcel.geometry.type === 'Polygon' ? [parcel.geometry.coordinates] : parcel.geometry.coordinates
      const withParcel: MultiPolygon = { type: 'MultiPolygon', coordinates: [far.coordinates, ...parts] as Position[][][] }
      const s = await newScenario(far)
      expect((await save(s.id, 1, withParcel)).statusCode).toBe(201)
      const diff = (await call('land_officer', 'GET', `/api/scenarios/${s.id}/diff?from=1&to=2`)).json() as ScenarioDiff
      // neighbours share edges only: their interiors do not meet the parcel, so they do not enter
      expect(diff.entering.parcels.map((p) => p.id)).toEqual([parcel.id])
      expect(diff.entering.enterprises.map((e) => e.id)).toContain(parcel.firm)
      expect(diff.leaving).toEqual({ parcels: [], enterprises: [], projects: [] })
      const back = (await call('land_officer', 'GET', `/api/scenarios/${s.id}/diff?from=2&to=1`)).json() as ScenarioDiff
      expect(back.leaving.parcels.map((p) => p.id)).toEqual([parcel.id])
    })

    it('review: planner submits, a planner may not decide (403), the admin approves; the version is frozen and becomes the zone', async () => {
      const zone = (await ctx.db.pool.query<{ version: number; geojson: string }>(`SELECT version, ST_AsGeoJSON(geom, 15) AS geojson FROM zones WHERE id = 'south'`)).rows[0]!
      const created = await call('planner', 'POST', '/api/scenarios', { name_zh: '南区扩区', name_en: 'South expansion', zone_id: 'south' })
      expect(created.statusCode, created.body).toBe(201)
      const s = created.json() as ScenarioDetail
      const v1 = (await call('planner', 'GET', `/api/scenarios/${s.id}/versions/1`)).json() as ScenarioVersion
      expect(v1.geometry).toEqual(JSON.parse(zone.geojson))
      const bigger = rect(115.38, 28.64, 115.43, 28.69)
      expect((await save(s.id, 1, bigger)).statusCode).toBe(201)

      expect((await call('planner', 'POST', `/api/scenarios/${s.id}/versions/1/submit`, {})).statusCode).toBe(409) // not the latest
      const submitted = await call('planner', 'POST', `/api/scenarios/${s.id}/versions/2/submit`, { comment: '请审查' })
      expect(submitted.statusCode, submitted.body).toBe(200)
      expect(submitted.json()).toMatchObject({ status: 'submitted', submitted_by: 'planner@demo.parkatlas.test' })
      // under review: nothing is built on it
      const onTop = await save(s.id, 2, rect(115.38, 28.64, 115.44, 28.69))
      expect(onTop.statusCode).toBe(409)
      expect(onTop.json().error.code).toBe('under_review')

      const decision = { decision: 'approved', comment: '同意' }
      expect((await call('planner', 'POST', `/api/scenarios/${s.id}/versions/2/decision`, decision)).statusCode).toBe(403)
      expect((await call('land_officer', 'POST', `/api/scenarios/${s.id}/versions/2/decision`, decision)).statusCode).toBe(403)
      expect((await call(null, 'POST', `/api/scenarios/${s.id}/versions/2/decision`, decision)).statusCode).toBe(401)
      const before = await tableState(ctx.db.pool)
      expect((await call('admin', 'POST', `/api/scenarios/${s.id}/versions/2/decision`, { decision: 'approved' })).statusCode).toBe(400)
      expect((await call('admin', 'POST', `/api/scenarios/${s.id}/versions/2/decision`, { decision: 'maybe', comment: 'x' })).statusCode).toBe(400)
      expect(await tableState(ctx.db.pool)).toEqual(before)

      const approved = await call('admin', 'POST', `/api/scenarios/${s.id}/versions/2/decision`, decision)
      expect(approved.statusCode, approved.body).toBe(200)
      expect(approved.json()).toMatchObject({ status: 'approved', reviewed_by: 'admin@demo.parkatlas.test', review_comment: '同意', zone_id: 'south' })

      // the zone now has the approved boundary, bit for bit; the old one is in its history
      const after = (await ctx.db.pool.query<{ version: number; same: boolean }>(
        `SELECT z.version, ST_Equals(z.geom, v.geom) AND z.geom::text = v.geom::text AS same FROM zones z, scenario_versions v
         WHERE z.id = 'south' AND v.scenario_id = $1 AND v.n = 2`, [s.id])).rows[0]!
      expect(after).toEqual({ version: zone.version + 1, same: true })
      const history = (await call('planner', 'GET', '/api/zones/south/history')).json() as { history: { action: string; actor: string; before: { geometry: unknown } }[] }
      const last = history.history.at(-1)!
      expect(last).toMatchObject({ action: 'approve_scenario', actor: 'admin@demo.parkatlas.test' })
      expect(last.before.geometry).toEqual(JSON.parse(zone.geojson))

      // frozen: no version on top, no second decision, and the database refuses an edit too
      const frozen = await save(s.id, 2, bigger)
      expect(frozen.statusCode).toBe(409)
      expect(frozen.json().error.code).toBe('scenario_approved')
      expect((await call('admin', 'POST', `/api/scenarios/${s.id}/versions/2/decision`, { decision: 'rejected', comment: '反悔' })).statusCode).toBe(409)
      await expect(ctx.db.pool.query(`UPDATE scenario_versions SET review_comment = 'x' WHERE scenario_id = $1 AND n = 2`, [s.id])).rejects.toMatchObject({ constraint: 'scenario_versions_immutable' })
      // an approved scenario is no longer an open one on the map
      const layer = (await call('planner', 'GET', '/api/layers/scenarios/features')).json() as { features: { id: string }[] }
      expect(layer.features.map((f) => f.id)).not.toContain(s.id)

      expect((await audits(s.id)).map((a) => [a.action, a.actor])).toEqual([
        ['create_scenario', 'planner@demo.parkatlas.test'],
        ['save_scenario_version', 'planner@demo.parkatlas.test'],
        ['submit_scenario_version', 'planner@demo.parkatlas.test'],
        ['approve_scenario_version', 'admin@demo.parkatlas.test'],
      ])

      // put the sample zone back for the suites after this one (an approval, audited like any)
      await ctx.db.pool.query(`UPDATE zones SET geom = ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), version = version + 1 WHERE id = 'south'`, [zone.geojson])
    })

    it('a rejected version opens the scenario again; an approved new boundary becomes a new zone', async () => {
      const s = await newScenario(rect(W, S, W + D, S + D))
      expect((await call('planner', 'POST', `/api/scenarios/${s.id}/versions/1/submit`, {})).statusCode).toBe(200)
      const rejected = await call('admin', 'POST', `/api/scenarios/${s.id}/versions/1/decision`, { decision: 'rejected', comment: '范围过大' })
      expect(rejected.json()).toMatchObject({ status: 'rejected', zone_id: null })
      expect((await call('planner', 'POST', `/api/scenarios/${s.id}/versions/1/submit`, {})).json().error.code).toBe('not_a_draft')
      expect((await save(s.id, 1, rect(W, S, W + D / 2, S + D / 2))).statusCode).toBe(201)
      expect((await call('planner', 'POST', `/api/scenarios/${s.id}/versions/2/submit`, {})).statusCode).toBe(200)
      const approved = await call('admin', 'POST', `/api/scenarios/${s.id}/versions/2/decision`, { decision: 'approved', comment: '同意' })
      const zoneId = (approved.json() as { zone_id: string }).zone_id
      expect(zoneId).toMatch(/^zone-/)
      const zone = (await ctx.db.pool.query(`SELECT name_zh, name_en, kind FROM zones WHERE id = $1`, [zoneId])).rows[0]
      expect(zone).toEqual({ name_zh: '测试方案', name_en: '测试方案', kind: 'park_zone' })
      expect(((await call('planner', 'GET', `/api/scenarios/${s.id}`)).json() as ScenarioDetail).zone_id).toBe(zoneId)
      // a test zone must not stay in the park for later suites: drop it with its scenario's link
      await ctx.db.pool.query(`UPDATE scenarios SET zone_id = NULL WHERE id = $1`, [s.id])
      await ctx.db.pool.query(`DELETE FROM zones WHERE id = $1`, [zoneId])
    })

    it('comments pinned to the map, resolved once; audited', async () => {
      const s = await newScenario(rect(W, S, W + D, S + D))
      const res = await call('land_officer', 'POST', `/api/scenarios/${s.id}/comments`, { body: '此处林地' })
      expect(res.statusCode).toBe(403) // land officers read scenarios, planners and admins write them
      const pinned = await call('admin', 'POST', `/api/scenarios/${s.id}/comments`, { body: '此处林地需报批', version: 1, pin: [W + 0.001, S + 0.002] })
      expect(pinned.statusCode, pinned.body).toBe(201)
      const c = pinned.json() as { id: number; pin: { coordinates: number[] } }
      expect(c).toMatchObject({ version_n: 1, pin: { type: 'Point', coordinates: [W + 0.001, S + 0.002] }, resolved_at: null })
      const resolved = await call('planner', 'POST', `/api/scenarios/${s.id}/comments/${c.id}/resolve`, {})
      expect(resolved.json()).toMatchObject({ resolved_by: 'planner@demo.parkatlas.test' })
      expect((await call('planner', 'POST', `/api/scenarios/${s.id}/comments/${c.id}/resolve`, {})).json().error.code).toBe('already_resolved')
      const detail = (await call('land_officer', 'GET', `/api/scenarios/${s.id}`)).json() as ScenarioDetail
      expect(detail.comments).toHaveLength(1)
      expect((await audits(s.id)).map((a) => a.action)).toEqual(['create_scenario', 'comment_scenario', 'resolve_scenario_comment'])
    })

    it('bad inputs: a clear 4xx each, and nothing changed', async () => {
      const s = await newScenario(rect(W, S, W + D, S + D))
      const before = await tableState(ctx.db.pool)
      const cases: [string, Promise<{ statusCode: number; body: string }>, number][] = [
        ['no name', call('planner', 'POST', '/api/scenarios', { geometry: rect(W, S, W + D, S + D) }), 400],
        ['blank name', call('planner', 'POST', '/api/scenarios', { name_zh: '  ', geometry: rect(W, S, W + D, S + D) }), 400],
        ['unknown field', call('planner', 'POST', '/api/scenarios', { name_zh: 'x', geometry: rect(W, S, W + D, S + D), kind: 'park_zone' }), 400],
        ['no geometry, no zone', call('planner', 'POST', '/api/scenarios', { name_zh: 'x' }), 422],
        ['unknown zone', call('planner', 'POST', '/api/scenarios', { name_zh: 'x', zone_id: 'nowhere' }), 422],
        ['self-intersecting', call('planner', 'POST', '/api/scenarios', { name_zh: 'x', geometry: bowtie }), 422],
        ['self-intersecting version', save(s.id, 1, bowtie), 422],
        ['not a polygon', save(s.id, 1, { type: 'Point', coordinates: [115, 28] } as never), 422],
        ['no If-Match', call('planner', 'POST', `/api/scenarios/${s.id}/versions`, { geometry: rect(W, S, W + D, S + D) }), 428],
        ['weak If-Match', call('planner', 'POST', `/api/scenarios/${s.id}/versions`, { geometry: rect(W, S, W + D, S + D) }, { 'if-match': 'W/"1"' }), 400],
        ['unknown scenario', save('scn-nothere', 1, rect(W, S, W + D, S + D)), 404],
        ['unknown version', call('planner', 'GET', `/api/scenarios/${s.id}/versions/9`), 404],
        ['diff without to', call('planner', 'GET', `/api/scenarios/${s.id}/diff?from=1`), 400],
        ['diff of an unknown version', call('planner', 'GET', `/api/scenarios/${s.id}/diff?from=1&to=7`), 404],
        ['pin out of range', call('planner', 'POST', `/api/scenarios/${s.id}/comments`, { body: 'x', pin: [200, 28] }), 400],
        ['pin of three numbers', call('planner', 'POST', `/api/scenarios/${s.id}/comments`, { body: 'x', pin: [115, 28, 1] }), 400],
        ['comment on an unknown version', call('planner', 'POST', `/api/scenarios/${s.id}/comments`, { body: 'x', version: 5 }), 422],
        ['decision on a draft', call('admin', 'POST', `/api/scenarios/${s.id}/versions/1/decision`, { decision: 'approved', comment: 'ok' }), 409],
        ['resolve an unknown comment', call('planner', 'POST', `/api/scenarios/${s.id}/comments/999999/resolve`, {}), 404],
      ]
      for (const [what, pending, status] of cases) {
        const res = await pending
        expect(res.statusCode, `${what}: ${res.body}`).toBe(status)
        expect(JSON.parse(res.body).error.message, what).toEqual(expect.any(String))
      }
      expect(await tableState(ctx.db.pool)).toEqual(before)
    })
  })
})
