import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { withTransaction } from './transaction'

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations')

export interface Migration {
  version: number
  name: string
  sql: string
}

/** The migration files, `NNN_name.sql`, in version order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), sql: fs.readFileSync(path.join(dir, f), 'utf8') }))
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`

/**
 * Applies, on this client and inside the caller's transaction, the migrations not yet recorded
 * in `schema_migrations`; returns the versions applied. For restore, which rebuilds the schema
 * and reloads the data as one transaction.
 */
export async function applyMigrations(client: pg.PoolClient, migrations: Migration[]): Promise<number[]> {
  await client.query(MIGRATIONS_TABLE)
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
  const done = new Set(rows.map((r) => r.version))
  const applied: number[] = []
  for (const m of migrations) {
    if (done.has(m.version)) continue
    try {
      await client.query(m.sql)
    } catch (err) {
      throw new Error(`migration ${m.version}_${m.name} failed: ${(err as Error).message}`)
    }
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
    applied.push(m.version)
  }
  return applied
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction,
 * and returns the versions applied. PostGIS is created first (it is not part of a migration
 * because on a server it may need a superuser, and the error should say so plainly).
 */
export async function migrate(pool: pg.Pool, migrations = listMigrations()): Promise<number[]> {
  await pool.query('CREATE EXTENSION IF NOT EXISTS postgis')
  const applied: number[] = []
  for (const m of migrations) applied.push(...(await withTransaction(pool, (client) => applyMigrations(client, [m]))))
  return applied
}
