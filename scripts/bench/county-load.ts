/**
 * Loads a county layout into the park schema: one bench zone covering it, the enterprises, the
 * parcels. Batched `INSERT … SELECT FROM unnest($n::text[])`, geometry as hex EWKB (no decimal
 * text to parse) cast per element: a `geometry[]` literal would need PostGIS's array delimiter,
 * ':', which node-postgres does not write. The parcels' secondary indexes are dropped for the load
 * and built once after it, rather than updated row by row.
 */
import pg from 'pg'
import { COUNTY_BBOX, type CountyLayout } from './county-layout'

export const BENCH_ZONE_ID = 'bench-county'
/** Bump when the layout changes, so `npm run bench` regenerates a stale dataset. */
export const LAYOUT_VERSION = 2

export function datasetFingerprint(n: number, seed: number): string {
  return `county-parcels v${LAYOUT_VERSION} n=${n} seed=${seed}`
}

/** The fingerprint of the loaded dataset, or null when there is none. */
export async function loadedFingerprint(pool: pg.Pool): Promise<string | null> {
  const { rows } = await pool.query<{ note: string | null }>('SELECT note FROM zones WHERE id = $1', [BENCH_ZONE_ID])
  return rows[0]?.note ?? null
}

/** Little-endian EWKB of a one-polygon, one-ring MultiPolygon in EPSG:4326, as hex. */
function ewkbMultiPolygon(ring: [number, number][]): string {
  const buf = Buffer.alloc(13 + 9 + 4 + ring.length * 16)
  let o = 0
  o = buf.writeUInt8(1, o)
  o = buf.writeUInt32LE(0x20000006, o) // MultiPolygon with SRID
  o = buf.writeUInt32LE(4326, o)
  o = buf.writeUInt32LE(1, o)
  o = buf.writeUInt8(1, o)
  o = buf.writeUInt32LE(3, o) // Polygon
  o = buf.writeUInt32LE(1, o)
  o = buf.writeUInt32LE(ring.length, o)
  for (const [x, y] of ring) {
    o = buf.writeDoubleLE(x, o)
    o = buf.writeDoubleLE(y, o)
  }
  return buf.toString('hex')
}

function ewkbPoint([x, y]: [number, number]): string {
  const buf = Buffer.alloc(25)
  buf.writeUInt8(1, 0)
  buf.writeUInt32LE(0x20000001, 1)
  buf.writeUInt32LE(4326, 5)
  buf.writeDoubleLE(x, 9)
  buf.writeDoubleLE(y, 17)
  return buf.toString('hex')
}

const TABLES = 'idle_plots, projects, parcels, enterprise_figures, enterprises, zones, chemical_clusters, utilities, basemap'

async function insertEnterprises(client: pg.PoolClient, layout: CountyLayout, batch: number): Promise<void> {
  for (let i = 0; i < layout.enterprises.length; i += batch) {
    const part = layout.enterprises.slice(i, i + batch)
    await client.query(
      `INSERT INTO enterprises (id, name_zh, name_en, industry, is_chemical, geom)
       SELECT u.id, '县域企业 ' || right(u.id, 6), 'County firm ' || right(u.id, 6), u.industry,
              u.industry = 'chemical_pharma', u.ewkb::geometry
       FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, industry, ewkb)`,
      [part.map((e) => e.id), part.map((e) => e.industry), part.map((e) => ewkbPoint(e.at))],
    )
  }
}

async function insertParcels(client: pg.PoolClient, layout: CountyLayout, batch: number): Promise<void> {
  for (let i = 0; i < layout.parcels.length; i += batch) {
    const part = layout.parcels.slice(i, i + batch)
    await client.query(
      `INSERT INTO parcels (id, zone_id, land_use, status, enterprise_id, price_wan_per_mu, geom)
       SELECT u.id, $1, u.land_use, u.status, u.enterprise_id, u.price, u.ewkb::geometry
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[])
            AS u(id, land_use, status, enterprise_id, price, ewkb)`,
      [
        BENCH_ZONE_ID,
        part.map((p) => p.id),
        part.map((p) => p.landUse),
        part.map((p) => p.status),
        part.map((p) => (p.enterprise === null ? null : layout.enterprises[p.enterprise]!.id)),
        part.map((p) => p.priceWanPerMu),
        part.map((p) => ewkbMultiPolygon(p.ring)),
      ],
    )
  }
}

/**
 * One year of figures for every firm that holds land, so the per-mu ranking (GET /api/metrics/per-mu)
 * has the county's firms to grade. Deterministic: each figure is the firm's held mu times a per-mu
 * rate drawn from a hash of its id (hashtext is stable for a given PostgreSQL build). The ratios
 * are the sample park's broad ones (scripts/sample-park/figures.ts), not a calibrated model.
 */
