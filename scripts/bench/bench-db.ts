/**
 * The benchmark's own database: a server PostGIS database whose name says "bench" (created if
 * missing), or a separate embedded PostGIS data dir. Never the app's database: loading the county
 * replaces every layer's rows.
 */
import path from 'node:path'
import pg from 'pg'
import { poolFor, type Database } from '../../server/db/connect'
import { startEmbeddedPostgis } from '../../server/db/embedded'
import { migrate } from '../../server/db/migrate'

export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/parkatlas_bench'
export const EMBEDDED_BENCH_DIR = path.resolve('.parkatlas/bench-pgdata')

export interface BenchTarget {
  kind: Database['kind']
  /** Server: the connection URL; embedded: the data dir. */
  where: string
}

/**
 * BENCH_EMBEDDED=1 → the embedded PostGIS in .parkatlas/bench-pgdata (or BENCH_DATA_DIR);
 * otherwise BENCH_DATABASE_URL, then DATABASE_URL, then the local parkatlas_bench.
 */
export function benchTarget(env: NodeJS.ProcessEnv = process.env): BenchTarget {
  if (env.BENCH_EMBEDDED === '1') return { kind: 'embedded', where: path.resolve(env.BENCH_DATA_DIR ?? EMBEDDED_BENCH_DIR) }
  const url = env.BENCH_DATABASE_URL || env.DATABASE_URL || DEFAULT_BENCH_URL
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!name.includes('bench')) {
    throw new Error(
      `refusing to load benchmark data into database "${name}": its name must contain "bench" ` +
        `(set BENCH_DATABASE_URL, e.g. ${DEFAULT_BENCH_URL})`,
    )
  }
  return { kind: 'postgres', where: url }
}

/** Creates the server database named in `url` when it does not exist, through the `postgres` database. */
async function ensureServerDatabase(url: string): Promise<void> {
  const admin = new URL(url)
  const name = decodeURIComponent(admin.pathname.slice(1))
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
  } finally {
    await client.end()
  }
}

export interface OpenBenchDatabase extends Database {
  /** The URL `pg` connects to (the embedded one listens on a local port). */
  url: string
}

/** Opens (and for a server, creates) the bench database, with PostGIS and the park schema migrated. */
export async function openBenchDatabase(target: BenchTarget): Promise<OpenBenchDatabase> {
  let db: OpenBenchDatabase
  if (target.kind === 'postgres') {
    await ensureServerDatabase(target.where)
    const pool = poolFor(target.where, 'postgres')
    db = { pool, kind: 'postgres', url: target.where, close: () => pool.end() }
  } else {
    const embedded = await startEmbeddedPostgis(target.where)
    const pool = poolFor(embedded.url, 'embedded')
    db = {
      pool,
      kind: 'embedded',
      url: embedded.url,
      async close() {
        await pool.end()
        await embedded.stop()
      },
    }
  }
  await migrate(db.pool) // CREATE EXTENSION IF NOT EXISTS postgis, then the park schema
  return db
}
