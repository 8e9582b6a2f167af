import path from 'node:path'

/** Everything configurable comes from the environment (see README). */
export interface Config {
  port: number
  host: string
  /** A real PostgreSQL + PostGIS; unset means the embedded PGlite database. */
  databaseUrl: string | undefined
  /** Where the embedded database keeps its files between starts. */
  embeddedDataDir: string
  adminEmail: string | undefined
  adminPassword: string | undefined
  production: boolean
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer 0–65535, got "${env.PORT}"`)
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedDataDir: path.resolve(env.PARKATLAS_DATA_DIR ?? '.parkatlas/pgdata'),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    production: env.NODE_ENV === 'production',
  }
}
