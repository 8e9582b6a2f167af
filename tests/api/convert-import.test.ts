// POST /api/convert/import: survey files in, lon/lat polygons out, nothing saved; every bad file a
// 4xx that names what is wrong, with the tables unchanged.
import fs from 'node:fs'
import path from 'node:path'
import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { CONVERT_BODY_LIMIT_BYTES } from '../../web/src/shared/api/convert'
import { forEachDatabase } from '../helpers/databases'
import { referenceArea } from '../helpers/geodesy'
import { tableState } from '../helpers/table-state'

const FIXTURES = path.join(__dirname, '../fixtures/convert/in')
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name))

const HEADER = '[地块坐标]\r\n5,1.0,A-1,甲地块,面,,,,@\r\n'
const point = (no: number, x: number, y: number) => `J${no},1,${x.toFixed(3)},${y.toFixed(3)}\r\n`

forEachDatabase((ctx) => {
  const upload = (body: Buffer | string, query: string) =>
    ctx.app.inject({ method: 'POST', url: `/api/convert/import?${query}`, payload: body, headers: { 'content-type': 'application/octet-stream' } })

  describe('POST /api/convert/import', () => {
    it('reads a 界址点 file (GBK, no zone prefix) into two parcels, saving nothing', async () => {
      const before = await tableState(ctx.db.pool)
      const res = await upload(fixture('jzd-plain-gbk.txt'), 'format=jzd-txt')
      expect(res.statusCode, res.body).toBe(200)
      expect(res.headers['content-type']).toContain('application/json')
      const body = res.json()
      expect(body.type).toBe('FeatureCollection')
      expect(body.crs_detected).toEqual({ epsg: 4547, source: 'file', name: 'CGCS2000 3° Gauss-Krüger, central meridian 114°E (EPSG:4547)' })
      expect(body.notes).toContain('read as GBK')
      expect(body.features.map((f: { properties: { 名称: string } }) => f.properties.名称)).toEqual(['南区扩区一号地块', '南区扩区二号地块'])
      expect((body.features[1].geometry as Polygon).coordinates).toHaveLength(2)
      // the ellipsoidal area PostGIS gives agrees with GeographicLib's on the imported shape
      const { rows } = await ctx.db.pool.query<{ m2: number }>('SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)::geography) AS m2', [JSON.stringify(body.features[1].geometry)])
      const reference = referenceArea(body.features[1].geometry)
      expect(Math.abs(rows[0]!.m2 - reference) / reference).toBeLessThan(1e-9)
      expect(await tableState(ctx.db.pool)).toEqual(before)
    })

    it('takes the zone from ?epsg= when the file gives none', async () => {
      const file = HEADER + point(1, 3178613.898, 634117.078) + point(2, 3178695.891, 634258.451) + point(3, 3178517.02, 634493.487) + point(1, 3178613.898, 634117.078)
      const res = await upload(file, 'format=jzd-txt&epsg=4547')
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().crs_detected).toMatchObject({ epsg: 4547, source: 'option' })
      expect(res.json().notes.join(' ')).toMatch(/header \(line 2\) says 5 points, the file lists 4/)
    })

    const square = (x: number, y: number, d = 100) => [point(1, x, y), point(2, x, y + d), point(3, x - d, y + d), point(4, x - d, y), point(1, x, y)].join('')
    const bowtie = [point(1, 3178600, 38634100), point(2, 3178600, 38634200), point(3, 3178500, 38634100), point(4, 3178500, 38634200), point(1, 3178600, 38634100)].join('')
    const manyVertices = (() => {
      const n = 100_001
      const lines = ['[地块坐标]', `${n + 1},1,big,大,面,,,,@`]
      for (let i = 0; i <= n; i++) {
        const a = (2 * Math.PI * (i % n)) / n
        lines.push(`J${(i % n) + 1},1,${(3178600 + 500 * Math.sin(a)).toFixed(3)},${(38634100 + 500 * Math.cos(a)).toFixed(3)}`)
      }
      return lines.join('\r\n')
    })()
    it.each([
      ['garbage', 'jzd-txt', Buffer.from([0x50, 0x4b, 0, 1, 2, 3, 0xff]), 400, /no \[地块坐标\] section/],
      ['an empty body', 'jzd-txt', '', 400, /body is empty/],
      ['a ring of three points', 'jzd-txt', '[地块坐标]\r\n3,1,A,甲,面,,,,@\r\n' + point(1, 3178600, 38634100) + point(2, 3178600, 38634200) + point(1, 3178600, 38634100), 422, /ring 1 \(line 3\): a ring needs at least 3 distinct corners/],
      ['a self-intersection', 'jzd-txt', '[地块坐标]\r\n5,1,A,甲,面,,,,@\r\n' + bowtie, 422, /feature 1 \(甲\): Self-intersection at \[115\.\d+, 28\.\d+\]/],
      ['coordinates outside any Chinese zone', 'jzd-txt', '[地块坐标]\r\n5,1,A,甲,面,,,,@\r\n' + square(6578600, 38634100), 422, /outside any Chinese Gauss-Krüger zone/],
      ['a zone the file contradicts', 'jzd-txt&epsg=4530', HEADER + square(3178600, 38634100), 422, /query\.epsg: the eastings carry zone 38/],
      ['over 100,000 vertices', 'jzd-txt', manyVertices, 422, /100002 vertices, over the 100000/],
      ['not JSON', 'geojson', '{"type":', 400, /not JSON/],
      ['GeoJSON with only points', 'geojson', JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [115.4, 28.7] } }), 422, /holds no polygon/],
      ['a KML that is no KML', 'kml', '<html><body/></html>', 400, /no <kml> element/],
      ['a Shapefile that is no zip', 'shp', 'hello', 400, /not a zip archive/],
      ['a DXF without closed polylines', 'dxf', '0\nSECTION\n2\nENTITIES\n0\nENDSEC\n0\nEOF\n', 422, /no closed polyline/],
      ['a table without coordinates', 'coords-csv', '点号,X,Y\r\n', 400, /no line holds an X and a Y/],
    ])('refuses %s with a message naming it, saving nothing', async (_, query, body, status, message) => {
      const before = await tableState(ctx.db.pool)
      const res = await upload(typeof body === 'string' ? body : body, `format=${query}`)
      expect(res.statusCode, res.body).toBe(status)
      expect(res.json().error.message).toMatch(message)
      expect(await tableState(ctx.db.pool)).toEqual(before)
    }, 120_000)

    it('refuses a body over 50 MB with 413', async () => {
      const res = await upload(Buffer.alloc(CONVERT_BODY_LIMIT_BYTES + 1, 0x20), 'format=jzd-txt')
      expect(res.statusCode).toBe(413)
    })

    it('refuses an unknown format and a bad epsg at the edge', async () => {
      expect((await upload('x', 'format=docx')).statusCode).toBe(400)
      expect((await upload('x', 'format=jzd-txt&epsg=4326')).statusCode).toBe(400)
      expect((await upload('x', '')).statusCode).toBe(400)
    })
  })
}, { signedInAs: 'planner' })
