/**
 * The load run's database: its own server PostGIS database (default `parkatlas_load`), emptied and
 * loaded with the sample park on every run, so the run starts from a known state and never touches
 * the app's data or the 100k-parcel bench set. Opened like the bench's (bench-db.ts: created if
 * missing, PostGIS and the migrations applied), then reset.
 *
 * Also here: one account and one session per load connection (written straight into `sessions`,
 * like tests/helpers/auth.ts `sessionAs`: no login rate limit, no argon2 per session), and the
 * shapes and objects the mix requests, read from the loaded park.
 */
import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { hashPassword } from '../../server/auth/passwords'
import type { Role } from '../../web/src/shared/access-policy'
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, createSession, csrfTokenFor } from '../../server/auth/sessions'
import { insertUser } from '../../server/auth/users'
import { migrate } from '../../server/db/migrate'
import { loadSamplePark } from '../../server/db/sample-park'
import { openBenchDatabase, type OpenBenchDatabase } from './bench-db'

export const DEFAULT_LOAD_URL = 'postgres://postgres@127.0.0.1:5432/parkatlas_load'

/** LOAD_DATABASE_URL or the local parkatlas_load; its name must say "load": the run empties it. */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.LOAD_DATABASE_URL || DEFAULT_LOAD_URL
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  if (!name.includes('load')) {
    throw new Error(`refusing to empty database "${name}" for the load run: its name must contain "load" (set LOAD_DATABASE_URL, e.g. ${DEFAULT_LOAD_URL})`)
  }
  return url
}

/** Creates (if missing), empties, migrates and loads the sample park. Returns the rows loaded per table. */
export async function openLoadDatabase(url: string): Promise<{ db: OpenBenchDatabase; loaded: Record<string, number>; setupMs: number }> {
  const t0 = performance.now()
  const db = await openBenchDatabase({ kind: 'postgres', where: url })
  try {
    // From nothing, as tests/helpers/global-setup.ts does for a server test database.
    await db.pool.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public')
    await migrate(db.pool)
    const loaded = await loadSamplePark(db.pool)
    await db.pool.query('VACUUM ANALYZE')
    return { db, loaded, setupMs: performance.now() - t0 }
  } catch (err) {
    await db.close()
    throw err
  }
}

/** Who a load connection is: a role with its own account and session, or the anonymous public. */
export type LoadPrincipal = Role | 'anonymous'

export interface LoadSession {
  principal: LoadPrincipal
  /** The account's email (what the audit log records as actor); null for the public. */
  email: string | null
  /** Cookie and CSRF header, as a browser sends them; empty for the public. */
  headers: Record<string, string>
}

/**
 * One account per signed-in connection (`load-<role>-<n>@parkatlas.invalid`), so each has its own
 * rate-limit bucket and its own name in the audit log, and a session for it.
 */
export async function loadSessions(pool: pg.Pool, principals: readonly LoadPrincipal[]): Promise<LoadSession[]> {
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url')) // never used to sign in
  const out: LoadSession[] = []
  for (const [i, principal] of principals.entries()) {
    if (principal === 'anonymous') {
      out.push({ principal, email: null, headers: {} })
      continue
    }
    const email = `load-${principal.replace('_', '-')}-${i + 1}@parkatlas.invalid`
    const user = await insertUser(pool, { email, display_name: `Load run ${principal} ${i + 1}`, role: principal, password_hash: passwordHash })
    if (!user) throw new Error(`load account ${email} exists already: the database was not reset`)
    const { token } = await createSession(pool, user.id, { idleSeconds: 3600, maxSeconds: 3600 })
    const csrf = csrfTokenFor(token)
    out.push({ principal, email, headers: { cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf } })
  }
  return out
}

export type BBox = [number, number, number, number]

/** An object the run edits, with a tiny bbox inside it: the features endpoint there returns its version. */
export interface EditTarget {
  entity: 'parcels' | 'scenarios'
  id: string
  probe: BBox
  /** A scenario's boundary, which each new version saves again (so the probe stays inside it). */
  geometry?: unknown
}

export interface LoadSubjects {
  /** The map view the reads ask for: the middle quarter of the park's parcels. */
  bbox: BBox
  parcelsInBbox: number
  /** A small drawn boundary (12 vertices, ≈0.3 km²) for overlap and area. */
  boundary: { type: 'Polygon'; coordinates: number[][][] }
  boundaryKm2: number
  /** Parcels on offer: the public parcel sheets, in turn. */
  availableIds: string[]
  parcels: EditTarget[]
  scenarios: EditTarget[]
}

const probeAround = (x: number, y: number): BBox => [x - 1e-6, y - 1e-6, x + 1e-6, y + 1e-6]

