import type { FeatureCollection, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { deepFreeze } from '../../../../tests/helpers/geodesy'
import { gaussKrugerZoneByEpsg, loadGaussKrugerConverter } from '../gauss-kruger'
import { coordinateTable, coordinateTableCsv } from './coords-csv'

// Counter-clockwise, starting at the south-west corner (as terra-draw stores polygons).
const ccw: Polygon = { type: 'Polygon', coordinates: [[[115.4, 28.7], [115.402, 28.7], [115.402, 28.701], [115.4, 28.701], [115.4, 28.7]]] }
const cw: Polygon = { type: 'Polygon', coordinates: [[...ccw.coordinates[0]!].reverse()] }
const collection = (geometry: Polygon): FeatureCollection<Polygon> => deepFreeze({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] })

describe('coordinateTable (界址点)', () => {
  it('runs clockwise from the north-west corner, J1…Jn and back to J1, whatever the drawing order; input not mutated', async () => {
    const gk = await loadGaussKrugerConverter(gaussKrugerZoneByEpsg(4547))
    for (const polygon of [ccw, cw]) {
      const table = await coordinateTable(collection(polygon))
      expect(table.zone).toMatchObject({ epsg: 4547, centralMeridian: 114, zonePrefix: false })
      expect(table.points.map((p) => p.no)).toEqual(['J1', 'J2', 'J3', 'J4', 'J1'])
      const corners = [[115.4, 28.701], [115.402, 28.701], [115.402, 28.7], [115.4, 28.7], [115.4, 28.701]].map(([lon, lat]) => gk.toPlane(lon!, lat!))
      table.points.forEach((p, i) => {
        expect(p.y).toBeCloseTo(corners[i]![0], 6)
        expect(p.x).toBeCloseTo(corners[i]![1], 6)
      })
      expect(table.points[4]!.sideM).toBeNull()
      expect(table.points[0]!.sideM).toBeCloseTo(Math.hypot(corners[1]![0] - corners[0]![0], corners[1]![1] - corners[0]![1]), 9)
      // The plane area is the shoelace area of the very points listed.
      let twice = 0
      for (let i = 0; i < 4; i++) twice += table.points[i]!.y * table.points[i + 1]!.x - table.points[i + 1]!.y * table.points[i]!.x
      expect(table.planeM2).toBeCloseTo(Math.abs(twice) / 2, 3)
    }
  })

  it('puts the zone number in front of the easting with zonePrefix (EPSG:4526)', async () => {
    const plain = await coordinateTable(collection(ccw))
    const prefixed = await coordinateTable(collection(ccw), { zonePrefix: true })
    expect(prefixed.zone.epsg).toBe(4526)
    expect(prefixed.points[0]!.y - plain.points[0]!.y).toBeCloseTo(38_000_000, 6)
    expect(prefixed.points[0]!.x).toBeCloseTo(plain.points[0]!.x, 9)
  })
})

describe('coordinateTableCsv', () => {
  it('writes title, notes, header, points to the mm and closes on J1', () => {
    const points = [
      { no: 'J1', ring: 1, x: 3176933.1234, y: 636813.5, sideM: 195.456 },
      { no: 'J2', ring: 1, x: 3176933, y: 637008.9, sideM: 110.8 },
      { no: 'J3', ring: 1, x: 3176822.2, y: 637008.9, sideM: 195.4 },
      { no: 'J1', ring: 1, x: 3176933.1234, y: 636813.5, sideM: null },
    ]
    const csv = coordinateTableCsv({ zone: gaussKrugerZoneByEpsg(4547), planeM2: 0, points }, {
      title: '界址点坐标表',
      notes: ['坐标系：CGCS2000 3度带, EPSG:4547', 'note with "quotes"'],
      columns: ['点号', 'X（北坐标）/m', 'Y（东坐标）/m', '边长/m', '圈号'],
    })
    expect(csv.split('\r\n')).toEqual([
      '界址点坐标表',
      '"坐标系：CGCS2000 3度带, EPSG:4547"',
      '"note with ""quotes"""',
      '',
      '点号,X（北坐标）/m,Y（东坐标）/m,边长/m',
      'J1,3176933.123,636813.500,195.46',
      'J2,3176933.000,637008.900,110.80',
      'J3,3176822.200,637008.900,195.40',
      'J1,3176933.123,636813.500,',
      '',
    ])
  })
})
