import { area as turfArea } from '@turf/turf'
import proj4 from 'proj4'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import {
  PARK,
  WGS84,
  deepFreeze,
  geodesicSquare,
  geographiclib,
  polygon,
  referenceArea,
  referenceRingArea,
  seededRandom,
  starRing,
} from '../../../tests/helpers/geodesy'
import { GeometryError, geodesicArea, measureAreas, polygonalGeometries, ringArea } from './geodesic-area'
import { muToM2 } from './units'

// The reference: GeographicLib's own PolygonArea, loaded through Node's CommonJS path (not the
// module under test's import) and driven by a loop written out plainly, in tests/helpers/geodesy.ts.
const { Geodesic } = geographiclib

/**
 * How close two ellipsoidal areas must be: 1e-9 relative (the agreement the README promises), plus 3 cm² of absolute
 * slack for rounding: GeographicLib's edge term carries ~2e-5 m² of noise, and on many-edged
 * shapes of a few metres its sum misses the exact (equal-area plane) figure by up to ~2e-4 m².
 */
function tolerance(m2: number): number {
  return 1e-9 * m2 + 3e-4
}

function reversed(ring: Position[]): Position[] {
  return [...ring].reverse()
}

describe('geodesicArea against GeographicLib', () => {
  it.each([
    ['1 m²', 1],
    ['1 ha', 100],
    ['1 km²', 1000],
    ['9 km²', 3000],
    ['100 km²', 10_000],
  ])('matches on a geodesic square of %s near 28.70°N 115.40°E', (_, side) => {
    const square = polygon(geodesicSquare(side))
    const expected = referenceArea(square)
    expect(Math.abs(geodesicArea(square) - expected)).toBeLessThanOrEqual(tolerance(expected))
    // Independent of any area code: a geodesic square is very nearly side².
    expect(geodesicArea(square) / (side * side)).toBeCloseTo(1, 3)
  })

  it('matches on a 1,000-vertex parcel outline', () => {
    const outline = polygon(starRing(1000, 1200, (i) => 1 + 0.3 * Math.sin((14 * Math.PI * i) / 1000), PARK.lat, PARK.lon, 'clockwise'))
    const expected = referenceArea(outline)
    expect(Math.abs(geodesicArea(outline) - expected)).toBeLessThanOrEqual(tolerance(expected))
  })

  it('agrees with an exact equal-area plane figure on shapes a few metres across', () => {
    // Lambert azimuthal equal-area (ellipsoidal, proj4) keeps area exactly, and within 10 m of its
    // centre a geodesic edge is straight to ~1e-12 m: the plane shoelace area is the truth here.
    const random = seededRandom(42)
    for (let run = 0; run < 50; run++) {
      const lat = PARK.lat + (random() - 0.5) * 0.2
      const lon = PARK.lon + (random() - 0.5) * 0.2
      const ring = starRing(3 + Math.floor(random() * 40), 1 + random() * 9, () => 0.2 + random(), lat, lon, 'clockwise')
      // proj4's laea needs explicit +x_0/+y_0 (it returns NaN without them)
      const laea = proj4(
        '+proj=longlat +datum=WGS84 +no_defs',
        `+proj=laea +lat_0=${lat} +lon_0=${lon} +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs`,
      )
      const plane = ring.map((position) => laea.forward(position as [number, number]))
      let twice = 0
      for (let i = 0; i < plane.length - 1; i++) {
        const [x1, y1] = plane[i] as [number, number]
        const [x2, y2] = plane[i + 1] as [number, number]
        twice += x1 * y2 - x2 * y1
      }
      expect(Math.abs(geodesicArea(polygon(ring)) - Math.abs(twice) / 2)).toBeLessThanOrEqual(tolerance(Math.abs(twice) / 2))
    }
  })

  it('subtracts holes, whatever the orientation of either ring', () => {
    const outer = geodesicSquare(1000)
    const hole = starRing(40, 200, () => 1, PARK.lat + 0.004, PARK.lon + 0.005, 'clockwise')
    const expected = referenceRingArea(outer) - referenceRingArea(hole)
    for (const shape of [
      polygon(outer, hole),
      polygon(reversed(outer), hole),
      polygon(outer, reversed(hole)),
      polygon(reversed(outer), reversed(hole)),
    ]) {
      expect(Math.abs(geodesicArea(shape) - expected)).toBeLessThanOrEqual(tolerance(expected))
    }
  })

  it('sums MultiPolygon parts', () => {
    const parts: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[geodesicSquare(300)], [geodesicSquare(500, PARK.lat + 0.02, PARK.lon)]],
    }
    const expected = referenceArea(parts)
    expect(Math.abs(geodesicArea(parts) - expected)).toBeLessThanOrEqual(tolerance(expected))
    expect(geodesicArea(parts)).toBeCloseTo(
      geodesicArea(polygon(geodesicSquare(300))) + geodesicArea(polygon(geodesicSquare(500, PARK.lat + 0.02, PARK.lon))),
      6,
    )
  })

  it('handles rings around a pole, across the antimeridian, and long edges', () => {
    const aroundPole = polygon([[0, 85], [90, 85], [180, 85], [-90, 85], [0, 85]])
    const acrossAntimeridian = polygon([[179.99, -16.5], [-179.98, -16.5], [-179.98, -16.49], [179.99, -16.49], [179.99, -16.5]])
    const bigTriangle = polygon([[115, 28], [116, 28], [115.5, 29], [115, 28]])
    for (const shape of [aroundPole, acrossAntimeridian, bigTriangle]) {
      const expected = referenceArea(shape)
      expect(Math.abs(geodesicArea(shape) - expected)).toBeLessThanOrEqual(tolerance(expected))
    }
  })

  it('does not mutate its input', () => {
    const shape = deepFreeze(polygon(geodesicSquare(1000), starRing(12, 100, () => 1, PARK.lat + 0.004, PARK.lon + 0.005, 'clockwise')))
    const copy = structuredClone(shape)
    expect(() => geodesicArea(shape)).not.toThrow()
    expect(shape).toEqual(copy)
  })
})

