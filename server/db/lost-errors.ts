import type pg from 'pg'

/**
 * Raised for a statement the embedded database ended with neither a result nor an error. SQLSTATE
 * XX000 (internal error): server/errors.ts answers it 500, as any database fault it cannot name.
 */
export class LostDatabaseError extends Error {
  readonly code = 'XX000'
  constructor() {
    super('the embedded database ended a statement with neither a result nor an error (an error raised inside PostGIS/GEOS that PGlite lost)')
  }
}

/** A completed statement always has its command tag (SELECT, INSERT, …); a lost error has none. */
function lost(result: pg.QueryResult | pg.QueryResult[] | undefined): LostDatabaseError | null {
  const results = Array.isArray(result) ? result : result ? [result] : []
  return results.some((r) => r.command === null) ? new LostDatabaseError() : null
}

/** A client's `query`, any of its forms. */
export type QueryFn = (...args: unknown[]) => unknown

/**
 * PGlite (0.5, with pglite-postgis 0.2) loses an error raised inside GEOS: an overlay of a
 * self-intersecting polygon answers an empty result — no rows, no columns, no command tag — where
 * server PostGIS raises its TopologyException (tests/api/lost-errors.test.ts). The app checks
 * validity before any overlay, but an empty answer in place of an error would be a wrong answer:
 * on the embedded database every statement's result must carry its command tag, or it fails.
 * Wraps a client's `query` (the promise and the callback form; cursors and other submittables
 * pass through; connect.ts guardEmbeddedClients). Not once the client has failed a statement
 * (`failed`): the socket's out-of-step answers after an error (the ROLLBACK's) have no command tag
 * either, and that client is closed on release anyway.
 */
export function refusingLostErrors(query: QueryFn, failed: () => boolean): QueryFn {
  return (...args) => {
    const first = args[0] as { submit?: unknown } | undefined
    if (typeof first?.submit === 'function' || failed()) return query(...args)
    const last = args[args.length - 1]
    if (typeof last === 'function') {
      const callback = last as (err: Error | null, result?: unknown) => void
      return query(...args.slice(0, -1), (err: Error | null, result?: pg.QueryResult) => {
        const missing = err || failed() ? null : lost(result)
        callback(err ?? missing, missing ? undefined : result)
      })
    }
    return (query(...args) as Promise<pg.QueryResult>).then((result) => {
      const missing = failed() ? null : lost(result)
      if (missing) throw missing
      return result
    })
  }
}
