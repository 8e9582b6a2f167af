import * as turf from '@turf/turf'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'
import { tableState } from '../helpers/table-state'

const square = (x: number, y: number, d = 0.004) => turf.bboxPolygon([x, y, x + d, y + d]).geometry

forEachDatabase((ctx) => {
  const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method, url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })

  async function availableParcel(): Promise<{ id: string; version: number }> {
    const { rows } = await ctx.db.pool.query<{ id: string; version: number }>(
      `SELECT id, version FROM parcels p WHERE status = 'available'
       AND NOT EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id) ORDER BY id LIMIT 1`,
    )
    return rows[0]!
  }

  it('rezoning drafts are scenarios now: the zone write routes are gone', async () => {
    expect((await send('POST', '/api/zones', { name_zh: '调区方案（测试）', name_en: 'Test draft', geometry: square(115.36, 28.66) })).statusCode).toBe(404)
    expect((await send('PUT', '/api/zones/approved-boundary', { note: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(404)
  })

  describe('concurrent edits', () => {
    it('20 clients saving the same parcel at once: one wins per version, the rest get 409, history has every win', async () => {
      const parcel = await availableParcel()
      let version = parcel.version
      let wins = 0
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => send('PATCH', `/api/parcels/${parcel.id}`, { note: `round ${round} client ${i}` }, { 'if-match': `"${version}"` })),
        )
        const statuses = results.map((r) => r.statusCode)
        expect(statuses.filter((s) => s === 200)).toHaveLength(1)
        expect(statuses.filter((s) => s === 409)).toHaveLength(19)
        version += 1
        wins += 1
        const winner = results.find((r) => r.statusCode === 200)!.json() as { version: number; note: string }
        expect(winner.version).toBe(version)
      }
      const history = (await ctx.app.inject(`/api/parcels/${parcel.id}/history`)).json() as { history: { after: { version: number; note: string } }[] }
      const mine = history.history.filter((h) => /^round \d client \d+$/.test(h.after.note))
      expect(mine).toHaveLength(wins)
      expect(mine.map((h) => h.after.version)).toEqual([parcel.version + 1, parcel.version + 2, parcel.version + 3])
    })
  })

  describe('idle-land cases', () => {
    it('flag with who and why, follow to revitalised; the parcel status follows and is audited', async () => {
      // The whole statutory walk and its refusals: tests/api/idle-cases.test.ts.
      const parcel = await availableParcel()
      const flagged = await send('POST', '/api/idle-plots', { parcel_id: parcel.id, category: 'low_efficiency', reason: '容积率低于合同约定（测试）' })
      expect(flagged.statusCode, flagged.body).toBe(201)
      const c = flagged.json() as { id: string; version: number; opened_by: string; stage: string }
      expect(c).toMatchObject({ stage: 'investigation', version: 1, opened_by: expect.any(String) })
      const status = async () => (await ctx.db.pool.query<{ status: string }>('SELECT status FROM parcels WHERE id = $1', [parcel.id])).rows[0]!.status
      expect(await status()).toBe('low_efficiency')

      const again = await send('POST', '/api/idle-plots', { parcel_id: parcel.id, category: 'idle', reason: 'twice' })
      expect(again.statusCode).toBe(409)

      const steps: [string, Record<string, string>][] = [
        ['determination', { doc_no: '低认〔测试〕1号', doc_date: '2024-01-02' }],
        ['disposal_plan', { disposal: 'court_auction', due_date: '2099-12-31' }],
        ['implementing', { due_date: '2099-12-31' }],
        ['revitalised', { successor_zh: '测试企业', successor_start_date: '2024-01-03' }],
      ]
      for (const [i, [to, fields]] of steps.entries()) {
        const res = await send('POST', `/api/idle-plots/${c.id}/transitions`, { to, note: '测试', ...fields }, { 'if-match': `"${i + 1}"` })
        expect(res.statusCode, res.body).toBe(200)
      }
      expect(await status()).toBe('revitalised')

      const parcelHistory = (await ctx.app.inject(`/api/parcels/${parcel.id}/history`)).json() as { history: { action: string; after: { status: string } }[] }
      expect(parcelHistory.history.filter((h) => h.action === `status_by_${c.id}`).map((h) => h.after.status)).toEqual(['low_efficiency', 'revitalising', 'revitalised'])
      const caseHistory = (await ctx.app.inject(`/api/idle-plots/${c.id}/history`)).json() as { history: { action: string }[] }
      expect(caseHistory.history.map((h) => h.action)).toEqual(['flag', 'step_determination', 'step_disposal_plan', 'step_implementing', 'step_revitalised'])
    })

    it('the audit log cannot be rewritten, even by SQL', async () => {
      await expect(ctx.db.pool.query(`UPDATE audit_log SET actor = 'someone else'`)).rejects.toThrow(/append-only/)
      await expect(ctx.db.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/)
    })
  })

  describe('If-Match takes the strong ETag the server sends, "<version>", and nothing looser', () => {
    const current = async (id: string) => (await ctx.db.pool.query<{ version: number }>('SELECT version FROM parcels WHERE id = $1', [id])).rows[0]!.version
    // Each built from the parcel's current version, so a lenient parser would save the edit.
    const malformed: [string, (v: number) => string][] = [
      ['a weak ETag', (v) => `W/"${v}"`],
      ['a weak ETag, lower-case w', (v) => `w/"${v}"`],
      ['an opening quote only', (v) => `"${v}`],
      ['a closing quote only', (v) => `${v}"`],
      ['a bare number', (v) => `${v}`],
      ['single quotes', (v) => `'${v}'`],
      ['a list of ETags', (v) => `"${v}", "${v + 1}"`],
      ['a wildcard', () => '*'],
      ['spaces inside the quotes', (v) => `" ${v} "`],
    ]
    for (const [name, header] of malformed) {
      it(`${name} → 400 naming the expected form, nothing saved`, async () => {
        const v = await current('FT-003')
        const before = await tableState(ctx.db.pool)
        const res = await send('PATCH', '/api/parcels/FT-003', { note: 'lenient?' }, { 'if-match': header(v) })
        expect(res.statusCode, res.body).toBe(400)
        expect(res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/If-Match must be the strong ETag .*"\d+"/) } })
        expect(await tableState(ctx.db.pool)).toEqual(before)
      })
    }

    it('the ETag as sent is accepted', async () => {
      const v = await current('FT-003')
      const res = await send('PATCH', '/api/parcels/FT-003', { note: 'strong' }, { 'if-match': `"${v}"` })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers.etag).toBe(`"${v + 1}"`)
    })
  })

  describe('bad edits get a 4xx and change nothing', () => {
    const cases: [string, 'POST' | 'PUT' | 'PATCH', string, unknown, Record<string, string>, number][] = [
      ['flag without a reason', 'POST', '/api/idle-plots', { parcel_id: 'FT-001', category: 'idle' }, {}, 400],
      ['flag with an empty reason', 'POST', '/api/idle-plots', { parcel_id: 'FT-001', category: 'idle', reason: '' }, {}, 400],
      ['flag an unknown parcel', 'POST', '/api/idle-plots', { parcel_id: 'NOPE-1', category: 'idle', reason: 'x' }, {}, 404],
      ['flag with a bad category', 'POST', '/api/idle-plots', { parcel_id: 'FT-001', category: 'lazy', reason: 'x' }, {}, 400],
      ['parcel status not in the list', 'PATCH', '/api/parcels/FT-001', { status: 'sold' }, { 'if-match': '"1"' }, 400],
      ['parcel price negative', 'PATCH', '/api/parcels/FT-001', { price_wan_per_mu: -5 }, { 'if-match': '"1"' }, 400],
      ['parcel price a string', 'PATCH', '/api/parcels/FT-001', { price_wan_per_mu: 'cheap' }, { 'if-match': '"1"' }, 400],
      ['parcel geometry is not editable', 'PATCH', '/api/parcels/FT-001', { geometry: square(115.4, 28.7) }, { 'if-match': '"1"' }, 400],
      ['empty parcel change', 'PATCH', '/api/parcels/FT-001', {}, { 'if-match': '"1"' }, 400],
      ['If-Match garbage', 'PATCH', '/api/parcels/FT-001', { note: 'x' }, { 'if-match': 'DROP TABLE' }, 400],
      ['path traversal id', 'PATCH', '/api/parcels/..%2F..%2Fetc%2Fpasswd', { note: 'x' }, { 'if-match': '"1"' }, 400],
      ['injection in id', 'PATCH', "/api/parcels/FT-001'%20OR%20'1'='1", { note: 'x' }, { 'if-match': '"1"' }, 400],
      ['unknown parcel', 'PATCH', '/api/parcels/FT-999', { note: 'x' }, { 'if-match': '"1"' }, 404],
      ['scenario with an unclosed ring', 'POST', '/api/scenarios', { name_zh: 'a', name_en: 'a', geometry: { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.41, 28.7], [115.41, 28.71], [115.4, 28.71]]] } }, {}, 422],
      ['scenario with NaN', 'POST', '/api/scenarios', { name_zh: 'a', name_en: 'a', geometry: { type: 'Polygon', coordinates: [[[115.4, 28.7], ['NaN', 28.7], [115.41, 28.71], [115.4, 28.7]]] } }, {}, 422],
      ['scenario as a collection', 'POST', '/api/scenarios', { name_zh: 'a', name_en: 'a', geometry: turf.featureCollection([turf.feature(square(115.4, 28.7)), turf.feature(square(115.5, 28.7))]) }, {}, 422],
      ['scenario without a Chinese name', 'POST', '/api/scenarios', { name_en: 'a', geometry: square(115.4, 28.7) }, {}, 400],
      ['scenario name too long', 'POST', '/api/scenarios', { name_zh: 'x'.repeat(201), name_en: 'a', geometry: square(115.4, 28.7) }, {}, 400],
      ['scenario name an object', 'POST', '/api/scenarios', { name_zh: { $ne: 1 }, name_en: 'a', geometry: square(115.4, 28.7) }, {}, 400],
    ]
    for (const [name, method, url, body, headers, status] of cases) {
      it(name, async () => {
        const before = await tableState(ctx.db.pool)
        const res = await send(method, url, body, headers)
        expect(res.statusCode, res.body).toBe(status)
        expect(res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } })
        expect(await tableState(ctx.db.pool)).toEqual(before)
      })
    }
  })
}, { signedInAs: 'admin' }) // scenarios are the planner's, parcels and cases the land officer's: admin may do both (web/src/shared/access-policy.ts)
