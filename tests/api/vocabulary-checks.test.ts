// The park's terms are written once in web/src/shared and once more, unavoidably, as the CHECK
// constraints of the migrations. This test reads each CHECK back from the catalog (pg_constraint)
// and holds it to the shared list, so a term added on one side only fails here, not in production.
import { ATTACHMENT_TYPES } from '../../web/src/shared/api/idle-cases'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES } from '../../web/src/shared/access-policy'
import {
  BASEMAP_KINDS, CLUSTER_CODES, CLUSTER_STAGES, FOREST_APPROVALS, IDLE_CATEGORIES, IDLE_DISPOSALS, IDLE_STAGES,
  INDUSTRIES, INQUIRY_STATUSES, LAND_APPROVALS, LAND_USES, PARCEL_STATUSES, PROJECT_STAGES, SITE_STATES, UTILITY_KINDS, UTILITY_STATUSES,
  SCENARIO_VERSION_STATUSES, ZONE_KINDS, ZONE_STATUSES,
} from '../../web/src/shared/park-vocabulary'
import { NETWORK_ITEMS } from '../../web/src/shared/readiness'
import { BENCHMARKS, INDICATOR_CODES, WEIGHT_SETS } from '../../web/src/shared/per-mu-vocabulary'
import { testDatabases } from '../helpers/databases'
import { poolFor } from '../../server/db/connect'

const COLUMNS: [table: string, column: string, terms: readonly string[]][] = [
  ['zones', 'kind', ZONE_KINDS],
  ['zones', 'status', ZONE_STATUSES],
  ['scenario_versions', 'status', SCENARIO_VERSION_STATUSES],
  ['chemical_clusters', 'code', CLUSTER_CODES],
  ['chemical_clusters', 'stage', CLUSTER_STAGES],
  ['enterprises', 'industry', INDUSTRIES],
  ['parcels', 'land_use', LAND_USES],
  ['parcels', 'status', PARCEL_STATUSES],
  ['parcels', 'land_approval', LAND_APPROVALS],
  ['parcels', 'forest_approval', FOREST_APPROVALS],
  ['parcels', 'site_state', SITE_STATES],
  ['projects', 'stage', PROJECT_STAGES],
  ['idle_plots', 'category', IDLE_CATEGORIES],
  ['idle_plots', 'disposal', IDLE_DISPOSALS],
  ['idle_plots', 'stage', IDLE_STAGES],
  ['idle_case_steps', 'stage', IDLE_STAGES],
  ['idle_case_steps', 'disposal', IDLE_DISPOSALS],
  ['idle_case_attachments', 'media_type', ATTACHMENT_TYPES],
  ['utilities', 'kind', UTILITY_KINDS],
  ['utilities', 'status', UTILITY_STATUSES],
  ['basemap', 'kind', BASEMAP_KINDS],
  ['users', 'role', ROLES],
  ['per_mu_grading', 'benchmark', BENCHMARKS],
  ['per_mu_weights', 'weight_set', WEIGHT_SETS],
  ['per_mu_weights', 'indicator', INDICATOR_CODES],
  ['readiness_thresholds', 'item', NETWORK_ITEMS],
  ['inquiries', 'status', INQUIRY_STATUSES],
]

// A single-column CHECK on one table, as PostgreSQL prints it back:
// CHECK ((kind = ANY (ARRAY['park_zone'::text, 'approved_boundary'::text])))
const CHECKS_SQL = `
  SELECT c.relname AS table, a.attname AS column, pg_get_constraintdef(k.oid) AS definition
  FROM pg_constraint k
  JOIN pg_class c ON c.oid = k.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
  WHERE k.contype = 'c' AND cardinality(k.conkey) = 1`

/** The quoted terms of a `column IN (...)` check, or null for another kind of check. */
function termsOf(definition: string, column: string): string[] | null {
  if (!definition.startsWith(`CHECK ((${column} = ANY (ARRAY[`)) return null
  return [...definition.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]!.replaceAll("''", "'"))
}

describe('termsOf', () => {
  it('reads the list of an IN check and ignores other checks', () => {
    expect(termsOf("CHECK ((kind = ANY (ARRAY['a'::text, 'b c'::text, 'it''s'::text])))", 'kind')).toEqual(['a', 'b c', "it's"])
    expect(termsOf('CHECK ((demolished_buildings >= 0))', 'demolished_buildings')).toBeNull()
    expect(termsOf("CHECK ((geometrytype(geom) = ANY (ARRAY['POINT'::text])))", 'geom')).toBeNull()
    // migration 006's finiteness checks are lists too, but of numbers excluded: not vocabulary
    expect(termsOf("CHECK ((price_wan_per_mu <> ALL (ARRAY['Infinity'::numeric, '-Infinity'::numeric, 'NaN'::numeric])))", 'price_wan_per_mu')).toBeNull()
  })
})

for (const target of testDatabases()) {
  describe(`on ${target.kind} PostGIS, every CHECK list equals the shared vocabulary`, () => {
    let pool: pg.Pool
    const checks = new Map<string, string[]>()
    beforeAll(async () => {
      pool = poolFor(target.url, target.kind)
      const { rows } = await pool.query<{ table: string; column: string; definition: string }>(CHECKS_SQL)
      for (const row of rows) {
        const terms = termsOf(row.definition, row.column)
        if (terms) checks.set(`${row.table}.${row.column}`, terms)
      }
    })
    afterAll(() => pool?.end())

    it.each(COLUMNS)('%s.%s', (table, column, terms) => {
      const inDatabase = checks.get(`${table}.${column}`)
      expect(inDatabase, `no IN check on ${table}.${column}`).toBeDefined()
      expect([...inDatabase!].sort()).toEqual([...terms].sort())
    })

    it('no IN check is left without a shared list', () => {
      const covered = new Set(COLUMNS.map(([t, c]) => `${t}.${c}`))
      expect([...checks.keys()].filter((key) => !covered.has(key))).toEqual([])
    })
  })
}
