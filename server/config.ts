import path from 'node:path'
import { checkTileTemplate, type BasemapInfo } from '../web/src/shared/api/basemap'

/** Everything configurable comes from the environment (see README). */
export interface Config {
  port: number
  host: string
  /** A real PostgreSQL + PostGIS; unset means the embedded PGlite database. */
  databaseUrl: string | undefined
  /**
   * DATABASE_READ_URL: a streaming replica of DATABASE_URL for the public's reads (tiles, OGC items,
   * layer features); unset: every read on DATABASE_URL. Signed-in reads stay on the primary.
   */
  databaseReadUrl: string | undefined
  /** Where the embedded database keeps its files between starts. */
  embeddedDataDir: string
  adminEmail: string | undefined
  adminPassword: string | undefined
  production: boolean
  /** Sessions end after this long unused (SESSION_IDLE_HOURS, default 12)… */
  sessionIdleSeconds: number
  /** …and this long after sign-in at most (SESSION_MAX_HOURS, default 168 = 7 days). */
  sessionMaxSeconds: number
  /** `Secure` cookies (COOKIE_SECURE=1/0); default on in production, where TLS is expected. */
  secureCookies: boolean
  /** A database statement past this is cancelled and its request answered 503 (STATEMENT_TIMEOUT_SECONDS, default 30). */
  statementTimeoutMs: number
  /** A request's body must have arrived within this of its headers (REQUEST_TIMEOUT_SECONDS, default 30). */
  requestTimeoutMs: number
  /** The optional online base map (BASEMAP_TILES, comma-separated templates; BASEMAP_ATTRIBUTION). */
  basemap: BasemapInfo
  /** REDIS_URL: rate-limit counters shared by every instance (redis://host:6379/0); unset: per instance, in memory. */
  redisUrl: string | undefined
  /** TILE_CACHE_MB: memory for made vector tiles, per instance (default 64); 0 makes every tile afresh. */
  tileCacheBytes: number
}

function basemapFrom(env: NodeJS.ProcessEnv): BasemapInfo {
  const tiles = (env.BASEMAP_TILES ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '')
  for (const template of tiles) checkTileTemplate(template)
  return { tiles, attribution: env.BASEMAP_ATTRIBUTION?.trim() || null }
}

function positiveSeconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback * 1000
  const seconds = Number(raw)
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`)
  return Math.round(seconds * 1000)
}

function positiveHours(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback * 3600
  const hours = Number(raw)
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`${name} must be a positive number of hours, got "${raw}"`)
  return hours * 3600
}

function megabytes(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback * 1024 * 1024
  const mb = Number(raw)
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`${name} must be a number of megabytes ≥ 0, got "${raw}"`)
  return Math.round(mb * 1024 * 1024)
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer 0–65535, got "${env.PORT}"`)
  }
  const databaseUrl = env.DATABASE_URL || undefined
  const databaseReadUrl = env.DATABASE_READ_URL || undefined
  // A replica of the embedded database cannot exist: say so rather than ignore the setting.
  if (databaseReadUrl && !databaseUrl) throw new Error('DATABASE_READ_URL is a replica of DATABASE_URL: set DATABASE_URL too')
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl,
    databaseReadUrl,
    embeddedDataDir: path.resolve(env.PARKATLAS_DATA_DIR ?? '.parkatlas/pgdata'),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    production: env.NODE_ENV === 'production',
    sessionIdleSeconds: positiveHours(env, 'SESSION_IDLE_HOURS', 12),
    sessionMaxSeconds: positiveHours(env, 'SESSION_MAX_HOURS', 24 * 7),
    secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === '1' : env.NODE_ENV === 'production',
    statementTimeoutMs: positiveSeconds(env, 'STATEMENT_TIMEOUT_SECONDS', 30),
    requestTimeoutMs: positiveSeconds(env, 'REQUEST_TIMEOUT_SECONDS', 30),
    basemap: basemapFrom(env),
    redisUrl: env.REDIS_URL || undefined,
    tileCacheBytes: megabytes(env, 'TILE_CACHE_MB', 64),
  }
}
