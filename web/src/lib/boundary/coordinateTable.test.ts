import type { Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { gaussKrugerZoneByEpsg, loadGaussKrugerConverter } from '../../shared/gauss-kruger'
import { boundaryPoints, buildCoordinateTable, coordinateTableCsv } from './coordinateTable'

// Counter-clockwise, starting at the south-west corner (as terra-draw stores polygons).
const ccw: Polygon = {
  type: 'Polygon',
  coordinates: [[[115.4, 28.7], [115.402, 28.7], [115.402, 28.701], [115.4, 28.701], [115.4, 28.7]]],
}
const cw: Polygon = { type: 'Polygon', coordinates: [[...ccw.coordinates[0]!].reverse()] }
const identity = (lon: number, lat: number): [number, number] => [lon, lat]

describe('boundaryPoints (界址点)', () => {
  it('runs clockwise from the north-west corner, J1…Jn, whatever the drawing order', () => {
    for (const polygon of [ccw, cw]) {
      const points = boundaryPoints(polygon, identity)
      expect(points.map((p) => p.no)).toEqual(['J1', 'J2', 'J3', 'J4'])
      // X is the northing, Y the easting: NW, NE, SE, SW.
      expect(points.map((p) => [p.y, p.x])).toEqual([[115.4, 28.701], [115.402, 28.701], [115.402, 28.7], [115.4, 28.7]])
    }
  })

  it('gives each side to the next point, the last back to J1', () => {
    const points = boundaryPoints(ccw, identity)
    expect(points.map((p) => p.sideM)).toEqual([expect.closeTo(0.002, 12), expect.closeTo(0.001, 12), expect.closeTo(0.002, 12), expect.closeTo(0.001, 12)])
  })

  it('does not mutate its input', () => {
    const frozen = JSON.parse(JSON.stringify(ccw)) as Polygon
    for (const p of frozen.coordinates[0]!) Object.freeze(p)
    Object.freeze(frozen.coordinates[0])
    expect(() => boundaryPoints(frozen, identity)).not.toThrow()
    expect(frozen).toEqual(ccw)
  })
})

describe('buildCoordinateTable', () => {
  it('uses the CGCS2000 3° zone of the centroid: EPSG:4547 (114°E) at the park', async () => {
    const table = await buildCoordinateTable(ccw)
    expect(table.zone).toMatchObject({ epsg: 4547, centralMeridian: 114, zonePrefix: false })
    const gk = await loadGaussKrugerConverter(gaussKrugerZoneByEpsg(4547))
    const [e, n] = gk.toPlane(115.4, 28.701)
    expect(table.points[0]).toMatchObject({ no: 'J1', x: n, y: e })
    expect(table.points[0]!.x).toBeGreaterThan(3_170_000)
    expect(table.points[0]!.y).toBeGreaterThan(600_000)
    expect(table.points[0]!.y).toBeLessThan(700_000)
    // The plane area is the shoelace area of the very points listed.
    const pts = table.points
    let twice = 0
    pts.forEach((p, i) => {
      const q = pts[(i + 1) % pts.length]!
      twice += p.y * q.x - q.y * p.x
    })
    expect(table.planeM2).toBeCloseTo(Math.abs(twice) / 2, 3)
  })

  it('puts the zone number in front of the easting with zonePrefix (EPSG:4526)', async () => {
    const plain = await buildCoordinateTable(ccw)
    const prefixed = await buildCoordinateTable(ccw, true)
    expect(prefixed.zone.epsg).toBe(4526)
    expect(prefixed.points[0]!.y - plain.points[0]!.y).toBeCloseTo(38_000_000, 6)
    expect(prefixed.points[0]!.x).toBeCloseTo(plain.points[0]!.x, 9)
  })
})

describe('coordinateTableCsv', () => {
  it('writes title, notes, header, points to the mm and closes on J1', () => {
    const points = [
      { no: 'J1', x: 3176933.1234, y: 636813.5, sideM: 195.456 },
      { no: 'J2', x: 3176933, y: 637008.9, sideM: 110.8 },
      { no: 'J3', x: 3176822.2, y: 637008.9, sideM: 195.4 },
    ]
    const csv = coordinateTableCsv(points, {
      title: '界址点坐标表',
      notes: ['坐标系：CGCS2000 3度带, EPSG:4547', 'note with "quotes"'],
      columns: ['点号', 'X（北坐标）/m', 'Y（东坐标）/m', '边长/m'],
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