describe('measureAreas', () => {
  const plot = (side: number, name: string): Feature<Polygon> => ({
    type: 'Feature',
    properties: { name },
    geometry: polygon(geodesicSquare(side, PARK.lat + side / 1e5, PARK.lon)),
  })

  it('gives per-feature and total areas in m², mu and ha', () => {
    const collection: FeatureCollection<Polygon> = deepFreeze({
      type: 'FeatureCollection',
      features: [plot(100, 'a'), plot(1033, 'b'), plot(250, 'c')],
    })
    const report = measureAreas(collection)
    expect(report.features).toHaveLength(3)
    collection.features.forEach((feature, i) => {
      const m2 = referenceArea(feature.geometry)
      const summary = report.features[i]!
      expect(Math.abs(summary.m2 - m2)).toBeLessThanOrEqual(tolerance(m2))
      expect(summary.mu).toBeCloseTo(summary.m2 / muToM2(1), 9)
      expect(summary.ha).toBeCloseTo(summary.m2 / 10_000, 12)
    })
    expect(report.total.m2).toBeCloseTo(report.features.reduce((sum, f) => sum + f.m2, 0), 6)
    expect(report.total.mu).toBeCloseTo((report.total.m2 * 15) / 10_000, 9)
  })

  it('treats a bare geometry or a Feature as one feature, and an empty collection as zero', () => {
    const feature = plot(100, 'a')
    expect(measureAreas(feature).features).toHaveLength(1)
    expect(measureAreas(feature.geometry).total.m2).toBe(measureAreas(feature).total.m2)
    expect(measureAreas({ type: 'FeatureCollection', features: [] })).toEqual({
      features: [],
      total: { m2: 0, mu: 0, ha: 0 },
    })
  })

  it('names the bad feature in its error', () => {
    const broken = {
      type: 'FeatureCollection',
      features: [plot(100, 'ok'), { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[115.4, 28.7], [115.5, 28.7]] } }],
    } as unknown as FeatureCollection<Polygon>
    expect(() => measureAreas(broken)).toThrowError(/features\[1\]\.geometry: only Polygon and MultiPolygon have an area/)
  })

  it('lists the polygonal geometries it measured, as the input objects', () => {
    const feature = plot(100, 'a')
    expect(polygonalGeometries(feature)[0]).toBe(feature.geometry)
  })
})

