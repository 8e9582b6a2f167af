import { expect, it } from 'vitest'
import { dumpDatabase, restoreDatabase } from '../../server/db/dump'
import { forEachDatabase } from '../helpers/databases'
import { tableState } from '../helpers/table-state'

forEachDatabase(
  (ctx) => {
    it('backup → change → restore gives back exactly the data backed up', async () => {
      // Evidence on an idle-land case step is bytea: every byte value must survive the dump's text form.
      const evidence = Buffer.from([...Array(256).keys()])
      await ctx.db.pool.query(
        `INSERT INTO idle_case_attachments (id, case_id, seq, file_name, media_type, size, content, uploaded_by)
         VALUES ('ATT-backup', 'IDLE-002', 1, '现场.jpg', 'image/jpeg', $1, $2, 'test')`, [evidence.length, evidence])
      const before = await tableState(ctx.db.pool)
      const dump = await dumpDatabase(ctx.db.pool)
      expect(dump.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['zones', 'parcels', 'audit_log', 'users', 'enterprise_figures']))
      // FK order: a table comes after what it references
      const order = dump.tables.map((t) => t.name)
      expect(order.indexOf('zones')).toBeLessThan(order.indexOf('parcels'))
      expect(order.indexOf('parcels')).toBeLessThan(order.indexOf('idle_plots'))

      // The dump survives JSON, as it does in the backup file.
      const fromFile = JSON.parse(JSON.stringify(dump)) as typeof dump

      await ctx.db.pool.query(`UPDATE parcels SET note = 'changed after the backup' WHERE id = 'FT-001'`)
      await ctx.db.pool.query(`INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('test', 'after_backup', 'parcels', 'FT-001')`)
      await ctx.db.pool.query(`DELETE FROM enterprise_figures WHERE year = 2021`)
      await ctx.db.pool.query(`DELETE FROM idle_case_attachments WHERE id = 'ATT-backup'`)
      expect(await tableState(ctx.db.pool)).not.toEqual(before)

      const generation = async () => (await ctx.db.pool.query<{ g: string }>('SELECT generation::text AS g FROM data_epoch')).rows[0]!.g
      const cachedUnder = await generation()
      expect(dump.tables.map((t) => t.name)).not.toContain('data_epoch')
      const counts = await restoreDatabase(ctx.db.pool, fromFile)
      // The tile cache's keys start afresh: no tile made before the restore can be served after it.
      expect(await generation()).not.toBe(cachedUnder)
      expect(counts.parcels).toBe(dump.tables.find((t) => t.name === 'parcels')!.rows.length)
      expect(await tableState(ctx.db.pool)).toEqual(before)
      const back = await ctx.db.pool.query<{ content: Buffer }>(`SELECT content FROM idle_case_attachments WHERE id = 'ATT-backup'`)
      expect(back.rows[0]!.content.equals(evidence)).toBe(true)
      expect(order.indexOf('idle_case_steps')).toBeLessThan(order.indexOf('idle_case_attachments'))

      // Geometry is bit-exact: the same hex EWKB as before.
      const again = await dumpDatabase(ctx.db.pool)
      expect(again.tables).toEqual(dump.tables)
    })

    it('the restored database works: layers, new audit rows continue the sequence, the log stays append-only', async () => {
      const res = await ctx.app.inject('/api/layers')
      expect(res.statusCode).toBe(200)
      await ctx.db.pool.query(`INSERT INTO audit_log (actor, action, entity, entity_id) VALUES ('test', 'after_restore', 'parcels', 'FT-001')`)
      const { rows } = await ctx.db.pool.query<{ max: number; next: number }>(
        `SELECT (SELECT max(id) FROM audit_log)::int AS max, nextval(pg_get_serial_sequence('audit_log', 'id'))::int AS next`,
      )
      expect(rows[0]!.next).toBe(rows[0]!.max + 1)
      await expect(ctx.db.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/)
    })

    it('refuses what is not a dump, and a dump from a newer schema, changing nothing', async () => {
      const before = await tableState(ctx.db.pool)
      await expect(restoreDatabase(ctx.db.pool, { format: 'something else' } as never)).rejects.toThrow(/not a Park Atlas dump/)
      const dump = await dumpDatabase(ctx.db.pool)
      await expect(restoreDatabase(ctx.db.pool, { ...dump, schema_version: 999 })).rejects.toThrow(/schema 999/)
      // a broken row rolls the whole restore back
      const broken = { ...dump, tables: dump.tables.map((t) => (t.name === 'parcels' ? { ...t, rows: [...t.rows, t.rows[0]!] } : t)) }
      await expect(restoreDatabase(ctx.db.pool, broken)).rejects.toThrow(/duplicate key/)
      expect(await tableState(ctx.db.pool)).toEqual(before)
    })
  },
  { signedInAs: 'admin' },
)