export const FIGURES_YEAR = 2022
async function insertFigures(client: pg.PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO enterprise_figures (enterprise_id, year, revenue_wan, value_added_wan, profit_wan, tax_wan,
                                     electricity_kwh, energy_tce, rnd_wan, employees)
     SELECT h.enterprise_id, $1, round((h.mu * r.revenue)::numeric, 1), round((h.mu * r.revenue * 0.22)::numeric, 1),
            round((h.mu * r.revenue * (r.u - 0.3) * 0.2)::numeric, 1), round((h.mu * r.revenue * 0.03)::numeric, 1),
            round(h.mu * r.revenue * (300 + 1500 * r.u)), round((h.mu * r.revenue * (300 + 1500 * r.u) * 0.000155)::numeric, 1),
            round((h.mu * r.revenue * 0.02 * r.u)::numeric, 1), greatest(3, round(h.mu * r.revenue / 120))::int
     FROM (SELECT enterprise_id, sum(ST_Area(geom::geography)) * 15 / 10000 AS mu
           FROM parcels WHERE enterprise_id IS NOT NULL GROUP BY enterprise_id) h,
          LATERAL (SELECT abs(hashtext(h.enterprise_id)) % 1000 / 1000.0 AS u) u,
          LATERAL (SELECT u.u, 60 + 600 * u.u * u.u AS revenue) r`,
    [FIGURES_YEAR],
  )
}

export interface LoadTimings {
  insertMs: number
  indexMs: number
  analyzeMs: number
}

const since = (t: number): number => performance.now() - t

/**
 * Replaces every layer's rows with the county (one transaction), rebuilds the parcels' indexes
 * from their own definitions (pg_indexes, so they stay the migration's), then VACUUM ANALYZE.
 */
export async function loadCounty(pool: pg.Pool, layout: CountyLayout, fingerprint: string, batch = 5000): Promise<LoadTimings> {
  const client = await pool.connect()
  const t0 = performance.now()
  let insertMs = 0
  try {
    await client.query('BEGIN')
    // CASCADE: whatever else later migrations hang off these tables goes too (a dedicated bench database).
    await client.query(`TRUNCATE ${TABLES} CASCADE`)
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = 'parcels'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    )
    for (const ix of indexes) await client.query(`DROP INDEX ${pg.escapeIdentifier(ix.indexname)}`)
    const [w, s, e, n] = COUNTY_BBOX
    await client.query(
      `INSERT INTO zones (id, name_zh, name_en, kind, status, note, geom)
       VALUES ($1, '基准测试县域', 'Benchmark county (generated)', 'park_zone', 'current', $2,
               ST_Multi(ST_MakeEnvelope($3, $4, $5, $6, 4326)))`,
      [BENCH_ZONE_ID, fingerprint, w, s, e, n],
    )
    await insertEnterprises(client, layout, batch)
    await insertParcels(client, layout, batch)
    await insertFigures(client)
    insertMs = since(t0)
    const t1 = performance.now()
    for (const ix of indexes) await client.query(ix.indexdef)
    await client.query('COMMIT')
    const indexMs = since(t1)
    const t2 = performance.now()
    await client.query('VACUUM ANALYZE parcels')
    await client.query('VACUUM ANALYZE enterprises')
    await client.query('VACUUM ANALYZE enterprise_figures')
    return { insertMs, indexMs, analyzeMs: since(t2) }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}

export interface DatasetStats {
  parcels: number
  enterprises: number
  minMu: number
  medianMu: number
  maxMu: number
  totalKm2: number
  invalid: number
  extent: string
}

/** Counts, ellipsoidal sizes and validity of the loaded parcels, measured by PostGIS. */
export async function datasetStats(pool: pg.Pool): Promise<DatasetStats> {
  const { rows } = await pool.query<DatasetStats>(
    `WITH a AS (SELECT ST_Area(geom::geography) * 15 / 10000 AS mu, ST_IsValid(geom) AS valid FROM parcels)
     SELECT count(*)::int AS parcels, (SELECT count(*)::int FROM enterprises) AS enterprises,
            min(mu) AS "minMu", percentile_cont(0.5) WITHIN GROUP (ORDER BY mu) AS "medianMu", max(mu) AS "maxMu",
            sum(mu) / 1500 AS "totalKm2", count(*) FILTER (WHERE NOT valid)::int AS invalid,
            (SELECT ST_Extent(geom)::text FROM parcels) AS extent
     FROM a`,
  )
  return rows[0]!
}

/** Pairs of parcels whose interiors meet (should be 0: the layout tiles each block). Slow-ish: ~1 M relates. */
export async function overlappingPairs(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM parcels a JOIN parcels b ON a.id < b.id AND a.geom && b.geom
     WHERE ST_Relate(a.geom, b.geom, '2********')`,
  )
  return rows[0]!.n
}
