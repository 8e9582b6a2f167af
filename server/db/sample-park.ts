import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseCsv } from 'csv-parse/sync'
import pg from 'pg'
import { withTransaction } from './transaction'
import { insertDemoAccounts } from '../auth/demo-accounts'

export const DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data')

interface SeedFile {
  table: string
  file: string
  /** Polygon files may hold Polygons; the column is MultiPolygon. */
  multi?: boolean
  /** Rows that move on in use and are never set back by a reload: inserted when missing, else left alone. */
  insertOnly?: boolean
}

/** Foreign-key order: a table comes after the tables it references. */
export const SEED_FILES: readonly SeedFile[] = [
  { table: 'zones', file: 'zones.geojson', multi: true },
  // A scenario's versions are immutable once saved (migration 013), and the scenario moves on with them.
  { table: 'scenarios', file: 'scenarios.csv', insertOnly: true },
  { table: 'scenario_versions', file: 'scenario_versions.geojson', multi: true, insertOnly: true },
  { table: 'chemical_clusters', file: 'chemical_clusters.geojson', multi: true },
  { table: 'enterprises', file: 'enterprises.geojson' },
  { table: 'enterprise_figures', file: 'enterprise_figures.csv' },
  { table: 'parcels', file: 'parcels.geojson', multi: true },
  { table: 'projects', file: 'projects.geojson', multi: true },
  { table: 'idle_plots', file: 'idle_plots.csv' },
  { table: 'idle_case_steps', file: 'idle_case_steps.csv' },
  { table: 'parcel_conditions', file: 'parcel_conditions.csv' },
  { table: 'utilities', file: 'utilities.geojson' },
  { table: 'basemap', file: 'basemap.geojson' },
]

/** Columns the loader never writes: the geometry goes in separately, the rest are the database's (public_id: migration 008). */
const MANAGED = new Set(['geom', 'version', 'updated_at', 'public_id'])

interface Row {
  properties: Record<string, unknown>
  geometry?: unknown
}

function readRows(dir: string, f: SeedFile): Row[] {
  const text = fs.readFileSync(path.join(dir, f.file), 'utf8')
  if (f.file.endsWith('.csv')) {
    const records = parseCsv(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[]
    // An empty cell is NULL, not the empty string.
    return records.map((r) => ({ properties: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v])) }))
  }
  const fc = JSON.parse(text) as { features: Row[] }
  return fc.features
}

async function tableColumns(client: pg.PoolClient, table: string): Promise<{ columns: string[]; key: string[] }> {
  const cols = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  )
  const key = await client.query<{ column_name: string }>(
    `SELECT a.attname AS column_name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary`,
    [table],
  )
  return { columns: cols.rows.map((r) => r.column_name).filter((c) => !MANAGED.has(c)), key: key.rows.map((r) => r.column_name) }
}

/**
 * Upserts one file's rows in one statement: jsonb_populate_record types each value by the
 * table's own column types, so the loader needs no column list of its own.
 */
async function upsertFile(client: pg.PoolClient, f: SeedFile, rows: Row[]): Promise<void> {
  const { columns, key } = await tableColumns(client, f.table)
  const table = pg.escapeIdentifier(f.table)
  const q = (c: string) => pg.escapeIdentifier(c)
  const hasGeom = rows.some((r) => r.geometry !== undefined)
  const geomExpr = f.multi
    ? `ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326))`
    : `ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326)`
  const insertCols = [...columns.map(q), ...(hasGeom ? ['geom'] : [])]
  const selectCols = [...columns.map((c) => `r.${q(c)}`), ...(hasGeom ? [geomExpr] : [])]
  const updates = insertCols.filter((c) => !key.map(q).includes(c)).map((c) => `${c} = EXCLUDED.${c}`)
  await client.query(
    `INSERT INTO ${table} (${insertCols.join(', ')})
     SELECT ${selectCols.join(', ')}
     FROM jsonb_array_elements($1::jsonb) f, jsonb_populate_record(NULL::${table}, f->'properties') r
     ON CONFLICT (${key.map(q).join(', ')}) ${f.insertOnly ? 'DO NOTHING' : `DO UPDATE SET ${updates.join(', ')}`}`,
    [JSON.stringify(rows)],
  )
  if (hasGeom) {
    const bad = await client.query<{ id: string; reason: string }>(
      `SELECT concat_ws('/', ${key.map(q).join(', ')}) AS id, ST_IsValidReason(geom) AS reason FROM ${table} WHERE NOT ST_IsValid(geom) LIMIT 5`,
    )
    if (bad.rows.length) throw new Error(`${f.file}: invalid geometry: ${bad.rows.map((r) => `${r.id} (${r.reason})`).join('; ')}`)
  }
}

/**
 * Loads the sample park from data/ in one transaction, with the demo accounts unless
 * `demoAccounts: false` (production: accounts with published passwords have no place there).
 * Idempotent: rows are upserted by primary key (existing accounts are left alone). Returns the
 * row count per table.
 */
export async function loadSamplePark(pool: pg.Pool, opts: { dir?: string; demoAccounts?: boolean } = {}): Promise<Record<string, number>> {
  const dir = opts.dir ?? DATA_DIR
  return withTransaction(pool, async (client) => {
    const counts: Record<string, number> = {}
    for (const f of SEED_FILES) {
      const rows = readRows(dir, f)
      await upsertFile(client, f, rows)
      counts[f.table] = rows.length
    }
    // One account per role to try the park with (README); never in production.
    if (opts.demoAccounts !== false) counts.users = await insertDemoAccounts(client)
    return counts
  })
}

/** True when the park has no parcels yet: a fresh database that start-up should seed. */
export async function isEmpty(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels')
  return rows[0]?.n === 0
}
