import type { FastifyRequest } from 'fastify'
import type pg from 'pg'
import type { Database } from './connect'

/**
 * Where a read goes. The public's reads (nobody signed in) may be a moment behind the primary, so
 * they go to the streaming replica when there is one (DATABASE_READ_URL): tiles, OGC items and
 * layer features are most of the traffic, and they are the same for every anonymous caller.
 * A signed-in user reads the primary: a planner who has just saved a parcel must see it on the
 * next tile, not the replica's copy from a few milliseconds before (read your own writes).
 */
export function readPoolFor(db: Database, req: FastifyRequest): pg.Pool {
  return req.user ? db.pool : (db.readPool ?? db.pool)
}
