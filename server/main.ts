import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { buildApp } from './app'
import { ensureFirstAdmin } from './auth/first-admin'
import { authOptionsFrom } from './auth/plugin'
import { readConfig, type Config } from './config'
import { connectDatabase, type Database } from './db/connect'
import { migrate } from './db/migrate'
import { isEmpty, loadSamplePark } from './db/sample-park'

export const WEB_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web')

export interface RunningServer {
  app: FastifyInstance
  db: Database
  url: string
  close(): Promise<void>
}

/**
 * Opens the database, migrates, seeds a fresh one with the sample park (and its demo accounts),
 * creates the first admin from ADMIN_EMAIL + ADMIN_PASSWORD when there is none, and listens.
 */
export async function startServer(config: Config, log = console.log): Promise<RunningServer> {
  const t0 = Date.now()
  const db = await connectDatabase(config)
  const where = db.kind === 'embedded' ? `embedded PostGIS in ${config.embeddedDataDir}` : `PostgreSQL (DATABASE_URL${db.readPool ? '; the public\'s reads on DATABASE_READ_URL' : ''})`
  log(`database: ${where} (${Date.now() - t0} ms)`)
  const applied = await migrate(db.pool)
  if (applied.length) log(`migrations applied: ${applied.join(', ')}`)
  if (await isEmpty(db.pool)) {
    const counts = await loadSamplePark(db.pool, { demoAccounts: !config.production })
    log(`sample park loaded: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`)
  }
  await ensureFirstAdmin(db.pool, config, log)
  const app = await buildApp({ db }, { webRoot: WEB_ROOT, auth: authOptionsFrom(config), requestTimeoutMs: config.requestTimeoutMs })
  const url = await app.listen({ port: config.port, host: config.host })
  log(`Park Atlas at ${url} (ready in ${Date.now() - t0} ms)`)
  return {
    app,
    db,
    url,
    async close() {
      await app.close()
      await db.close()
    },
  }
}

const isEntry = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isEntry) {
  const server = await startServer(readConfig())
  const stop = async () => {
    await server.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
