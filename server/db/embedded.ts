import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

export interface EmbeddedPostgis {
  /** A postgres:// URL that `pg` connects to. */
  url: string
  stop(): Promise<void>
}

/**
 * Starts PGlite with PostGIS and serves it on a local TCP port, so the server reaches it through
 * `pg` exactly as it reaches a real PostgreSQL — one code path for both.
 *
 * PGlite is a single session: callers must use a pool of size 1 (see DESIGN.md, "Embedded means
 * one connection"). The data directory persists, so a second start skips CREATE EXTENSION (≈6 s).
 * `dataDir: undefined` keeps everything in memory.
 */
export async function startEmbeddedPostgis(dataDir: string | undefined, port = 0): Promise<EmbeddedPostgis> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create({ dataDir, extensions: { postgis } })
  await db.exec('CREATE EXTENSION IF NOT EXISTS postgis')
  // Two slots, though the pool keeps one client: when pg drops a client after a query error it
  // reconnects at once, before the old socket has detached; with one slot that reconnect is reset.
  // Only one client is ever live, so statements of two transactions never interleave.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 2 })
  await server.start()
  const address = (server as unknown as { server: import('node:net').Server }).server.address()
  if (!address || typeof address === 'string') throw new Error('embedded PostGIS did not bind a TCP port')
  return {
    url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
    async stop() {
      await server.stop()
      await db.close()
    },
  }
}
