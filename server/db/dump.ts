import pg from 'pg'
import { applyMigrations, listMigrations } from './migrate'
import { withTransaction } from './transaction'

/**
 * A portable dump of all the park's data: every table of the schema with its rows as text, so
 * each value goes back through its type's own input function (geometry as hex EWKB: bit-exact).
 * The same format for the embedded and the server database.
 */
export interface DatabaseDump {
  format: 'park-atlas-dump'
  format_version: 1
  created_at: string
  /** The highest migration the data was written under. */
  schema_version: number
  tables: { name: string; columns: string[]; rows: unknown[][] }[]
}

/** Not data: PostGIS's own table, the migration record (rebuilt), sign-in sessions (restore signs everyone out), and the tile cache's data epoch (a restore starts a new generation, migration 015). */
const NOT_DUMPED = new Set(['spatial_ref_sys', 'schema_migrations', 'sessions', 'data_epoch'])
const BATCH_ROWS = 2000

type Queryable = pg.Pool | pg.PoolClient

/** The schema's tables, each after the tables it references. */
async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  )
  const fks = await db.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND c.relnamespace = to_regnamespace(current_schema())
     -- by name, not by the constraints' oids: a restore recreates them with new oids, and a table
     -- with two parents must come out in the same order as in the dump it was restored from
     ORDER BY c.relname, p.relname`,
  )
  const names = tables.rows.map((r) => r.name).filter((n) => !NOT_DUMPED.has(n))
  const ordered: string[] = []
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name) || path.includes(name)) return
    for (const fk of fks.rows) if (fk.child === name && fk.parent !== name && names.includes(fk.parent)) visit(fk.parent, [...path, name])
    ordered.push(name)
  }
  for (const n of names) visit(n, [])
  return ordered
}

async function columnsOf(db: Queryable, table: string): Promise<{ name: string; json: boolean }[]> {
  const { rows } = await db.query<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  )
  return rows.map((r) => ({ name: r.name, json: r.type === 'jsonb' || r.type === 'json' }))
}

/** Reads every table in one snapshot (REPEATABLE READ), so the dump is consistent while the app runs. */
export async function dumpDatabase(pool: pg.Pool): Promise<DatabaseDump> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const version = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')
    const tables: DatabaseDump['tables'] = []
    for (const name of await tablesInDependencyOrder(client)) {
      const columns = await columnsOf(client, name)
      const values = columns.map((c) => (c.json ? pg.escapeIdentifier(c.name) : `${pg.escapeIdentifier(c.name)}::text`))
      const { rows } = await client.query<{ r: unknown[] }>(
        `SELECT jsonb_build_array(${values.join(', ')}) AS r FROM ${pg.escapeIdentifier(name)} t ORDER BY t::text`,
      )
      tables.push({ name, columns: columns.map((c) => c.name), rows: rows.map((r) => r.r) })
    }
    await client.query('COMMIT')
    return { format: 'park-atlas-dump', format_version: 1, created_at: new Date().toISOString(), schema_version: version.rows[0]?.v ?? 0, tables }
  } finally {
    client.release()
  }
}

/** Drops the schema's own tables and functions (not PostGIS's), inside the caller's transaction. */
async function dropSchemaObjects(client: pg.PoolClient): Promise<void> {
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'spatial_ref_sys'`,
  )
  for (const t of tables.rows) await client.query(`DROP TABLE IF EXISTS ${pg.escapeIdentifier(t.name)} CASCADE`)
  const functions = await client.query<{ signature: string }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
     WHERE p.pronamespace = to_regnamespace(current_schema())
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  )
  for (const f of functions.rows) await client.query(`DROP FUNCTION IF EXISTS ${f.signature} CASCADE`)
}

export function checkDump(dump: unknown): asserts dump is DatabaseDump {
  const d = dump as Partial<DatabaseDump> | null
  if (!d || d.format !== 'park-atlas-dump' || d.format_version !== 1 || !Array.isArray(d.tables)) {
    throw new Error('not a Park Atlas dump (format park-atlas-dump, version 1)')
  }
  const latest = Math.max(0, ...listMigrations().map((m) => m.version))
  if (typeof d.schema_version !== 'number' || d.schema_version > latest) {
    throw new Error(`the dump was written under schema ${String(d.schema_version)}; this version of Park Atlas knows up to ${latest}`)
  }
}

/**
 * Replaces everything with the dump, as ONE transaction: the schema is rebuilt by the migrations
 * up to the dump's version, the rows loaded, the later migrations applied, and only then committed.
 * Killed half-way, the database still holds what it held before (tests/api/crash-restore.test.ts).
 */
export async function restoreDatabase(pool: pg.Pool, dump: DatabaseDump, onProgress: (msg: string) => void = () => {}): Promise<Record<string, number>> {
  checkDump(dump)
  const migrations = listMigrations()
  return withTransaction(pool, async (client) => {
    const counts: Record<string, number> = {}
    onProgress('transaction open: dropping the current schema')
    await dropSchemaObjects(client)
    await applyMigrations(client, migrations.filter((m) => m.version <= dump.schema_version))
    // Migrations may seed defaults (the grading configuration): the dump's rows replace them.
    for (const table of [...dump.tables].reverse()) {
      if (table.name !== 'audit_log') await client.query(`DELETE FROM ${pg.escapeIdentifier(table.name)}`)
    }
    for (const table of dump.tables) {
      const t = pg.escapeIdentifier(table.name)
      const cols = table.columns.map((c) => pg.escapeIdentifier(c)).join(', ')
      for (let i = 0; i < table.rows.length; i += BATCH_ROWS) {
        const batch = table.rows.slice(i, i + BATCH_ROWS).map((row) => Object.fromEntries(table.columns.map((c, j) => [c, row[j]])))
        await client.query(`INSERT INTO ${t} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM jsonb_populate_recordset(NULL::${t}, $1::jsonb)`, [JSON.stringify(batch)])
        onProgress(`${table.name}: ${Math.min(i + BATCH_ROWS, table.rows.length)} / ${table.rows.length}`)
      }
      // Serial ids continue after the restored ones.
      const serials = await client.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
        [table.name],
      )
      for (const { name } of serials.rows) {
        const c = pg.escapeIdentifier(name)
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${c}), 1), max(${c}) IS NOT NULL) FROM ${t}`,
          [table.name, name],
        )
      }
      counts[table.name] = table.rows.length
    }
    await applyMigrations(client, migrations.filter((m) => m.version > dump.schema_version))
    onProgress('committing')
    return counts
  })
}
