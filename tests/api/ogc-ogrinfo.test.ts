// A real OGC API – Features client against /ogc: GDAL's ogrinfo (Debian gdal-bin), over HTTP on a
// port, on each database. It lists the collections, counts a collection, and reads every feature
// through the next links.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { poolFor } from '../../server/db/connect'
import { layerViews } from '../../server/layers/catalog'
import { testDatabases } from '../helpers/databases'
import { PUBLIC_PARCEL_STATUSES } from '../../web/src/shared/park-vocabulary'

// Asynchronous on purpose: the server answering ogrinfo runs in this process.
const run = promisify(execFile)
const OGRINFO = '/usr/bin/ogrinfo'

async function ogrinfo(...args: string[]): Promise<string> {
  const { stdout } = await run(OGRINFO, args, { timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GDAL_HTTP_TIMEOUT: '60' } })
  return stdout
}

for (const target of testDatabases()) {
  describe(`ogrinfo against /ogc on ${target.kind} PostGIS`, () => {
    const pool = poolFor(target.url, target.kind)
    let app: Awaited<ReturnType<typeof buildApp>>
    let source = ''
    beforeAll(async () => {
      app = await buildApp({ db: { pool, kind: target.kind, close: () => pool.end() } })
      source = `OAPIF:${await app.listen({ port: 0, host: '127.0.0.1' })}/ogc`
    })
    afterAll(async () => {
      await app?.close()
      await pool.end()
    })

    it('lists the public collections, without idle_plots', async () => {
      const out = await ogrinfo('-ro', '-q', source)
      const listed = [...out.matchAll(/^\d+: (\w+)/gm)].map((m) => m[1])
      expect(listed).toEqual(layerViews('public').map((v) => v.layer.id))
      expect(listed).not.toContain('idle_plots')
    })

    it('counts every public collection as the public view holds it', async () => {
      for (const view of layerViews('public')) {
        const out = await ogrinfo('-ro', '-al', '-so', source, view.layer.id)
        const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${view.layer.source} WHERE ${view.where ?? 'TRUE'}) x`)
        expect(out, view.layer.id).toContain(`Feature Count: ${rows[0]!.n}`)
      }
    })

    it('a spatial filter (-spat) is sent as bbox and keeps what ST_Intersects keeps', async () => {
      const box = ['115.38', '28.66', '115.41', '28.69']
      const out = await ogrinfo('-ro', '-al', '-q', '-geom=NO', '-spat', ...box, source, 'parcels')
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels WHERE ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))', box.map(Number))
      expect(rows[0]!.n).toBeGreaterThan(0)
      expect([...out.matchAll(/^OGRFeature\(parcels\)/gm)]).toHaveLength(rows[0]!.n)
    })

    it("reports the parcels layer's feature count and geometry type", async () => {
      const out = await ogrinfo('-ro', '-al', '-so', source, 'parcels')
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM parcels')
      expect(out).toMatch(/Geometry: Multi Polygon/)
      expect(out).toContain(`Feature Count: ${rows[0]!.n}`)
      // Typed from the collection's schema (describedBy), not guessed from a first page without prices.
      for (const [field, type] of [['zone_id', 'String'], ['land_use', 'String'], ['status', 'String'], ['price_wan_per_mu', 'Real'], ['area_m2', 'Real']]) {
        expect(out).toMatch(new RegExp(`^${field}: ${type} `, 'm'))
      }
      expect(out).not.toMatch(/^(note|enterprise_id|version): /m)
    })

    it('reads every parcel, page after page, with its attributes', { timeout: 180_000 }, async () => {
      const out = await ogrinfo('-ro', '-al', '-q', '-geom=NO', source, 'parcels')
      const { rows } = await pool.query<{ id: string; status: string }>(
        "SELECT id, CASE WHEN status = ANY($1) THEN status ELSE 'occupied' END AS status FROM parcels ORDER BY id",
        [PUBLIC_PARCEL_STATUSES],
      )
      const read = [...out.matchAll(/^\s+id \(String\) = (.+)$/gm)].map((m) => m[1]!.trim())
      expect(read.sort()).toEqual(rows.map((r) => r.id))
      const statuses = [...out.matchAll(/^\s+status \(String\) = (.+)$/gm)].map((m) => m[1]!.trim())
      expect(statuses).toHaveLength(rows.length)
      expect(new Set(statuses)).toEqual(new Set(rows.map((r) => r.status)))
    })

    it("fetches one feature by id (GDAL asks /items/{id} for an id filter)", async () => {
      const out = await ogrinfo('-ro', '-al', '-q', '-geom=NO', source, 'parcels', '-where', "id = 'HX-001'")
      expect([...out.matchAll(/^\s+id \(String\) = (.+)$/gm)].map((m) => m[1])).toEqual(['HX-001'])
    })

    it('GDAL’s own EPSG:4547 (PROJ, client-side) agrees with the server’s crs=EPSG:4547 to 1e-6 m, axes swapped', async () => {
      // GDAL 3.6 has no OAPIF CRS option (Part 2 came in 3.7): it reads CRS84 and reprojects itself,
      // an independent check of the server's Gauss-Krüger coordinates and their northing-first order.
      const out = await run('/usr/bin/ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', '-t_srs', 'EPSG:4547', '-lco', 'COORDINATE_PRECISION=9', source, 'parcels', '-where', "id = 'HX-001'"], { timeout: 120_000 })
      const gdal = JSON.parse(out.stdout) as { features: { geometry: { coordinates: number[][][][] } }[] }
      const [easting, northing] = gdal.features[0]!.geometry.coordinates[0]![0]![0]!
      const res = await fetch(`${source.slice('OAPIF:'.length)}/collections/parcels/items/HX-001?crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4547')}`)
      expect(res.headers.get('content-crs')).toBe('<http://www.opengis.net/def/crs/EPSG/0/4547>')
      const ours = ((await res.json()) as { geometry: { coordinates: number[][][][] } }).geometry.coordinates[0]![0]![0]!
      expect(Math.abs(ours[0]! - northing!)).toBeLessThan(1e-6)
      expect(Math.abs(ours[1]! - easting!)).toBeLessThan(1e-6)
    })
  })
}
