// Hardening round 2, finding 5: the database itself refuses Infinity, -Infinity and NaN in every
// numeric column (migration 006), whatever writes it — the API, the importers or hand-written SQL.
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'

/** Every numeric column of every table (views left out: they store nothing). */
const NUMERIC_COLUMNS_SQL = `
  SELECT c.table_name AS table, c.column_name AS column
  FROM information_schema.columns c
  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
  WHERE c.table_schema = current_schema() AND c.data_type IN ('numeric', 'double precision', 'real')
  ORDER BY 1, 2`

/** The finiteness checks by name, as migration 006 names them. */
const FINITE_CHECKS_SQL = `
  SELECT k.conname AS name, pg_get_constraintdef(k.oid) AS definition
  FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace AND n.nspname = current_schema()
  WHERE k.contype = 'c' AND k.conname LIKE '%\\_finite'`

const NOT_FINITE = ['Infinity', '-Infinity', 'NaN'] as const


forEachDatabase((ctx) => {
  /** The error a statement gets, or null; in a transaction rolled back either way, so nothing stays written. */
  async function refusal(sql: string, params: unknown[] = []): Promise<{ code?: string } | null> {
    const client = await ctx.db.pool.connect()
    try {
      await client.query('BEGIN')
      return await client.query(sql, params).then(() => null, (err: { code?: string }) => err)
    } finally {
      await client.query('ROLLBACK')
      client.release()
    }
  }

  it('every numeric column of every table has its finiteness check', async () => {
    const columns = (await ctx.db.pool.query<{ table: string; column: string }>(NUMERIC_COLUMNS_SQL)).rows
    const checks = new Map((await ctx.db.pool.query<{ name: string; definition: string }>(FINITE_CHECKS_SQL)).rows.map((r) => [r.name, r.definition]))
    expect(columns.length).toBeGreaterThanOrEqual(15)
    for (const { table, column } of columns) {
      const definition = checks.get(`${table}_${column}_finite`)
      expect(definition, `no check ${table}_${column}_finite`).toBeDefined()
      expect(definition).toContain(column)
      for (const value of NOT_FINITE) expect(definition).toContain(`'${value}'`)
    }
  })

  describe('a direct UPDATE to a number that is not finite is refused', () => {
    it.each(NOT_FINITE)('%s, in each numeric column', async (value) => {
      const columns = (await ctx.db.pool.query<{ table: string; column: string }>(NUMERIC_COLUMNS_SQL)).rows
      for (const { table, column } of columns) {
        // One row of each table; the sample park has rows in all of them.
        const sql = `UPDATE ${table} SET ${column} = $1::numeric WHERE ctid = (SELECT ctid FROM ${table} LIMIT 1)`
        const refused = await refusal(sql, [value])
        expect(refused?.code, `${table}.${column} = ${value}`).toBe('23514')
      }
    })

    it('finite values still pass, and NULL where the column allows it', async () => {
      expect(await refusal(`UPDATE parcels SET price_wan_per_mu = 12.5 WHERE id = 'FT-001'`)).toBeNull()
      expect(await refusal(`UPDATE enterprise_figures SET rnd_wan = NULL WHERE ctid = (SELECT ctid FROM enterprise_figures LIMIT 1)`)).toBeNull()
      expect(await refusal(`UPDATE projects SET investment_yi = 0 WHERE ctid = (SELECT ctid FROM projects LIMIT 1)`)).toBeNull()
    })
  })
})
