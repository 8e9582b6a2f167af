import pg from 'pg'
import { startEmbeddedPostgis } from './embedded'
import { refusingLostErrors, type QueryFn } from './lost-errors'

export type DatabaseKind = 'embedded' | 'postgres'

export interface Database {
  /** The primary: every write, and every read of a signed-in user (who must see their own writes). */
  pool: pg.Pool
  /**
   * A streaming replica (DATABASE_READ_URL) for the reads that may lag a moment behind: the
   * public's tiles, OGC items and layer features (db/read-pool.ts chooses). Absent: the primary.
   */
  readPool?: pg.Pool
  kind: DatabaseKind
  close(): Promise<void>
}

// numeric → JS number: park figures (万元, kWh, mu) are far inside double precision.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v))
// bigint counts → number (row counts never approach 2^53).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v))

/**
 * pglite-socket can answer a failed extended-protocol statement with one message too many, so the
 * client that saw an error is out of step with the server from then on (its next answers belong to
 * earlier questions). Such a client is closed when it goes back to the pool and a fresh one takes
 * its place; closing the socket also rolls back anything it left open (pglite-socket's detach).
 * pool.query() already discards a client after an error; this covers explicitly held clients
 * (transactions), whose ROLLBACK would otherwise leave the connection poisoned. Each client's
 * query also refuses the results PGlite gives for a lost error (db/lost-errors.ts).
 */
function guardEmbeddedClients(pool: pg.Pool): void {
  const failed = new WeakSet<pg.ClientBase>()
  pool.on('connect', (client) => {
    // An out-of-step answer can arrive while the client is checked out (during the ROLLBACK after
    // a failed statement), when the pool has no listener on it: pg then emits 'error', which with
    // no listener would crash the process. Mark the client instead; it is closed on release.
    client.on('error', () => failed.add(client))
    const query = client.query.bind(client) as QueryFn
    const marking: QueryFn = (...args) => {
      const result = query(...args)
      if (result instanceof Promise) result.catch(() => failed.add(client))
      return result
    }
    // Outside the marking: a lost error (db/lost-errors.ts) is refused, not counted as a failure.
    ;(client as { query: unknown }).query = refusingLostErrors(marking, () => failed.has(client))
  })
  // 'release' is emitted before the pool decides to keep the client; an ending client is dropped.
  pool.on('release', (_err, client) => {
    if (!failed.has(client)) return
    // Its late, out-of-step answers are expected now: not worth an error in the log.
    client.removeAllListeners('error')
    client.on('error', () => undefined)
    void client.end().catch(() => undefined)
  })
}

/**
 * Pools on server PostgreSQL, where each connection is a session of its own and keeps the
 * statements prepared on it. Not the embedded database: PGlite is one session behind every
 * connection, so a statement prepared on a connection since closed is still there, and `pg`
 * preparing it again on a new connection fails.
 */
const perConnectionSessions = new WeakSet<object>()

/**
 * A fixed statement run on every request (the session lookup, …) as a query config: named on
 * server PostgreSQL, which then parses and plans it once per connection instead of on each run;
 * unnamed on the embedded database, and on a pool client (the name would need its pool).
 */
export function fixedStatement(db: pg.Pool | pg.PoolClient, name: string, text: string, values: unknown[]): pg.QueryConfig {
  return perConnectionSessions.has(db) ? { name, text, values } : { text, values }
}

/**
 * A pool on a given URL. `max: 1` is mandatory for the embedded database (single session).
 *
 * With `statementTimeoutMs`, no statement holds a request longer: PostgreSQL cancels it itself
 * (`statement_timeout`, SQLSTATE 57014). PGlite cannot cancel a running statement (no signals in
 * WebAssembly), so there the client stops waiting (`query_timeout`) and the request is answered;
 * the statement finishes on the database's own thread (embedded-worker.mjs), and the per-audience
 * vertex budget bounds how long that can be. Both answer 503 statement_timeout (server/errors.ts).
 */
