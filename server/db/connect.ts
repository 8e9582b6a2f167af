import pg from 'pg'
import { startEmbeddedPostgis } from './embedded'

export type DatabaseKind = 'embedded' | 'postgres'

export interface Database {
  pool: pg.Pool
  kind: DatabaseKind
  close(): Promise<void>
}

// numeric → JS number: park figures (万元, kWh, mu) are far inside double precision.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))
// bigint counts → number (row counts never approach 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

/** A pool on a given URL. `max: 1` is mandatory for the embedded database (single session). */
export function poolFor(url: string, kind: DatabaseKind): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: kind === 'embedded' ? 1 : 10 })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => console.error('database pool error:', err.message))
  return pool
}

/** DATABASE_URL set → that server; unset → the embedded PostGIS in `dataDir`. */
export async function connectDatabase(opts: { databaseUrl?: string; embeddedDataDir?: string }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = poolFor(opts.databaseUrl, 'postgres')
    return { pool, kind: 'postgres', close: () => pool.end() }
  }
  const embedded = await startEmbeddedPostgis(opts.embeddedDataDir)
  const pool = poolFor(embedded.url, 'embedded')
  return {
    pool,
    kind: 'embedded',
    async close() {
      await pool.end()
      await embedded.stop()
    },
  }
}