describe('bad input throws GeometryError', () => {
  const square = geodesicSquare(100)
  const cases: [string, unknown, RegExp, string][] = [
    ['a Point', { type: 'Point', coordinates: [115.4, 28.7] }, /only Polygon and MultiPolygon/, ''],
    ['a Feature without geometry', { type: 'Feature', properties: {}, geometry: null }, /expected a Polygon or MultiPolygon, got null/, 'geometry'],
    ['not an object', 'POLYGON((0 0))', /expected GeoJSON/, ''],
    ['a FeatureCollection without features', { type: 'FeatureCollection' }, /needs a features array/, 'features'],
    ['a polygon without rings', polygon(), /at least its outer ring/, 'coordinates'],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, /at least one polygon/, 'coordinates'],
    ['an unclosed ring', polygon(square.slice(0, -1)), /not closed/, 'coordinates[0]'],
    ['a ring of 3 positions', polygon([[115.4, 28.7], [115.5, 28.7], [115.4, 28.7]]), /at least 4 positions/, 'coordinates[0]'],
    ['a NaN coordinate', polygon([square[0]!, [Number.NaN, 28.7], ...square.slice(2)]), /finite numbers/, 'coordinates[0][1]'],
    ['a string coordinate', polygon([square[0]!, ['115.4', 28.7] as unknown as Position, ...square.slice(2)]), /finite numbers/, 'coordinates[0][1]'],
    ['a position of one number', polygon([square[0]!, [115.4], ...square.slice(2)]), /\[longitude, latitude\]/, 'coordinates[0][1]'],
    ['longitude 200', polygon([[200, 28.7], [200.1, 28.7], [200.1, 28.8], [200, 28.7]]), /out of range/, 'coordinates[0][0]'],
    ['latitude 95', polygon([[115.4, 95], [115.5, 95], [115.5, 95.1], [115.4, 95]]), /out of range/, 'coordinates[0][0]'],
    [
      'Gauss-Krüger metres',
      polygon([[38_636_813, 3_176_822], [38_636_913, 3_176_822], [38_636_913, 3_176_922], [38_636_813, 3_176_822]]),
      /projected metres/,
      'coordinates[0][0]',
    ],
    ['a hole larger than its shell', polygon(geodesicSquare(100), geodesicSquare(200)), /holes .* larger than the outer ring/, 'coordinates'],
  ]

  it.each(cases)('%s', (_, input, message, path) => {
    let error: unknown
    try {
      measureAreas(input as Polygon)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(GeometryError)
    expect((error as GeometryError).message).toMatch(message)
    expect((error as GeometryError).path).toBe(path)
    expect((error as GeometryError).code).toBe('invalid_geometry')
  })

  it('geodesicArea takes geometries only', () => {
    const feature = { type: 'Feature', properties: {}, geometry: polygon(square) }
    expect(() => geodesicArea(feature as unknown as Polygon)).toThrowError(/got type "Feature"/)
  })

  it('checks a single ring the same way', () => {
    expect(() => ringArea(square.slice(0, -1))).toThrowError(GeometryError)
    expect(ringArea(square)).toBeCloseTo(geodesicArea(polygon(square)), 9)
  })
})

describe('why not turf.area, and why WGS84 serves CGCS2000', () => {
  it('turf.area (spherical) reads 0.1–0.2 % high at 28.7°N', () => {
    const plot = polygon(geodesicSquare(Math.sqrt(muToM2(1600))))
    const relativeError = turfArea(plot) / geodesicArea(plot) - 1
    expect(relativeError).toBeGreaterThan(0.001)
    expect(relativeError).toBeLessThan(0.002)
  })

  it('CGCS2000 (GRS80) and WGS84 areas differ by far less than 1e-9', () => {
    const cgcs2000 = new Geodesic.Geodesic(6378137, 1 / 298.257222101)
    for (const side of [100, 1000, 10_000]) {
      const shape = polygon(geodesicSquare(side))
      const relative = Math.abs(referenceArea(shape, cgcs2000) / referenceArea(shape) - 1)
      expect(relative).toBeLessThan(1e-10)
    }
  })
})

describe('fuzz: random valid polygons from a fixed seed', () => {
  it('stay positive, ignore orientation and match GeographicLib', () => {
    const random = seededRandom(20220701)
    for (let run = 0; run < 300; run++) {
      const n = 3 + Math.floor(random() * 60)
      const radius = 10 ** (random() * 4) // 1 m … 10 km
      const bearings = Array.from({ length: n }, () => random() * 360).sort((a, b) => a - b)
      const lat = PARK.lat + (random() - 0.5) * 0.2
      const lon = PARK.lon + (random() - 0.5) * 0.2
      const ring: Position[] = bearings.map((bearing) => {
        const p = WGS84.Direct(lat, lon, bearing, radius * (0.2 + random()))
        return [p.lon2 as number, p.lat2 as number]
      })
      ring.push(ring[0] as Position)
      const shape = deepFreeze(polygon(ring))
      const area = geodesicArea(shape)
      const expected = referenceArea(shape)
      expect(area).toBeGreaterThan(0)
      expect(Math.abs(geodesicArea(polygon(reversed(ring))) - area)).toBeLessThanOrEqual(tolerance(area))
      expect(Math.abs(area - expected), `run ${run}: ${n} vertices, radius ${radius} m`).toBeLessThanOrEqual(tolerance(expected))
    }
  })
})