export function poolFor(url: string, kind: DatabaseKind, statementTimeoutMs?: number): pg.Pool {
  const timeout = statementTimeoutMs === undefined ? {} : kind === 'postgres' ? { statement_timeout: statementTimeoutMs } : { query_timeout: statementTimeoutMs }
  const pool = new pg.Pool({
    connectionString: url,
    max: kind === 'embedded' ? 1 : 10,
    ...timeout,
    // PostGIS's high function costs tempt the planner into parallel sequential scans for bbox
    // queries; on 100,000 parcels those ran 3–6× slower than the GiST index plan
    // (scripts/bench/report.md). The API's queries are small and index-driven: no parallel workers.
    ...(kind === 'postgres' ? { options: '-c max_parallel_workers_per_gather=0' } : {}),
  })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => console.error('database pool error:', err.message))
  if (kind === 'embedded') guardEmbeddedClients(pool)
  else perConnectionSessions.add(pool)
  return pool
}

/**
 * Why a replica could not answer that the primary can: no connection (refused, reset, timed out,
 * SQLSTATE class 08), a server shutting down or starting (57P01–57P03), or a read cancelled for
 * replay (40001 on a standby: "canceling statement due to conflict with recovery").
 */
function replicaUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return false
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '40001'].includes(code) || code.startsWith('08')
}

/**
 * The replica's pool, whose queries the primary answers when the replica cannot (replicaUnavailable):
 * the public's map must not go blank because a standby restarts. Said once a minute at most.
 * Exported for the test that points it at a replica that is not there.
 */
export function replicaFallingBackTo(replica: pg.Pool, primary: pg.Pool, warn = (m: string) => console.error(m)): pg.Pool {
  let lastWarning = 0
  const query = async (...args: unknown[]): Promise<unknown> => {
    try {
      return await (replica.query as (...a: unknown[]) => Promise<unknown>)(...args)
    } catch (err) {
      if (!replicaUnavailable(err)) throw err
      if (Date.now() - lastWarning > 60_000) {
        lastWarning = Date.now()
        warn(`read replica unavailable (${(err as Error).message}): the primary answers its reads meanwhile`)
      }
      return (primary.query as (...a: unknown[]) => Promise<unknown>)(...args)
    }
  }
  return new Proxy(replica, {
    get(target, prop) {
      if (prop === 'query') return query
      const value = Reflect.get(target, prop, target) as unknown
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

/** DATABASE_URL set → that server; unset → the embedded PostGIS in `dataDir`. */
export async function connectDatabase(opts: { databaseUrl?: string; databaseReadUrl?: string; embeddedDataDir?: string; statementTimeoutMs?: number }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = poolFor(opts.databaseUrl, 'postgres', opts.statementTimeoutMs)
    if (!opts.databaseReadUrl) return { pool, kind: 'postgres', close: () => pool.end() }
    const replica = poolFor(opts.databaseReadUrl, 'postgres', opts.statementTimeoutMs)
    return {
      pool,
      readPool: replicaFallingBackTo(replica, pool),
      kind: 'postgres',
      async close() {
        await Promise.all([pool.end(), replica.end()])
      },
    }
  }
  const embedded = await startEmbeddedPostgis(opts.embeddedDataDir)
  const pool = poolFor(embedded.url, 'embedded', opts.statementTimeoutMs)
  return {
    pool,
    kind: 'embedded',
    async close() {
      await pool.end()
      await embedded.stop()
    },
  }
}

/** The PostGIS library version the database runs, or null when it does not say. */
export async function postgisVersion(pool: pg.Pool): Promise<string | null> {
  const { rows } = await pool.query<{ postgis: string | null }>('SELECT postgis_lib_version() AS postgis')
  return rows[0]?.postgis ?? null
}

/**
 * A streaming replica's replay lag in seconds (null before it has replayed a transaction). On an
 * idle primary this grows although nothing is missing: it dates the last replayed commit.
 */
export async function replayLagSeconds(pool: pg.Pool): Promise<number | null> {
  const { rows } = await pool.query<{ lag: number | null }>('SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag')
  return rows[0]?.lag ?? null
}
