// Hardening round 2, finding 6: idle-land cases and their parcels' status cannot drift apart.
// (a) at most one open case per parcel, (b) a parcel with an open case has the status the case gives
// it, (c) a case's stage moves only forward, one stage at a time. Each reported path through the
// API is refused with a 409 that names the rule and changes nothing; each rule is also held by the
// database itself (migration 007) against hand-written SQL.
import { describe, expect, it } from 'vitest'
import { databaseClientError } from '../../server/errors'
import { IDLE_CATEGORIES, IDLE_STAGES, isAllowedStageMove, parcelStatusForCase } from '../../web/src/shared/park-vocabulary'
import { forEachDatabase } from '../helpers/databases'
import { tableState } from '../helpers/table-state'

interface DbError {
  code?: string
  constraint?: string
  message: string
}

forEachDatabase((ctx) => {
  const send = (method: 'POST' | 'PATCH', url: string, body: unknown, headers: Record<string, string> = {}) =>
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
    const twice = await ctx.db.pool.query(`SELECT parcel_id FROM idle_plots WHERE stage <> 'revitalised' GROUP BY parcel_id HAVING count(*) > 1`)
    expect(twice.rows).toEqual([])
    const open = await ctx.db.pool.query<{ id: string; status: string; stage: 'flagged' | 'disposing'; category: 'idle' | 'low_efficiency' }>(
      `SELECT p.id, p.status, i.stage, i.category FROM idle_plots i JOIN parcels p ON p.id = i.parcel_id WHERE i.stage <> 'revitalised' ORDER BY p.id`,
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

    it('idle_stage_move_allowed = isAllowedStageMove, for every pair of stages', async () => {
      for (const from of IDLE_STAGES) {
        for (const to of IDLE_STAGES) {
          const { allowed } = await one<{ allowed: boolean }>('SELECT idle_stage_move_allowed($1, $2) AS allowed', [from, to])
          expect(allowed, `${from} → ${to}`).toBe(isAllowedStageMove(from, to))
        }
      }
      expect(IDLE_STAGES.flatMap((from) => IDLE_STAGES.filter((to) => from !== to && isAllowedStageMove(from, to)).map((to) => `${from}→${to}`)))
        .toEqual(['flagged→disposing', 'disposing→revitalised'])
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

    it('a case never goes back', async () => {
      const c = await idleCase('IDLE-002') // disposing
      const message = await refused('stage_order', 'PATCH', '/api/idle-plots/IDLE-002', { stage: 'flagged' }, { 'if-match': `"${c.version}"` })
      expect(message).toMatch(/IDLE-002 is disposing and cannot go to flagged/)
    })

    it('a case does not skip disposal', async () => {
      const c = await idleCase('IDLE-005') // flagged, low_efficiency
      await refused('stage_order', 'PATCH', '/api/idle-plots/IDLE-005', { stage: 'revitalised' }, { 'if-match': `"${c.version}"` })
    })

    it('a revitalised case cannot reopen while a second case is open on its parcel', async () => {
      const flagged = await send('POST', '/api/idle-plots', { parcel_id: 'FT-005', category: 'low_efficiency', reason: '再次认定（测试）' })
      expect(flagged.statusCode, flagged.body).toBe(201)
      expect((await parcel('FT-005')).status).toBe('low_efficiency')
      const c = await idleCase('IDLE-001') // revitalised, on FT-005
      for (const stage of ['flagged', 'disposing']) {
        await refused('stage_order', 'PATCH', '/api/idle-plots/IDLE-001', { stage }, { 'if-match': `"${c.version}"` })
      }
      await refused('one_open_case', 'POST', '/api/idle-plots', { parcel_id: 'FT-005', category: 'idle', reason: '第三次（测试）' })
    })

    it("editing a case's reason leaves the parcel's status alone", async () => {
      // FT-005 is under the newer case of the test above: the old, revitalised case must not set it back.
      const before = await parcel('FT-005')
      const c = await idleCase('IDLE-001')
      const res = await send('PATCH', '/api/idle-plots/IDLE-001', { reason: '法院拍卖盘活（补记）' }, { 'if-match': `"${c.version}"` })
      expect(res.statusCode, res.body).toBe(200)
      expect(await parcel('FT-005')).toEqual(before)

      // A revitalised case's parcel that has moved on since stays where it is too.
      const p = await parcel('FT-067') // IDLE-006, revitalised
      expect((await send('PATCH', '/api/parcels/FT-067', { status: 'occupied' }, { 'if-match': `"${p.version}"` })).statusCode).toBe(200)
      const moved = await parcel('FT-067')
      const c6 = await idleCase('IDLE-006')
      expect((await send('PATCH', '/api/idle-plots/IDLE-006', { reason: '出租盘活（补记）', successor_en: 'Lessee' }, { 'if-match': `"${c6.version}"` })).statusCode).toBe(200)
      expect(await parcel('FT-067')).toEqual(moved)
    })
  })

  describe('against direct SQL, the database holds each rule', () => {
    it('(a) a second open case on a parcel is refused; a closed one beside it is history and passes', async () => {
      const err = await refusal(insertCase('IDLE-T-A', 'FT-033', 'flagged'))
      expect(err).toMatchObject({ code: '23505', constraint: 'idle_plots_one_open_case' })
      expect(databaseClientError(err)).toMatchObject({ status: 409, code: 'one_open_case' })
      expect(await refusal(insertCase('IDLE-T-B', 'FT-033', 'revitalised'))).toBeNull()
    })

    it("(b) a parcel's status follows its open case, from either side, checked at commit", async () => {
      const free = await freeParcel()
      const cases: [string, string[]][] = [
        ['parcel set available under a flagged case', [`UPDATE parcels SET status = 'available' WHERE id = 'FT-033'`]],
        ['parcel set revitalised under a disposing case', [`UPDATE parcels SET status = 'revitalised' WHERE id = 'FT-013'`]],
        ['case moved on, parcel left behind', [`UPDATE idle_plots SET stage = 'disposing' WHERE id = 'IDLE-004'`]],
        ['case recategorised, parcel left behind', [`UPDATE idle_plots SET category = 'low_efficiency' WHERE id = 'IDLE-004'`]],
        ['a case opened, parcel still available', [insertCase('IDLE-T-C', free, 'flagged')]],
        ['a case moved to another parcel', [`UPDATE idle_plots SET parcel_id = '${free}' WHERE id = 'IDLE-004'`]],
      ]
      for (const [name, statements] of cases) {
        const err = await refusal(...statements)
        expect(err, name).toMatchObject({ code: '23514', constraint: 'parcels_status_follows_case' })
        expect(databaseClientError(err), name).toMatchObject({ status: 409, code: 'status_follows_case' })
      }
      // the two sides together, in either order, pass
      expect(await refusal(`UPDATE idle_plots SET stage = 'disposing' WHERE id = 'IDLE-004'`, `UPDATE parcels SET status = 'revitalising' WHERE id = 'FT-033'`)).toBeNull()
      expect(await refusal(`UPDATE parcels SET status = 'idle' WHERE id = '${free}'`, insertCase('IDLE-T-D', free, 'flagged'))).toBeNull()
    })

    it('(b) a plain statement, committed on its own, is refused and leaves the row as it was', async () => {
      const before = await parcel('FT-044') // IDLE-005, flagged low_efficiency
      const err = await ctx.db.pool.query(`UPDATE parcels SET status = 'available' WHERE id = 'FT-044'`).then(() => null, (e: DbError) => e)
      expect(err).toMatchObject({ code: '23514', constraint: 'parcels_status_follows_case' })
      expect(await parcel('FT-044')).toEqual(before)
    })

    it('(c) a case moves only forward, one stage at a time, whatever moves with it', async () => {
      const moves: [string, string, string][] = [
        ['IDLE-002', 'flagged', 'idle'], // disposing → flagged
        ['IDLE-007', 'disposing', 'revitalising'], // revitalised → disposing
        ['IDLE-007', 'flagged', 'low_efficiency'], // revitalised → flagged
        ['IDLE-005', 'revitalised', 'revitalised'], // flagged → revitalised, skipping disposal
      ]
      for (const [id, stage, status] of moves) {
        const { parcel_id } = await idleCase(id)
        const err = await refusal(`UPDATE idle_plots SET stage = '${stage}' WHERE id = '${id}'`, `UPDATE parcels SET status = '${status}' WHERE id = '${parcel_id}'`)
        expect(err, `${id} → ${stage}`).toMatchObject({ code: '23514', constraint: 'idle_plots_stage_order' })
        expect(databaseClientError(err)).toMatchObject({ status: 409, code: 'stage_order' })
      }
      expect(await refusal(`UPDATE idle_plots SET stage = 'revitalised' WHERE id = 'IDLE-002'`, `UPDATE parcels SET status = 'revitalised' WHERE id = 'FT-013'`)).toBeNull()
      expect(await refusal(`UPDATE idle_plots SET reason = reason || '（补记）' WHERE id = 'IDLE-007'`)).toBeNull()
    })
  })
}, { signedInAs: 'land_officer' })
