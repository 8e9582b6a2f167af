/**
 * The app under load, in a process of its own so the load generator does not share its event loop:
 * buildApp over LOAD_DATABASE_URL, listening on 127.0.0.1, port 0. Started by load-run.ts with an
 * IPC channel: it sends `{type: 'listening', url}`, then answers `start` (reset its counters) and
 * `stop` (send its counters, close, exit).
 *
 * Its counters are the server's side of the run: responses per route and status, the first 5xx
 * errors with their stack (the app logs nothing by default), and how busy the pg pool got.
 */
import { buildApp } from '../../server/app'
import { poolFor, type Database } from '../../server/db/connect'

export interface ServerErrorSample {
  route: string
  status: number
  message: string
  stack: string
}

export interface ServerStats {
  /** `METHOD /route/:pattern` → status → responses. */
  responses: Record<string, Record<number, number>>
  errors5xx: ServerErrorSample[]
  pool: { max: number; maxTotal: number; maxWaiting: number }
}

type ToServer = { type: 'start' } | { type: 'stop' }
export type FromServer = { type: 'listening'; url: string } | { type: 'stats'; stats: ServerStats }

const url = process.env.LOAD_DATABASE_URL
if (!url || !process.send) throw new Error('load-server.ts is started by scripts/bench/load-run.ts (IPC and LOAD_DATABASE_URL)')
/** Resolves once the message is handed to the channel, so exiting after it does not drop it. */
const send = (m: FromServer) => new Promise<void>((resolve) => process.send!(m, undefined, {}, () => resolve()))

const pool = poolFor(url, 'postgres')
const db: Database = { pool, kind: 'postgres', close: () => pool.end() }
const app = await buildApp({ db })

let stats: ServerStats = { responses: {}, errors5xx: [], pool: { max: pool.options.max ?? 10, maxTotal: 0, maxWaiting: 0 } }

// Hooks added before ready() apply to every route.
app.addHook('onResponse', async (req, reply) => {
  const route = `${req.method} ${req.routeOptions.url ?? '(no route)'}`
  const byStatus = (stats.responses[route] ??= {})
  byStatus[reply.statusCode] = (byStatus[reply.statusCode] ?? 0) + 1
})
// Runs after the error handler has set the status.
app.addHook('onError', async (req, reply, err) => {
  if (reply.statusCode < 500 || stats.errors5xx.length >= 20) return
  stats.errors5xx.push({ route: `${req.method} ${req.url}`, status: reply.statusCode, message: err.message, stack: err.stack ?? '' })
})

const sampler = setInterval(() => {
  stats.pool.maxTotal = Math.max(stats.pool.maxTotal, pool.totalCount)
  stats.pool.maxWaiting = Math.max(stats.pool.maxWaiting, pool.waitingCount)
}, 100)

const address = await app.listen({ host: '127.0.0.1', port: 0 })

let closing: Promise<void> | undefined
/** Closes the app and its pool once, then leaves. */
function shutdown(): Promise<void> {
  clearInterval(sampler)
  closing ??= app
    .close()
    .then(() => db.close())
    .catch((err: unknown) => console.error('load server: closing failed:', err))
    .finally(() => process.exit(0))
  return closing
}

process.on('message', (m: ToServer) => {
  if (m.type === 'start') {
    stats = { responses: {}, errors5xx: [], pool: { ...stats.pool, maxTotal: 0, maxWaiting: 0 } }
  } else if (m.type === 'stop') {
    clearInterval(sampler)
    void send({ type: 'stats', stats }).then(shutdown)
  }
})
// The parent went away without `stop`: do not linger.
process.on('disconnect', () => void shutdown())

await send({ type: 'listening', url: address })
