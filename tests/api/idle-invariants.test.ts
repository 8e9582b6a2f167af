// Hardening round 2, finding 6: idle-land cases and their parcels' status cannot drift apart.
// (a) at most one open case per parcel, (b) a parcel with an open case has the status the case gives
// it, (c) a case moves only along the statutory stage graph (issue 10: one step on its category's
// path, or closed, never back). Each reported path through the API is refused with a 409 that names
// the rule and changes nothing; each rule is also held by the database itself (migrations 007, 012)
// against hand-written SQL.
import { describe, expect, it } from 'vitest'
import { databaseClientError } from '../../server/errors'
import { IDLE_CATEGORIES, IDLE_STAGES, isAllowedStageMove, parcelStatusForCase, type IdleCategory, type IdleStage } from '../../web/src/shared/park-vocabulary'
import { forEachDatabase } from '../helpers/databases'
import { tableState } from '../helpers/table-state'

interface DbError {
  code?: string
  constraint?: string
  message: string
}

forEachDatabase((ctx) => {
  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, body: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method, url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })
  const one = async <T extends object>(sql: string, params: unknown[] = []) => (await ctx.db.pool.query<T & Record<string, unknown>>(sql, params)).rows[0]!
  const parcel = (id: string) => one<{ status: string; version: number }>('SELECT status, version FROM parcels WHERE id = $1', [id])
  const idleCase = (id: string) => one<{ stage: string; version: number; parcel_id: string }>('SELECT stage, version, parcel_id FROM idle_plots WHERE id = $1', [id])

  /**
   * The error a series of statements gets, deferred checks included (SET CONSTRAINTS ALL IMMEDIATE
   * runs them as COMMIT would), or null; rolled back either way, so nothing stays written.
   */
  async function refusal(...statements: string[]): Promise<DbError | null> {
    const client = await ctx.db.pool.connect()
    try {
      await client.query('BEGIN')
      for (const sql of statements) await client.query(sql)
      await client.query('SET CONSTRAINTS ALL IMMEDIATE')
      return null
    } catch (err) {
      return err as DbError
    } finally {
      await client.query('ROLLBACK')
      client.release()
    }
  }

  /** A parcel on offer that has never had a case. */
  const freeParcel = async () =>
    (await one<{ id: string }>(`SELECT id FROM parcels p WHERE status = 'available' AND NOT EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id) ORDER BY id LIMIT 1`)).id
  const insertCase = (id: string, parcelId: string, stage: string, category = 'idle') =>
    `INSERT INTO idle_plots (id, parcel_id, holder_zh, holder_en, category, stage, flagged_on, flagged_by, reason)
     VALUES ('${id}', '${parcelId}', '测试', 'test', '${category}', '${stage}', current_date, 'test', 'test')`

  it('the loaded sample park keeps every rule', async () => {
    // Loading it (tests/helpers/global-setup.ts) already passed the database's checks; this says which rows.
    const twice = await ctx.db.pool.query(`SELECT parcel_id FROM idle_plots WHERE stage NOT IN ('revitalised', 'closed') GROUP BY parcel_id HAVING count(*) > 1`)
    expect(twice.rows).toEqual([])
    const open = await ctx.db.pool.query<{ id: string; status: string; stage: IdleStage; category: IdleCategory }>(
      `SELECT p.id, p.status, i.stage, i.category FROM idle_plots i JOIN parcels p ON p.id = i.parcel_id WHERE i.stage NOT IN ('revitalised', 'closed') ORDER BY p.id`,
    )
    expect(open.rows.length).toBeGreaterThanOrEqual(6)
    for (const r of open.rows) expect(r.status, r.id).toBe(parcelStatusForCase(r.stage, r.category))
  })

  describe("the database's rules are the shared vocabulary's", () => {
    it('parcel_status_for_case = parcelStatusForCase, for every stage and category', async () => {
      for (const stage of IDLE_STAGES) {
        for (const category of IDLE_CATEGORIES) {
          const { status } = await one<{ status: string }>('SELECT parcel_status_for_case($1, $2) AS status', [stage, category])
          expect(status, `${stage} ${category}`).toBe(parcelStatusForCase(stage, category))
        }
      }
    })

    it('idle_stage_move_allowed = isAllowedStageMove, for every category and pair of stages', async () => {
      for (const category of IDLE_CATEGORIES) {
        for (const from of IDLE_STAGES) {
          for (const to of IDLE_STAGES) {
            const { allowed } = await one<{ allowed: boolean }>('SELECT idle_stage_move_allowed($1, $2, $3) AS allowed', [category, from, to])
            expect(allowed, `${category}: ${from} → ${to}`).toBe(isAllowedStageMove(category, from, to))
          }
        }
      }
      const edges = (c: IdleCategory) => IDLE_STAGES.flatMap((from) => IDLE_STAGES.filter((to) => isAllowedStageMove(c, from, to)).map((to) => `${from}→${to}`))
      expect(edges('idle')).toEqual([
        'investigation→notice', 'investigation→closed', 'notice→determination', 'notice→closed', 'determination→disposal_plan', 'determination→closed',
        'disposal_plan→implementing', 'disposal_plan→closed', 'implementing→revitalised', 'implementing→closed',
      ])
      expect(edges('low_efficiency')).toEqual([
        'investigation→determination', 'investigation→closed', 'determination→disposal_plan', 'determination→closed',
        'disposal_plan→implementing', 'disposal_plan→closed', 'implementing→revitalised', 'implementing→closed',
      ])
    })
  })

  describe('through the API, each reported path is a 409 naming the rule, and changes nothing', () => {
    /** Sends, expects a 409 with `code`, and that no table changed. */
    async function refused(code: string, method: 'POST' | 'PATCH', url: string, body: unknown, headers: Record<string, string> = {}) {
      const before = await tableState(ctx.db.pool)
      const res = await send(method, url, body, headers)
      expect(res.statusCode, res.body).toBe(409)
      expect(res.json()).toMatchObject({ error: { code, message: expect.any(String) } })
      expect(await tableState(ctx.db.pool)).toEqual(before)
      return (res.json() as { error: { message: string } }).error.message
    }

    it('a parcel with an open case cannot be set available (nor to any status but the case’s)', async () => {
      const { version } = await parcel('FT-033') // IDLE-004, flagged idle
      const message = await refused('status_follows_case', 'PATCH', '/api/parcels/FT-033', { status: 'available' }, { 'if-match': `"${version}"` })
      expect(message).toMatch(/IDLE-004/)
      expect(message).toMatch(/follows its open case/)
      await refused('status_follows_case', 'PATCH', '/api/parcels/FT-033', { status: 'occupied', note: 'x' }, { 'if-match': `"${version}"` })
      const offered = (await ctx.anonymous.inject('/api/public/parcels/FT-033')).statusCode
      expect(offered).toBe(404)
    })

    it('a parcel with an open case still takes its other edits, and the status its case gives', async () => {
      const { version } = await parcel('FT-033')
      const res = await send('PATCH', '/api/parcels/FT-033', { status: 'idle', note: '继续对接（测试）' }, { 'if-match': `"${version}"` })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ status: 'idle', version: version + 1 })
    })

    const move = (id: string, version: number, body: unknown) => send('POST', `/api/idle-plots/${id}/transitions`, body, { 'if-match': `"${version}"` })
    const refusedMove = async (code: string, id: string, body: unknown) => {
      const c = await idleCase(id)
      return refused(code, 'POST', `/api/idle-plots/${id}/transitions`, body, { 'if-match': `"${c.version}"` })
    }

    it('a case never goes back', async () => {
      const message = await refusedMove('stage_order', 'IDLE-002', { to: 'determination', note: 'x', doc_no: '1', doc_date: '2021-01-01' }) // disposal_plan
      expect(message).toMatch(/IDLE-002 \(idle\) is at disposal_plan and cannot go to determination: its next step is implementing or closed/)
      await refusedMove('stage_order', 'IDLE-002', { to: 'investigation', note: 'x' })
    })

    it('a case does not skip a step, and a low-efficiency case has no notice', async () => {
      await refusedMove('stage_order', 'IDLE-005', { to: 'revitalised', note: 'x', successor_zh: '某', successor_start_date: '2024-01-01' }) // determination
      await refusedMove('stage_order', 'IDLE-004', { to: 'disposal_plan', note: 'x', disposal: 'idle_fee', due_date: '2030-01-01' }) // notice
      const res = await send('POST', '/api/idle-plots', { parcel_id: await freeParcel(), category: 'low_efficiency', reason: '低效（测试）' })
      expect(res.statusCode, res.body).toBe(201)
      const c = res.json() as { id: string }
      await refusedMove('stage_order', c.id, { to: 'notice', note: 'x', doc_no: '1', doc_date: '2024-01-01', hearing_deadline: '2024-01-08' })
    })

    it('a revitalised case cannot reopen while a second case is open on its parcel', async () => {
      const flagged = await send('POST', '/api/idle-plots', { parcel_id: 'FT-005', category: 'low_efficiency', reason: '再次认定（测试）' })
      expect(flagged.statusCode, flagged.body).toBe(201)
      expect((await parcel('FT-005')).status).toBe('low_efficiency')
      for (const to of ['investigation', 'implementing', 'closed']) {
        await refusedMove('stage_order', 'IDLE-001', { to, note: 'x', due_date: '2030-01-01', closed_reason: 'x' }) // revitalised, on FT-005
      }
      await refused('one_open_case', 'POST', '/api/idle-plots', { parcel_id: 'FT-005', category: 'idle', reason: '第三次（测试）' })
    })

    it('there is no second way to move a case: PATCH /api/idle-plots/:id is gone', async () => {
      const c = await idleCase('IDLE-002')
      const res = await send('PATCH', '/api/idle-plots/IDLE-002', { stage: 'revitalised' }, { 'if-match': `"${c.version}"` })
      expect(res.statusCode).toBe(404)
      expect(await idleCase('IDLE-002')).toEqual(c)
    })

    it("a step on an ended case's parcel leaves the parcel alone once it has moved on", async () => {
      // A revitalised case's parcel that has moved on since stays where it is.
      const p = await parcel('FT-067') // IDLE-006, revitalised
      expect((await send('PATCH', '/api/parcels/FT-067', { status: 'occupied' }, { 'if-match': `"${p.version}"` })).statusCode).toBe(200)
      const moved = await parcel('FT-067')
      await refusedMove('stage_order', 'IDLE-006', { to: 'closed', note: 'x', closed_reason: 'x' })
      expect(await parcel('FT-067')).toEqual(moved)
      void move
    })
  })

  describe('against direct SQL, the database holds each rule', () => {
    it('(a) a second open case on a parcel is refused; a closed one beside it is history and passes', async () => {
      const err = await refusal(insertCase('IDLE-T-A', 'FT-033', 'investigation'))
      expect(err).toMatchObject({ code: '23505', constraint: 'idle_plots_one_open_case' })
      expect(databaseClientError(err)).toMatchObject({ status: 409, code: 'one_open_case' })
      expect(await refusal(insertCase('IDLE-T-B', 'FT-033', 'revitalised'))).toBeNull()
      expect(await refusal(insertCase('IDLE-T-B', 'FT-033', 'closed'))).toBeNull()
    })

    it("(b) a parcel's status follows its open case, from either side, checked at commit", async () => {
      const free = await freeParcel()
      const cases: [string, string[]][] = [
        ['parcel set available under a case at notice', [`UPDATE parcels SET status = 'available' WHERE id = 'FT-033'`]],
        ['parcel set revitalised under a case at disposal_plan', [`UPDATE parcels SET status = 'revitalised' WHERE id = 'FT-013'`]],
        ['case moved on, parcel left behind', [`UPDATE idle_plots SET stage = 'disposal_plan' WHERE id = 'IDLE-005'`]],
        ['a case opened, parcel still available', [insertCase('IDLE-T-C', free, 'investigation')]],
        ['a case moved to another parcel', [`UPDATE idle_plots SET parcel_id = '${free}' WHERE id = 'IDLE-004'`]],
      ]
      for (const [name, statements] of cases) {
        const err = await refusal(...statements)
        expect(err, name).toMatchObject({ code: '23514', constraint: 'parcels_status_follows_case' })
        expect(databaseClientError(err), name).toMatchObject({ status: 409, code: 'status_follows_case' })
      }
      // the two sides together, in either order, pass
      expect(await refusal(`UPDATE idle_plots SET stage = 'disposal_plan' WHERE id = 'IDLE-005'`, `UPDATE parcels SET status = 'revitalising' WHERE id = 'FT-044'`)).toBeNull()
      expect(await refusal(`UPDATE parcels SET status = 'idle' WHERE id = '${free}'`, insertCase('IDLE-T-D', free, 'investigation'))).toBeNull()
    })

    it('(b) a plain statement, committed on its own, is refused and leaves the row as it was', async () => {
      const before = await parcel('FT-044') // IDLE-005, low_efficiency at determination
      const err = await ctx.db.pool.query(`UPDATE parcels SET status = 'available' WHERE id = 'FT-044'`).then(() => null, (e: DbError) => e)
      expect(err).toMatchObject({ code: '23514', constraint: 'parcels_status_follows_case' })
      expect(await parcel('FT-044')).toEqual(before)
    })

    it('(c) a case moves only along its graph, whatever moves with it; its category never changes', async () => {
      const moves: [string, string, string][] = [
        ['IDLE-002', 'determination', 'idle'], // disposal_plan → determination
        ['IDLE-007', 'implementing', 'revitalising'], // revitalised → implementing
        ['IDLE-007', 'closed', 'occupied'], // revitalised → closed: an ended case stays ended
        ['IDLE-005', 'revitalised', 'revitalised'], // determination → revitalised, skipping the plan
        ['IDLE-004', 'disposal_plan', 'revitalising'], // notice → disposal_plan, skipping the determination
      ]
      for (const [id, stage, status] of moves) {
        const { parcel_id } = await idleCase(id)
        const err = await refusal(`UPDATE idle_plots SET stage = '${stage}' WHERE id = '${id}'`, `UPDATE parcels SET status = '${status}' WHERE id = '${parcel_id}'`)
        expect(err, `${id} → ${stage}`).toMatchObject({ code: '23514', constraint: 'idle_plots_stage_order' })
        expect(databaseClientError(err)).toMatchObject({ status: 409, code: 'stage_order' })
      }
      const recategorised = await refusal(`UPDATE idle_plots SET category = 'low_efficiency' WHERE id = 'IDLE-004'`)
      expect(recategorised).toMatchObject({ code: '23514', constraint: 'idle_plots_stage_order' })
      expect(await refusal(`UPDATE idle_plots SET stage = 'implementing' WHERE id = 'IDLE-002'`)).toBeNull()
      expect(await refusal(`UPDATE idle_plots SET stage = 'closed' WHERE id = 'IDLE-002'`, `UPDATE parcels SET status = 'occupied' WHERE id = 'FT-013'`)).toBeNull()
      expect(await refusal(`UPDATE idle_plots SET reason = reason || '（补记）' WHERE id = 'IDLE-007'`)).toBeNull()
    })
  })
}, { signedInAs: 'land_officer' })
