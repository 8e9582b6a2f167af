// POST /api/convert/export: a FeatureCollection out as a file; GDAL's ogrinfo is the independent
// reader of what it writes (Shapefile with its CRS and Chinese field names, KML, DXF, GeoJSON).
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { forEachDatabase } from '../helpers/databases'
import { tableState } from '../helpers/table-state'

const run = promisify(execFile)
// DXF_ENCODING: AutoCAD 2007+ DXF (AC1021, what the export writes) is UTF-8 by the DXF spec, but
// GDAL 3.6 reads every DXF as its $DWGCODEPAGE, ANSI_1252 by default, unless told.
const ogrinfo = async (...args: string[]) =>
  (await run('/usr/bin/ogrinfo', args, { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, DXF_ENCODING: 'UTF-8' } })).stdout
const FIXTURES = path.join(__dirname, '../fixtures/convert/in')
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name))

/** The point lines of a 界址点 file, parcel by parcel. */
const pointLines = (text: string) => text.split(/\r?\n/).filter((l) => /^J\d+,\d+,/.test(l) || l.endsWith(',@')).map((l) => (l.endsWith(',@') ? '@' : l))

forEachDatabase((ctx) => {
  async function parcels() {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/convert/import?format=jzd-txt', payload: fixture('jzd-prefixed-utf8.txt'), headers: { 'content-type': 'application/octet-stream' } })
    expect(res.statusCode, res.body).toBe(200)
    const { type, features } = res.json()
    return { type, features }
  }
  const exportAs = (query: string, body: unknown) => ctx.app.inject({ method: 'POST', url: `/api/convert/export?${query}`, payload: body as object })

  async function written(query: string, ext: string): Promise<{ file: string; bytes: Buffer; headers: Record<string, unknown> }> {
    const res = await exportAs(query, await parcels())
    expect(res.statusCode, res.body).toBe(200)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-'))
    const file = path.join(dir, `out.${ext}`)
    fs.writeFileSync(file, res.rawPayload)
    return { file, bytes: res.rawPayload, headers: res.headers }
  }

  describe('POST /api/convert/export', () => {
    it('writes the 界址点 file back to the same coordinates, to the millimetre, in GBK', async () => {
      const before = await tableState(ctx.db.pool)
      const { bytes, headers } = await written('format=jzd-txt&epsg=4526&encoding=gbk&name=南区扩区', 'txt')
      expect(headers['content-type']).toBe('text/plain; charset=GBK')
      expect(headers['content-disposition']).toBe(`attachment; filename="____.txt"; filename*=UTF-8''${encodeURIComponent('南区扩区')}.txt`)
      const text = new TextDecoder('gbk').decode(bytes)
      expect(pointLines(text)).toEqual(pointLines(fixture('jzd-prefixed-utf8.txt').toString('utf8')))
      expect(text).toContain('南区扩区二号地块')
      expect(await tableState(ctx.db.pool)).toEqual(before)
    })

    it('writes a Shapefile zip GDAL reads with its CRS and Chinese field names, unzipped and through /vsizip/', async () => {
      const { file, bytes } = await written('format=shp&epsg=4547', 'zip')
      expect(Object.keys(unzipSync(new Uint8Array(bytes))).sort()).toEqual(['boundary.cpg', 'boundary.dbf', 'boundary.prj', 'boundary.shp', 'boundary.shx'])
      const dir = path.dirname(file)
      for (const [name, content] of Object.entries(unzipSync(new Uint8Array(bytes)))) fs.writeFileSync(path.join(dir, name), content)
      for (const source of [path.join(dir, 'boundary.shp'), `/vsizip/${file}`]) {
        const summary = await ogrinfo('-ro', '-al', '-so', source)
        expect(summary).toContain('Geometry: Polygon')
        expect(summary).toContain('Feature Count: 2')
        expect(summary).toMatch(/CGCS2000/)
        expect(summary).toContain('PROJCRS["CGCS2000 / 3-degree Gauss-Kruger CM 114E"') // GDAL names it EPSG:4547's way
        expect(summary).toContain('PARAMETER["Longitude of natural origin",114')
        for (const field of ['编号', '名称', '用途', '地类码', '公顷']) expect(summary).toContain(`${field}:`)
        const rows = await ogrinfo('-ro', '-al', '-q', source)
        expect(rows).toContain('名称 (String) = 南区扩区一号地块')
        expect(rows).toContain('名称 (String) = 南区扩区二号地块')
        expect(rows).toMatch(/POLYGON \(\(634117\.078\d* 3178613\.898/)
      }
    })

    it('writes a lon/lat Shapefile in CGCS2000 (EPSG:4490) by default', async () => {
      const { file } = await written('format=shp', 'zip')
      const summary = await ogrinfo('-ro', '-al', '-so', `/vsizip/${file}`)
      expect(summary).toMatch(/China Geodetic Coordinate System 2000|China_2000|CGCS2000/)
      expect(summary).not.toMatch(/Transverse|Gauss/i)
    })

    it.each([
      ['kml', 'kml', /Name \(String\) = 南区扩区一号地块/],
      ['geojson', 'geojson', /名称 \(String\) = 南区扩区一号地块/],
      ['dxf', 'dxf', /Layer \(String\) = 南区扩区一号地块/],
    ])('writes %s that GDAL reads with names and both parcels', async (format, ext, name) => {
      const { file } = await written(`format=${format}`, ext)
      const rows = await ogrinfo('-ro', '-al', '-q', file)
      expect(rows).toMatch(name)
      expect(rows).toContain('南区扩区二号地块')
      if (format === 'dxf') expect(rows).toMatch(/38634117\.078\d* 3178613\.898/) // GK metres with the zone number
      else expect(rows).toMatch(/POLYGON \(\(115\.\d+ 28\.\d+/)
    })

    it('refuses to export a self-intersecting boundary (422), and anything not polygons', async () => {
      const bowtie = { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.41, 28.71], [115.41, 28.7], [115.4, 28.71], [115.4, 28.7]]] }
      const res = await exportAs('format=jzd-txt', bowtie)
      expect(res.statusCode).toBe(422)
      expect(res.json().error.message).toMatch(/feature 1: Self-intersection at \[115\.40\d*, 28\.70\d*\]/)
      const line = await exportAs('format=kml', { type: 'LineString', coordinates: [[115.4, 28.7], [115.41, 28.71]] })
      expect(line.statusCode).toBe(422)
      expect(line.json().error.message).toMatch(/only Polygon and MultiPolygon/)
      const far = await exportAs('format=dxf&epsg=4530', await parcels())
      expect(far.statusCode).toBe(422)
      expect(far.json().error.message).toMatch(/query\.epsg: .*does not lie in the 3° Gauss-Krüger zone/)
    })
  })
}, { signedInAs: 'planner' })
