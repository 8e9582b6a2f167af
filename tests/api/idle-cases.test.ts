// Issue 10: the idle-land case file. An idle case and a low-efficiency case walk every statutory
// step through the API, each step audited; every illegal move and missing field is refused with
// nothing changed; two moves from one version: one wins, one 409; the register's totals are the
// sum of the cases' parcels' ellipsoidal areas; evidence, documents, the watch list, and roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parkToday } from '../../server/edits/park-today'
import { STEP_FIELDS, type CaseFile, type RegisterAnswer, type WatchAnswer } from '../../web/src/shared/api/idle-cases'
import { addDays } from '../../web/src/shared/idle-deadlines'
import { IDLE_PATHS, IDLE_STAGES, allowedNextStages, parcelStatusForCase, type IdleCategory, type IdleStage } from '../../web/src/shared/park-vocabulary'
import { m2ToMu } from '../../web/src/shared/units'
import { sessionAs, type SignedIn } from '../helpers/auth'
import { forEachDatabase } from '../helpers/databases'
import { tableState } from '../helpers/table-state'

const today = parkToday()
const soon = addDays(today, 60)

/** Fields that make a step to `to` acceptable. */
const FIELDS: Record<IdleStage, Record<string, string>> = {
  investigation: {},
  notice: { doc_no: '告〔测试〕1号', doc_date: today, hearing_deadline: addDays(today, 5) },
  determination: { doc_no: '认〔测试〕1号', doc_date: today },
  disposal_plan: { disposal: 'lease', due_date: soon },
  implementing: { due_date: soon },
  revitalised: { successor_zh: '测试新企业', successor_start_date: today },
  closed: { closed_reason: '企业已动工（测试）' },
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex')

forEachDatabase((ctx) => {
  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method, url, ...(body === undefined ? {} : { payload: JSON.stringify(body) }), headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } })
  const getCase = async (id: string) => (await send('GET', `/api/idle-plots/${id}`)).json() as CaseFile
  const move = (id: string, version: number, body: Record<string, unknown>) =>
    send('POST', `/api/idle-plots/${id}/transitions`, body, { 'if-match': `"${version}"` })
  const parcelStatus = async (id: string) => (await ctx.db.pool.query<{ status: string }>('SELECT status FROM parcels WHERE id = $1', [id])).rows[0]!.status
  const audit = async (id: string) =>
    (await ctx.db.pool.query<{ actor: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
      `SELECT actor, action, before, after FROM audit_log WHERE entity = 'idle_plots' AND entity_id = $1 ORDER BY id`, [id])).rows

  /** A held parcel (occupied, with a firm) that has never had a case. */
  const heldParcel = async () =>
    (await ctx.db.pool.query<{ id: string }>(
      `SELECT id FROM parcels p WHERE status = 'occupied' AND enterprise_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id) ORDER BY id DESC LIMIT 1`)).rows[0]!.id

  /** The cases this file opens, and their parcels' status before: put back after, for the suites that follow. */
  const opened: { id: string; parcel: string; status: string }[] = []
  async function flag(category: IdleCategory, extra: Record<string, unknown> = {}): Promise<CaseFile> {
    const parcel = await heldParcel()
    const status = await parcelStatus(parcel)
    const res = await send('POST', '/api/idle-plots', { parcel_id: parcel, category, reason: `原始理由：${category}（测试）`, ...extra })
    expect(res.statusCode, res.body).toBe(201)
    const file = res.json() as CaseFile
    opened.push({ id: file.id, parcel, status })
    return file
  }
  afterAll(async () => {
    // Later suites (the dashboard, the register's browser test) read the sample park's own cases.
    const client = await ctx.db.pool.connect()
    try {
      await client.query('BEGIN')
      const ids = opened.map((o) => o.id)
      await client.query('DELETE FROM idle_case_attachments WHERE case_id = ANY ($1)', [ids])
      await client.query('DELETE FROM idle_case_steps WHERE case_id = ANY ($1)', [ids])
      await client.query('DELETE FROM idle_plots WHERE id = ANY ($1)', [ids])
      for (const o of opened) await client.query('UPDATE parcels SET status = $2 WHERE id = $1', [o.parcel, o.status])
      await client.query('COMMIT')
    } catch (cause) {
      await client.query('ROLLBACK')
      throw cause
    } finally {
      client.release()
    }
  })

  /** Sends, expects `status` (and `code`), and that no table changed. */
  async function refused(status: number, code: string, req: () => Promise<{ statusCode: number; body: string; json: () => unknown }>) {
    const before = await tableState(ctx.db.pool)
    const res = await req()
    expect(res.statusCode, res.body).toBe(status)
    expect(res.json()).toMatchObject({ error: { code } })
    expect(await tableState(ctx.db.pool)).toEqual(before)
    return res.json() as { error: { message: string; details?: Record<string, unknown> } }
  }

  describe('a case walks every statutory step, each audited', () => {
    for (const category of ['idle', 'low_efficiency'] as const) {
      it(`${category}: ${IDLE_PATHS[category].join(' → ')}`, async () => {
        const opened = await flag(category, { holder_statement: '企业称资金不足（测试）', doc_no: '调〔测试〕1号', doc_date: today })
        expect(opened).toMatchObject({ stage: 'investigation', version: 1, allowed_next: allowedNextStages(category, 'investigation'), opened_at: today })
        expect(opened.steps).toEqual([expect.objectContaining({ seq: 1, stage: 'investigation', holder_statement: '企业称资金不足（测试）', doc_no: '调〔测试〕1号', note: opened.reason })])
        expect(await parcelStatus(opened.parcel_id)).toBe(category)
        const reason = opened.reason
        const log = await audit(opened.id)
        expect(log).toEqual([expect.objectContaining({ actor: 'land@demo.parkatlas.test', action: 'flag', before: null, after: expect.objectContaining({ stage: 'investigation', step: expect.objectContaining({ seq: 1 }) }) })])

        let c = opened
        for (const [k, to] of IDLE_PATHS[category].slice(1).entries()) {
          const res = await move(c.id, c.version, { to, note: `第${k + 2}步（测试）`, ...FIELDS[to] })
          expect(res.statusCode, `${to}: ${res.body}`).toBe(200)
          expect(res.headers.etag).toBe(`"${c.version + 1}"`)
          const next = res.json() as CaseFile
          expect(next).toMatchObject({ stage: to, version: c.version + 1, reason, allowed_next: allowedNextStages(category, to) })
          expect(next.steps.map((s) => s.stage)).toEqual(IDLE_PATHS[category].slice(0, k + 2))
          expect(next.steps.at(-1)).toMatchObject({ seq: k + 2, stage: to, happened_on: today, note: `第${k + 2}步（测试）`, ...FIELDS[to] })
          expect(await parcelStatus(c.parcel_id)).toBe(parcelStatusForCase(to, category))
          const entry = (await audit(c.id)).at(-1)!
          expect(entry).toMatchObject({
            actor: 'land@demo.parkatlas.test', action: `step_${to}`,
            before: { stage: c.stage, version: c.version, reason },
            after: { stage: to, version: c.version + 1, reason, step: { seq: k + 2, stage: to, note: `第${k + 2}步（测试）` } },
          })
          c = next
        }
        expect(c).toMatchObject({ stage: 'revitalised', disposal: 'lease', successor_zh: '测试新企业', allowed_next: [] })
        expect(await audit(c.id)).toHaveLength(IDLE_PATHS[category].length)
        // the parcel's own history says which case moved it
        const parcelLog = await ctx.db.pool.query(`SELECT action FROM audit_log WHERE entity = 'parcels' AND entity_id = $1 ORDER BY id`, [c.parcel_id])
        expect(parcelLog.rows.every((r) => r.action === `status_by_${c.id}`)).toBe(true)
      })
    }

    it('a case may be closed with a reason from an open stage; the parcel is the holder’s again', async () => {
      const c = await flag('idle')
      const res = await move(c.id, 1, { to: 'closed', note: '复核后撤销（测试）', closed_reason: '企业已于约定日期动工，调查有误' })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ stage: 'closed', allowed_next: [], reason: c.reason })
      expect(await parcelStatus(c.parcel_id)).toBe('occupied')
      expect((await audit(c.id)).at(-1)).toMatchObject({ action: 'step_closed', after: { step: { closed_reason: '企业已于约定日期动工，调查有误' } } })
    })
  })

  describe('refusals change nothing', () => {
    it('every illegal move, at every stage of both paths, is a 409 stage_order', async () => {
      for (const category of ['idle', 'low_efficiency'] as const) {
        let c = await flag(category)
        for (const stage of IDLE_PATHS[category]) {
          for (const to of IDLE_STAGES.filter((t) => !allowedNextStages(category, stage).includes(t))) {
            const err = await refused(409, 'stage_order', () => move(c.id, c.version, { to, note: 'x', ...FIELDS[to] }))
            expect(err.error.details).toMatchObject({ stage, allowed_next: allowedNextStages(category, stage) })
          }
          const next = IDLE_PATHS[category][IDLE_PATHS[category].indexOf(stage) + 1]
          if (next) c = (await move(c.id, c.version, { to: next, note: 'ok', ...FIELDS[next] })).json() as CaseFile
        }
      }
    }, 180_000) // about 60 refusals, each with the whole database's checksum before and after

    it('every missing field of every step is a 422 naming it in details.missing', async () => {
      const c = await flag('idle')
      for (const to of ['notice', 'closed'] as const) {
        for (const field of ['note', ...STEP_FIELDS[to].required]) {
          const body: Record<string, unknown> = { to, note: 'x', ...FIELDS[to] }
          delete body[field]
          const err = await refused(422, 'invalid_parameter', () => move(c.id, 1, body))
          expect(err.error.details).toMatchObject({ missing: [field] })
          expect(err.error.message).toContain(field)
          const blank = await refused(422, 'invalid_parameter', () => move(c.id, 1, { ...body, [field]: field === 'note' ? '  ' : null }))
          expect(blank.error.details).toMatchObject({ missing: [field] })
        }
      }
      const all = await refused(422, 'invalid_parameter', () => move(c.id, 1, { to: 'notice' }))
      expect(all.error.details).toMatchObject({ missing: ['note', 'doc_no', 'doc_date', 'hearing_deadline'] })
      // the later steps' fields, on a case walked to each step
      let w = c
      for (const to of IDLE_PATHS.idle.slice(1)) {
        for (const field of STEP_FIELDS[to].required) {
          const body: Record<string, unknown> = { to, note: 'x', ...FIELDS[to] }
          delete body[field]
          const err = await refused(422, 'invalid_parameter', () => move(w.id, w.version, body))
          expect(err.error.details, `${to} without ${field}`).toMatchObject({ missing: [field] })
        }
        w = (await move(w.id, w.version, { to, note: 'ok', ...FIELDS[to] })).json() as CaseFile
      }
    }, 120_000)

    it('fields a step does not take, and dates out of order, are 422', async () => {
      const c = await flag('low_efficiency')
      const d = { to: 'determination', note: 'x', ...FIELDS.determination }
      expect((await refused(422, 'invalid_parameter', () => move(c.id, 1, { ...d, successor_zh: '谁' }))).error.details).toMatchObject({ unexpected: ['successor_zh'] })
      await refused(422, 'invalid_parameter', () => move(c.id, 1, { ...d, happened_on: addDays(today, 1) }))
      await refused(422, 'invalid_parameter', () => move(c.id, 1, { ...d, happened_on: addDays(today, -1) })) // before the opening step
      await refused(422, 'invalid_parameter', () => move(c.id, 1, { ...d, doc_date: addDays(today, 3) }))
      const e = (await move(c.id, 1, d)).json() as CaseFile
      // 53号令's idle-land fee and recovery are not for low-efficiency land
      for (const disposal of ['idle_fee', 'recovery_without_compensation']) {
        const err = await refused(422, 'invalid_parameter', () => move(c.id, e.version, { to: 'disposal_plan', note: 'x', disposal, due_date: soon }))
        expect(err.error.details).toMatchObject({ field: 'disposal' })
      }
      // an extended start is at most a year on (第十二条)
      await refused(422, 'invalid_parameter', () => move(c.id, e.version, { to: 'disposal_plan', note: 'x', disposal: 'extend_start', due_date: addDays(today, 400) }))
      await refused(422, 'invalid_parameter', () => move(c.id, e.version, { to: 'disposal_plan', note: 'x', disposal: 'lease', due_date: addDays(today, -1) }))
      // malformed: an unknown field, a stage or a date that is none
      await refused(400, 'bad_request', () => move(c.id, e.version, { to: 'disposal_plan', note: 'x', reason: '改写理由' }))
      await refused(400, 'bad_request', () => move(c.id, e.version, { to: 'flagged', note: 'x' }))
      await refused(400, 'bad_request', () => move(c.id, e.version, { to: 'disposal_plan', note: 'x', disposal: 'lease', due_date: '2024-02-30' }))
    })

    it('a stale version is 409, none is 428, an unknown case 404', async () => {
      const c = await flag('idle')
      const ok = await move(c.id, 1, { to: 'notice', note: 'x', ...FIELDS.notice })
      expect(ok.statusCode).toBe(200)
      const stale = await refused(409, 'conflict', () => move(c.id, 1, { to: 'closed', note: 'x', ...FIELDS.closed }))
      expect(stale.error.details).toMatchObject({ current_version: 2 })
      await refused(428, 'precondition_required', () => send('POST', `/api/idle-plots/${c.id}/transitions`, { to: 'closed', note: 'x', ...FIELDS.closed }))
      await refused(404, 'not_found', () => move('IDLE-nope', 1, { to: 'closed', note: 'x', ...FIELDS.closed }))
    })

    it('two moves from the same version: one succeeds, the other is 409', async () => {
      const c = await flag('idle')
      const [a, b] = await Promise.all([
        move(c.id, 1, { to: 'notice', note: 'A', ...FIELDS.notice }),
        move(c.id, 1, { to: 'closed', note: 'B', ...FIELDS.closed }),
      ])
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
      const after = await getCase(c.id)
      expect(after.version).toBe(2)
      expect(after.steps).toHaveLength(2)
      expect(await audit(c.id)).toHaveLength(2)
    })
  })

  describe('the register', () => {
    it("totals by stage and category are the sum of the cases' parcels' ST_Area(geography), in mu", async () => {
      const res = await send('GET', '/api/idle-plots')
      expect(res.statusCode, res.body).toBe(200)
      const reg = res.json() as RegisterAnswer
      const { rows } = await ctx.db.pool.query<{ stage: IdleStage; category: IdleCategory; n: number; m2: number }>(
        `SELECT i.stage, i.category, count(*)::int AS n, sum(ST_Area(p.geom::geography))::float8 AS m2
         FROM idle_plots i JOIN parcels p ON p.id = i.parcel_id GROUP BY GROUPING SETS ((i.stage), (i.category))`)
      for (const stage of IDLE_STAGES) {
        const r = rows.find((x) => x.stage === stage && x.category === null)
        expect(reg.summary.by_stage[stage].count, stage).toBe(r?.n ?? 0)
        expect(reg.summary.by_stage[stage].mu, stage).toBeCloseTo(m2ToMu(r?.m2 ?? 0), 2)
      }
      for (const category of ['idle', 'low_efficiency'] as const) {
        const r = rows.find((x) => x.category === category && x.stage === null)!
        expect(reg.summary.by_category[category]).toMatchObject({ count: r.n })
        expect(reg.summary.by_category[category].mu).toBeCloseTo(m2ToMu(r.m2), 2)
      }
      expect(reg.items).toHaveLength(rows.filter((r) => r.category === null).reduce((s, r) => s + r.n, 0))
      // overdue first, then the open ones
      const flags = reg.items.map((i) => i.overdue)
      expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)))
      expect(reg.summary.overdue).toBe(flags.filter(Boolean).length)
      // the cases revitalised by this suite, today
      const thisYear = await ctx.db.pool.query<{ m2: number | null }>(
        `SELECT sum(ST_Area(p.geom::geography))::float8 AS m2 FROM idle_plots i JOIN parcels p ON p.id = i.parcel_id
         WHERE i.stage = 'revitalised' AND (SELECT max(happened_on) FROM idle_case_steps s WHERE s.case_id = i.id) >= date_trunc('year', $1::date)`, [today])
      expect(reg.summary.revitalised_this_year_mu).toBeCloseTo(m2ToMu(thisYear.rows[0]!.m2 ?? 0), 2)
      // a sample case at notice carries the hearing window; one with a price carries the fee
      const qingfeng = reg.items.find((i) => i.id === 'IDLE-004')!
      expect(qingfeng).toMatchObject({ stage: 'notice', next_due: '2022-05-16', overdue: true, idle_from: '2021-06-01', recovery_from: '2022-06-01' })
      expect(qingfeng.fee_wan).toBeCloseTo(Math.round(12 * qingfeng.area_mu * 0.2 * 100) / 100, 2)
    })

    it('filters by stage, category and zone; a bad filter is 400', async () => {
      const byStage = (await send('GET', '/api/idle-plots?stage=implementing')).json() as RegisterAnswer
      expect(byStage.items.length).toBeGreaterThan(0)
      expect(byStage.items.every((i) => i.stage === 'implementing')).toBe(true)
      expect(byStage.summary.by_stage.implementing.count).toBe(byStage.items.length)
      const low = (await send('GET', '/api/idle-plots?category=low_efficiency&zone=fengtian')).json() as RegisterAnswer
      expect(low.items.every((i) => i.category === 'low_efficiency' && i.zone_id === 'fengtian')).toBe(true)
      expect((await send('GET', '/api/idle-plots?zone=nowhere')).json()).toMatchObject({ items: [] })
      for (const q of ['stage=flagged', 'category=lazy', 'colour=red']) expect((await send('GET', `/api/idle-plots?${q}`)).statusCode, q).toBe(400)
    })
  })

  describe('evidence and documents', () => {
    it('a photo on a step is stored, audited and downloaded as it was; other bytes are refused', async () => {
      const c = await flag('idle')
      const url = `/api/idle-plots/${c.id}/steps/1/attachments`
      const res = await send('POST', url, { file_name: '现场照片 1.png', content_base64: PNG.toString('base64') })
      expect(res.statusCode, res.body).toBe(201)
      const a = res.json() as { id: string; media_type: string; size: number }
      expect(a).toMatchObject({ media_type: 'image/png', size: PNG.length })
      const file = await send('GET', `/api/idle-plots/${c.id}/attachments/${a.id}`)
      expect(file.statusCode).toBe(200)
      expect(file.headers['content-type']).toBe('image/png')
      expect(file.headers['x-content-type-options']).toBe('nosniff')
      expect(file.rawPayload.equals(PNG)).toBe(true)
      expect((await getCase(c.id)).steps[0]!.attachments).toEqual([expect.objectContaining({ id: a.id, file_name: '现场照片 1.png' })])
      expect((await audit(c.id)).at(-1)).toMatchObject({ action: 'attach', after: { seq: 1, attachment: { id: a.id } } })

      const pdf = await send('POST', url, { file_name: 'statement.pdf', content_base64: Buffer.from('%PDF-1.4\n%test\n').toString('base64') })
      expect(pdf.json()).toMatchObject({ media_type: 'application/pdf' })
      // a script named .png, an HTML page, an unknown step, a path in the name, a file too large
      await refused(422, 'invalid_parameter', () => send('POST', url, { file_name: 'x.png', content_base64: Buffer.from('<script>alert(1)</script>').toString('base64') }))
      await refused(404, 'not_found', () => send('POST', `/api/idle-plots/${c.id}/steps/9/attachments`, { file_name: 'x.png', content_base64: PNG.toString('base64') }))
      await refused(400, 'bad_request', () => send('POST', url, { file_name: '../x.png', content_base64: PNG.toString('base64') }))
      await refused(400, 'bad_request', () => send('POST', url, { file_name: 'x.png', content_base64: 'not base64!' }))
      const big = Buffer.concat([PNG, Buffer.alloc(8 * 1024 * 1024)])
      const tooBig = await send('POST', url, { file_name: 'big.png', content_base64: big.toString('base64') })
      expect(tooBig.statusCode).toBe(413)
      expect((await send('GET', `/api/idle-plots/${c.id}/attachments/ATT-nope`)).statusCode).toBe(404)
    })

    it('the notice and the determination print from the case; a document of a step not reached is 409', async () => {
      const notice = await send('GET', '/api/idle-plots/IDLE-004/documents/notice')
      expect(notice.statusCode, notice.body).toBe(200)
      expect(notice.headers['content-type']).toMatch(/^text\/html/)
      expect(notice.body).toContain('告知书')
      expect(notice.body).toContain('奉自然资告〔2022〕4号（示例）')
      expect(notice.body).toContain('2022年5月16日')
      expect(notice.body).toContain('示例文书')
      const det = await send('GET', '/api/idle-plots/IDLE-002/documents/determination')
      expect(det.body).toContain('闲置土地认定书')
      expect((await send('GET', '/api/idle-plots/IDLE-004/documents/determination')).statusCode).toBe(409)
      expect((await send('GET', '/api/idle-plots/IDLE-005/documents/notice')).statusCode).toBe(409) // low-efficiency: no notice
      expect((await send('GET', '/api/idle-plots/IDLE-004/documents/decision')).statusCode).toBe(400)
    })

    it('what a holder name holds is escaped in the document', async () => {
      const { rows } = await ctx.db.pool.query(`SELECT id FROM idle_plots WHERE id = 'IDLE-004'`)
      expect(rows).toHaveLength(1)
      const c = await flag('idle', { reason: '<img src=x onerror=alert(1)>' })
      const n = (await move(c.id, 1, { to: 'notice', note: '<b>x</b>', ...FIELDS.notice })).json() as CaseFile
      const html = (await send('GET', `/api/idle-plots/${n.id}/documents/notice`)).body
      expect(html).not.toContain('<img src=x')
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    })
  })

  describe('parcels to watch (动态巡查)', () => {
    it('lists held parcels past an agreed date without the actual one, and no parcel under an open case', async () => {
      const res = await send('GET', '/api/idle-watch')
      expect(res.statusCode, res.body).toBe(200)
      const w = res.json() as WatchAnswer
      const { rows } = await ctx.db.pool.query<{ id: string }>(
        `SELECT id FROM parcels p WHERE ((agreed_start_on < $1::date AND actual_start_on IS NULL) OR (agreed_completion_on < $1::date AND actual_completion_on IS NULL))
         AND NOT EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id AND i.stage NOT IN ('revitalised', 'closed')) ORDER BY id`, [today])
      expect([...new Set(w.overdue_dates.map((d) => d.parcel_id))].sort()).toEqual(rows.map((r) => r.id))
      expect(rows.length).toBeGreaterThan(0)
      for (const d of w.overdue_dates) expect(d.days_late).toBeGreaterThan(0)
      const open = await ctx.db.pool.query<{ parcel_id: string }>(`SELECT parcel_id FROM idle_plots WHERE stage NOT IN ('revitalised', 'closed')`)
      for (const { parcel_id } of open.rows) {
        expect(w.low_efficiency.map((l) => l.parcel_id)).not.toContain(parcel_id)
      }
      for (const l of w.low_efficiency) expect(l.reasons.length).toBeGreaterThan(0)
    })
  })

  describe('who may', () => {
    let planner: SignedIn
    let investor: SignedIn
    beforeAll(async () => {
      planner = await sessionAs(ctx.db.pool, 'planner')
      investor = await sessionAs(ctx.db.pool, 'investor')
    })

    it('planners read but never write; investors and the public neither', async () => {
      const reads = ['/api/idle-plots', '/api/idle-plots/IDLE-002', '/api/idle-watch', '/api/idle-plots/IDLE-002/documents/determination']
      for (const url of reads) {
        expect((await ctx.anonymous.inject({ url, headers: planner.headers })).statusCode, url).toBe(200)
        expect((await ctx.anonymous.inject({ url, headers: investor.headers })).statusCode, url).toBe(403)
        expect((await ctx.anonymous.inject({ url })).statusCode, url).toBe(401)
      }
      const c = await getCase('IDLE-002')
      const writes: [string, unknown, Record<string, string>][] = [
        ['/api/idle-plots', { parcel_id: 'FT-001', category: 'idle', reason: 'x' }, {}],
        ['/api/idle-plots/IDLE-002/transitions', { to: 'closed', note: 'x', closed_reason: 'x' }, { 'if-match': `"${c.version}"` }],
        ['/api/idle-plots/IDLE-002/steps/1/attachments', { file_name: 'x.png', content_base64: PNG.toString('base64') }, {}],
      ]
      for (const [url, body, extra] of writes) {
        for (const [who, headers, status] of [['planner', planner.headers, 403], ['investor', investor.headers, 403], ['public', {}, 401]] as const) {
          const before = await tableState(ctx.db.pool)
          const res = await ctx.anonymous.inject({ method: 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers, ...extra } })
          expect(res.statusCode, `${who} ${url}`).toBe(status)
          expect(await tableState(ctx.db.pool)).toEqual(before)
        }
      }
    })
  })
}, { signedInAs: 'land_officer' })
