// Every format round-trips the 界址点 fixture's parcels: same corners (to the millimetre in the
// plane, 1e-9° in lon/lat), same names, holes kept.
import fs from 'node:fs'
import path from 'node:path'
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { deepFreeze, referenceArea } from '../../../../tests/helpers/geodesy'
import type { ConvertFormat, ImportedFeatureCollection } from '../api/convert'
import { formatOfFileName, loadConverter } from './index'
import { jzdTxt } from './jzd-txt'

const FIXTURES = path.join(__dirname, '../../../../tests/fixtures/convert/in')
const parcels = async (): Promise<ImportedFeatureCollection> =>
  deepFreeze((await jzdTxt.read(new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'jzd-prefixed-utf8.txt'))))).features)

const corners = (g: Polygon | MultiPolygon): string[][] =>
  (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).map((ring) => ring.slice(0, -1).map((p: Position) => `${(p[0] as number).toFixed(8)},${(p[1] as number).toFixed(8)}`).sort())

describe('every format round-trips geometry and names', () => {
  it.each(['geojson', 'kml', 'kmz', 'shp', 'dxf', 'jzd-txt'] as ConvertFormat[])('%s', async (format) => {
    const input = await parcels()
    const converter = await loadConverter(format)
    const written = await converter.write(input, { name: 'south' })
    expect(written.filename.startsWith('south.')).toBe(true)
    const back = await converter.read(written.bytes)
    expect(back.features.features).toHaveLength(2)
    back.features.features.forEach((feature, i) => {
      const original = input.features[i]!
      expect(corners(feature.geometry)).toEqual(corners(original.geometry))
      expect(Math.abs(referenceArea(feature.geometry) - referenceArea(original.geometry)) / referenceArea(original.geometry)).toBeLessThan(1e-9)
      expect(feature.properties?.['名称']).toBe(original.properties?.['名称'])
    })
  })

  it('shp in a GK zone (?epsg=4547) comes back at the same place', async () => {
    const input = await parcels()
    const shp = await loadConverter('shp')
    const back = await shp.read((await shp.write(input, { epsg: 4547 })).bytes)
    expect(back.crs_detected).toMatchObject({ epsg: 4547, source: 'file' })
    back.features.features.forEach((f, i) => expect(corners(f.geometry)).toEqual(corners(input.features[i]!.geometry)))
  })

  it('coords-csv carries one boundary with its hole, and reads the table it writes', async () => {
    const input = await parcels()
    const csv = await loadConverter('coords-csv')
    const one: ImportedFeatureCollection = { type: 'FeatureCollection', features: [input.features[1]!] }
    const written = await csv.write(one, { epsg: 4526 })
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(written.bytes)
    expect(text).toMatch(/^\uFEFF界址点坐标表\r\n/)
    expect(text).toContain('EPSG:4526')
    const back = await csv.read(written.bytes)
    expect(back.crs_detected.epsg).toBe(4526)
    expect(corners(back.features.features[0]!.geometry)).toEqual(corners(one.features[0]!.geometry))
  })

  it('coords-csv reads a pasted table: tabs, no header, zone from ?epsg', async () => {
    const csv = await loadConverter('coords-csv')
    const pasted = 'J1\t3178613.898\t634117.078\nJ2\t3178695.891\t634258.451\nJ3\t3178517.020\t634493.487\n'
    const { features, notes, crs_detected } = await csv.read(new TextEncoder().encode(pasted), { epsg: 4547 })
    expect(crs_detected).toMatchObject({ epsg: 4547, source: 'option' })
    expect((features.features[0]!.geometry as Polygon).coordinates[0]).toHaveLength(4)
    expect(notes.join(' ')).toMatch(/ring closed/)
  })

  it('names formats by file ending', () => {
    expect(formatOfFileName('南区.TXT')).toBe('jzd-txt')
    expect(formatOfFileName('a.kmz')).toBe('kmz')
    expect(formatOfFileName('a.zip')).toBe('shp')
    expect(formatOfFileName('a.doc')).toBeUndefined()
  })
})
