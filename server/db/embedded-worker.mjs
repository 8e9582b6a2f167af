// The embedded PostGIS, on its own thread. PGlite runs PostgreSQL compiled to WebAssembly, and a
// statement runs to its end on the thread that called it: on Node's main thread one heavy
// statement would stop the HTTP server from answering anything, health checks and timers
// included. Here it stops only this thread, and the server talks to it through `pg` over a
// Unix socket, as to any PostgreSQL.
//
// Plain JavaScript on purpose: a worker does not inherit the TypeScript loader of the process
// that starts it (tsx in `npm start`, vite-node in the tests). The messages are typed in
// embedded.ts.
import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { PGLiteSocketServer } from '@electric-sql/pglite-socket'

/** @type {{ dataDir: string | undefined, socketPath: string }} */
const { dataDir, socketPath } = workerData

async function start() {
  const db = await PGlite.create({ dataDir, extensions: { postgis } })
  await db.exec('CREATE EXTENSION IF NOT EXISTS postgis')
  // A socket left by a process that was killed (the data directory's lock has proved it dead).
  fs.rmSync(socketPath, { force: true })
  // Two slots, though the pool keeps one client: when pg drops a client after a query error it
  // reconnects at once, before the old socket has detached; with one slot that reconnect is reset.
  // Only one client is ever live, so statements of two transactions never interleave.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 2 })
  await server.start()
  // Owner only: any local user who can reach the socket is the database's superuser.
  fs.chmodSync(socketPath, 0o600)
  return { db, server }
}

const running = start()
running.then(
  () => parentPort?.postMessage({ type: 'ready' }),
  (err) => parentPort?.postMessage({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
)

parentPort?.on('message', async (message) => {
  if (message?.type !== 'stop') return
  try {
    const { db, server } = await running
    await server.stop()
    await db.close()
    fs.rmSync(socketPath, { force: true })
  } finally {
    parentPort?.postMessage({ type: 'stopped' })
  }
})