/** A 12-corner star-shaped polygon of about `radiusM` around lon/lat; deterministic. */
function smallBoundary(lon: number, lat: number, radiusM: number): LoadSubjects['boundary'] {
  const mPerDegLat = 110_850
  const mPerDegLon = 111_412.84 * Math.cos((lat * Math.PI) / 180)
  const ring: number[][] = []
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * 2 * Math.PI
    const r = radiusM * (k % 2 === 0 ? 1.1 : 0.85)
    ring.push([Math.round((lon + (r * Math.cos(a)) / mPerDegLon) * 1e7) / 1e7, Math.round((lat + (r * Math.sin(a)) / mPerDegLat) * 1e7) / 1e7])
  }
  ring.push(ring[0]!)
  return { type: 'Polygon', coordinates: [ring] }
}

/**
 * What the mix requests, from the loaded park: `editParcels` occupied parcels (shared by every land
 * officer connection, so their writes race); the scenarios come later (`scenarioTargets`).
 */
export async function loadSubjects(pool: pg.Pool, editParcels: number): Promise<LoadSubjects> {
  const ext = await pool.query<{ x0: number; y0: number; x1: number; y1: number }>(
    `SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1 FROM (SELECT ST_Extent(geom)::geometry AS e FROM parcels) s`,
  )
  const { x0, y0, x1, y1 } = ext.rows[0]!
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const bbox: BBox = [cx - (x1 - x0) / 4, cy - (y1 - y0) / 4, cx + (x1 - x0) / 4, cy + (y1 - y0) / 4].map((v) => Math.round(v * 1e6) / 1e6) as BBox
  const boundary = smallBoundary(cx, cy, 300)
  const [inBbox, area, available, parcels] = await Promise.all([
    pool.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)', bbox),
    pool.query<{ m2: number }>('SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)::geography) AS m2', [JSON.stringify(boundary)]),
    pool.query<{ id: string }>(`SELECT id FROM parcels WHERE status = 'available' ORDER BY id`),
    pool.query<{ id: string; x: number; y: number }>(
      `SELECT id, ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT id, ST_PointOnSurface(geom) AS p FROM parcels WHERE status = 'occupied' ORDER BY id LIMIT $1) s`,
      [editParcels],
    ),
  ])
  if (parcels.rows.length < editParcels) throw new Error(`the park has only ${parcels.rows.length} occupied parcels; ${editParcels} wanted`)
  if (available.rows.length === 0) throw new Error('the park has no available parcel for the public parcel sheet')
  return {
    bbox,
    parcelsInBbox: inBbox.rows[0]!.n,
    boundary,
    boundaryKm2: area.rows[0]!.m2 / 1e6,
    availableIds: available.rows.map((r) => r.id),
    parcels: parcels.rows.map((r) => ({ entity: 'parcels', id: r.id, probe: probeAround(r.x, r.y) })),
    scenarios: [],
  }
}

/** The rezoning scenarios the planners save versions of, with a probe bbox inside each (latest version) and its boundary. */
export async function scenarioTargets(pool: pg.Pool, scenarioIds: readonly string[]): Promise<EditTarget[]> {
  const { rows } = await pool.query<{ id: string; x: number; y: number; geometry: unknown }>(
    `SELECT id, ST_X(p) AS x, ST_Y(p) AS y, geometry FROM (
       SELECT s.id, ST_PointOnSurface(v.geom) AS p, ST_AsGeoJSON(v.geom, 15)::jsonb AS geometry
       FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.n = s.version WHERE s.id = ANY($1)) s ORDER BY id`,
    [scenarioIds],
  )
  if (rows.length !== scenarioIds.length) throw new Error(`rezoning scenarios missing: wanted ${scenarioIds.join(', ')}, found ${rows.map((r) => r.id).join(', ') || 'none'}`)
  return rows.map((r) => ({ entity: 'scenarios', id: r.id, probe: probeAround(r.x, r.y), geometry: r.geometry }))
}

/** Current version of each target, and the audit log's last id: the state the run starts from. */
export async function editState(pool: pg.Pool, targets: readonly EditTarget[]): Promise<{ versions: Map<string, number>; auditMaxId: number }> {
  const versions = new Map<string, number>()
  for (const entity of ['parcels', 'scenarios'] as const) {
    const ids = targets.filter((t) => t.entity === entity).map((t) => t.id)
    const { rows } = await pool.query<{ id: string; version: number }>(`SELECT id, version FROM ${entity} WHERE id = ANY($1)`, [ids])
    for (const r of rows) versions.set(`${entity}/${r.id}`, r.version)
  }
  const { rows } = await pool.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_log')
  return { versions, auditMaxId: rows[0]!.id }
}
