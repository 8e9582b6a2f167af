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
 * PGlite is a single session: callers must use a pool of size 1 (README, "Architecture":
 * embedded means one connection). The data directory persists, so a second start skips CREATE EXTENSION (≈6 s).
 * `dataDir: undefined` keeps everything in memory.
 */
export async function startEmbeddedPostgis(dataDir: string | undefined, port = 0): Promise<EmbeddedPostgis> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true })
  const unlock = dataDir ? lockDataDir(dataDir) : () => {}
  let db: PGlite
  try {
    db = await PGlite.create({ dataDir, extensions: { postgis } })
  } catch (err) {
    unlock()
    throw err
  }
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
      unlock()
    },
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite does not guard its data directory, and two processes writing one directory corrupt it
 * (a `npm run backup` beside a running `npm start`, say). A lock file holding the owner's pid
 * refuses the second; a lock left by a process that died (killed, crashed) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir.replace(/[\\/]+$/, '')}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
      return () => fs.rmSync(lockFile, { force: true })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const owner = Number(fs.readFileSync(lockFile, 'utf8'))
      if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
        throw new Error(`the embedded database ${dataDir} is in use by process ${owner} (a running npm start?); stop it first`)
      }
      fs.rmSync(lockFile, { force: true })
    }
  }
  throw new Error(`could not lock the embedded database ${dataDir}`)
}
