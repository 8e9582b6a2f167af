// Migration 013 carries the rezoning drafts (zones of kind rezoning_draft) over to scenarios, with
// every version the audit log kept of them, and leaves zones with adopted boundaries only. Run in a
// schema of its own inside one transaction that is rolled back: the run's database is untouched.
import { describe, expect, it } from 'vitest'
import { applyMigrations, listMigrations } from '../../server/db/migrate'
import { forEachDatabase } from '../helpers/databases'

/** A box from (x, 28.6) to (x + d, 28.65) as WKT. */
const ring = (x: number, d: number) => `POLYGON((${x} 28.6, ${x + d} 28.6, ${x + d} 28.65, ${x} 28.65, ${x} 28.6))`

forEachDatabase((ctx) => {
  describe('migration 013: rezoning drafts become scenarios', () => {
    it('carries each draft with its audited versions; zones keep only adopted boundaries', async () => {
      const client = await ctx.db.pool.connect()
      try {
        await client.query('BEGIN')
        await client.query('CREATE SCHEMA scenario_migration_test')
        await client.query('SET LOCAL search_path = scenario_migration_test, public')
        const migrations = listMigrations()
        await applyMigrations(client, migrations.filter((m) => m.version < 13))
        const geom = (wkt: string) => `ST_Multi(ST_GeomFromText('${wkt}', 4326))`
        await client.query(`INSERT INTO zones (id, name_zh, name_en, kind, status, geom) VALUES
          ('approved-boundary', '批准范围', 'Approved', 'approved_boundary', 'current', ${geom(ring(115.30, 0.01))}),
          ('draft-2022-south', '调区扩区方案（草案）', 'Draft', 'rezoning_draft', 'draft', ${geom(ring(115.30, 0.02))}),
          ('draft-0a1b2c3d', '新方案', 'New draft', 'rezoning_draft', 'submitted', ${geom(ring(115.40, 0.03))})`)
        // draft-0a1b2c3d was made through the old API and saved twice: the log holds versions 1 and 2
        await client.query(`UPDATE zones SET version = 2 WHERE id = 'draft-0a1b2c3d'`)
        const snapshot = (v: number, d: number) => `jsonb_build_object('version', ${v}, 'note', 'v${v}', 'geometry', ST_AsGeoJSON(${geom(ring(115.40, d))}, 15)::jsonb)`
        await client.query(`INSERT INTO audit_log (actor, action, entity, entity_id, before, after) VALUES
          ('planner@example.org', 'create_draft', 'zones', 'draft-0a1b2c3d', NULL, ${snapshot(1, 0.01)}),
          ('other@example.org', 'update_draft', 'zones', 'draft-0a1b2c3d', ${snapshot(1, 0.01)}, ${snapshot(2, 0.03)})`)

        await applyMigrations(client, migrations.filter((m) => m.version === 13))

        const scenarios = await client.query(`SELECT id, zone_id, name_zh, version, created_by FROM scenarios ORDER BY id`)
        expect(scenarios.rows).toEqual([
          { id: 'draft-0a1b2c3d', zone_id: null, name_zh: '新方案', version: 2, created_by: 'planner@example.org' },
          { id: 'draft-2022-south', zone_id: 'approved-boundary', name_zh: '调区扩区方案（草案）', version: 1, created_by: 'sample-park' },
        ])
        const versions = await client.query(`SELECT scenario_id, n, base, created_by, status, round(ST_XMax(geom)::numeric, 2)::float AS east
          FROM scenario_versions ORDER BY scenario_id, n`)
        expect(versions.rows).toEqual([
          { scenario_id: 'draft-0a1b2c3d', n: 1, base: null, created_by: 'planner@example.org', status: 'draft', east: 115.41 },
          { scenario_id: 'draft-0a1b2c3d', n: 2, base: 1, created_by: 'other@example.org', status: 'submitted', east: 115.43 },
          { scenario_id: 'draft-2022-south', n: 1, base: null, created_by: 'sample-park', status: 'draft', east: 115.32 },
        ])
        const zones = await client.query(`SELECT id FROM zones ORDER BY id`)
        expect(zones.rows).toEqual([{ id: 'approved-boundary' }])
        await expect(client.query(`INSERT INTO zones (id, name_zh, name_en, kind, geom) VALUES ('x', 'x', 'x', 'rezoning_draft', ${geom(ring(115.5, 0.01))})`))
          .rejects.toMatchObject({ constraint: 'zones_kind_check' })
      } finally {
        await client.query('ROLLBACK')
        client.release()
      }
    })
  })
})
