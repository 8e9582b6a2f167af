/**
 * GET /api/health. Everyone gets `{ok: true}` — the server answers — without a database query, so
 * a load balancer's probe is never queued behind a long statement. Admins also get which database
 * and which PostGIS, read from the database: that is no business of the public.
 */
export type HealthAnswer =
  | { ok: true }
  | {
      ok: true
      db: 'embedded' | 'postgres'
      postgis: string | null
      /**
       * With a streaming replica (DATABASE_READ_URL) only: how far its replay is behind, seconds since
       * the last transaction it replayed was committed (null before it has replayed any).
       */
      read_replica?: { replay_lag_s: number | null }
    }
