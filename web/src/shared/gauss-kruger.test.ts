import type { FeatureCollection, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { PARK, WGS84, deepFreeze, geodesicSquare, polygon } from '../../../tests/helpers/geodesy'
import { GeometryError, geodesicArea } from './geodesic-area'
import {
  gaussKrugerArea,
  gaussKrugerProj4,
  gaussKrugerZoneByCentralMeridian,
  gaussKrugerZoneByEpsg,
  gaussKrugerZoneForLongitude,
  gaussKrugerZoneHolds,
  loadGaussKrugerConverter,
} from './gauss-kruger'

/**
 * Point scale factor of the transverse Mercator (k0 = 1) to fourth order in A = Δλ·cos φ
 * (Snyder, Map Projections — A Working Manual, eq. 8-11), GRS80.
 */
function scaleFactor(lon: number, lat: number, centralMeridian: number): number {
  const f = 1 / 298.257222101
  const e2 = f * (2 - f)
  const ep2 = e2 / (1 - e2)
  const phi = (lat * Math.PI) / 180
  const a = (((lon - centralMeridian) * Math.PI) / 180) * Math.cos(phi)
  const t = Math.tan(phi) ** 2
  const c = ep2 * Math.cos(phi) ** 2
  return 1 + ((1 + c) * a ** 2) / 2 + ((5 - 4 * t + 42 * c + 13 * c * c - 28 * ep2) * a ** 4) / 24
}

/** Midpoint of a geodesicSquare's diagonal, as [lon, lat]. */
function centreOf(ring: Position[]): [number, number] {
  const [west, south] = ring[0] as [number, number]
  const [east, north] = ring[2] as [number, number]
  return [(west + east) / 2, (south + north) / 2]
}

describe('zone choice', () => {
  it('puts the park (115.4°E) in the zone of 114°E: EPSG:4547, or 4526 with the zone prefix', () => {
    expect(gaussKrugerZoneForLongitude(115.4)).toEqual({ centralMeridian: 114, zone: 38, zonePrefix: false, epsg: 4547 })
    expect(gaussKrugerZoneForLongitude(115.4, true)).toEqual({ centralMeridian: 114, zone: 38, zonePrefix: true, epsg: 4526 })
  })

  it('rounds to the nearest central meridian', () => {
    expect(gaussKrugerZoneForLongitude(112.6).centralMeridian).toBe(114)
    expect(gaussKrugerZoneForLongitude(115.6).centralMeridian).toBe(117)
    expect(gaussKrugerZoneForLongitude(73.5).centralMeridian).toBe(75)
    expect(gaussKrugerZoneForLongitude(136.4).centralMeridian).toBe(135)
  })

  it('covers EPSG:4513–4533 (prefixed) and 4534–4554 both ways', () => {
    expect(gaussKrugerZoneByEpsg(4513)).toEqual({ centralMeridian: 75, zone: 25, zonePrefix: true, epsg: 4513 })
    expect(gaussKrugerZoneByEpsg(4533)).toEqual({ centralMeridian: 135, zone: 45, zonePrefix: true, epsg: 4533 })
    expect(gaussKrugerZoneByEpsg(4534)).toEqual({ centralMeridian: 75, zone: 25, zonePrefix: false, epsg: 4534 })
    expect(gaussKrugerZoneByEpsg(4554)).toEqual({ centralMeridian: 135, zone: 45, zonePrefix: false, epsg: 4554 })
    for (let cm = 75; cm <= 135; cm += 3) {
      for (const prefix of [false, true]) {
        const zone = gaussKrugerZoneByCentralMeridian(cm, prefix)
        expect(gaussKrugerZoneByEpsg(zone.epsg)).toEqual(zone)
      }
    }
  })

  it.each([
    ['longitude 70°E', () => gaussKrugerZoneForLongitude(70)],
    ['longitude NaN', () => gaussKrugerZoneForLongitude(Number.NaN)],
    ['central meridian 115', () => gaussKrugerZoneByCentralMeridian(115)],
    ['central meridian 72', () => gaussKrugerZoneByCentralMeridian(72)],
    ['EPSG:4512', () => gaussKrugerZoneByEpsg(4512)],
    ['EPSG:4555', () => gaussKrugerZoneByEpsg(4555)],
    ['EPSG:4326', () => gaussKrugerZoneByEpsg(4326)],
  ])('rejects %s with GeometryError', (_, call) => {
    expect(call).toThrowError(GeometryError)
  })

  it('builds the proj4 definition with and without the zone prefix', () => {
    expect(gaussKrugerProj4(gaussKrugerZoneByEpsg(4547))).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
    )
    expect(gaussKrugerProj4(gaussKrugerZoneByEpsg(4526))).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
    )
  })
})

describe('loadGaussKrugerConverter', () => {
  it('projects the park into zone 38 and back', async () => {
    const plain = await loadGaussKrugerConverter(gaussKrugerZoneByEpsg(4547))
    const prefixed = await loadGaussKrugerConverter(gaussKrugerZoneByEpsg(4526))
    const [easting, northing] = plain.toPlane(PARK.lon, PARK.lat)
    // East of the central meridian, ~3,177 km north of the equator.
    expect(easting).toBeGreaterThan(600_000)
    expect(easting).toBeLessThan(700_000)
    expect(northing).toBeGreaterThan(3_170_000)
    expect(northing).toBeLessThan(3_180_000)
    expect(prefixed.toPlane(PARK.lon, PARK.lat)[0]).toBeCloseTo(38_000_000 + easting, 6)
    const [lon, lat] = plain.toLonLat(easting, northing)
    expect(lon).toBeCloseTo(PARK.lon, 10)
    expect(lat).toBeCloseTo(PARK.lat, 10)
  })

  it('keeps distances on the central meridian true (k = 1)', async () => {
    const gk = await loadGaussKrugerConverter(gaussKrugerZoneByEpsg(4547))
    const south = gk.toPlane(114, 28.7)
    const north = WGS84.Direct(28.7, 114, 0, 1000)
    const end = gk.toPlane(north.lon2 as number, north.lat2 as number)
    expect(end[0]).toBeCloseTo(500_000, 6)
    expect(end[1] - south[1]).toBeCloseTo(1000, 6)
  })
})

describe('gaussKrugerArea', () => {
  it('exceeds the ellipsoidal area of a 1 km² square at 115.4°E by the squared scale factor', async () => {
    const ring = geodesicSquare(1000)
    const result = await gaussKrugerArea(polygon(ring))
    expect(result).toMatchObject({ epsg: 4547, centralMeridian: 114 })
    const ratio = result.m2 / geodesicArea(polygon(ring))
    const cornerScales = ring.map(([lon, lat]) => scaleFactor(lon as number, lat as number, 114) ** 2)
    // ≈ 1 + (1.4°·cos 28.7°)²·(1 + η²) = 1.00046…; the square spans k² ± 1.7e-6 corner to corner
    expect(ratio).toBeGreaterThan(Math.min(...cornerScales) - 1e-9)
    expect(ratio).toBeLessThan(Math.max(...cornerScales) + 1e-9)
    expect(Math.abs(ratio - scaleFactor(...centreOf(ring), 114) ** 2)).toBeLessThan(1e-8)
  })

  it('equals the ellipsoidal area on the central meridian', async () => {
    const shape = polygon(geodesicSquare(1000, 28.7, 113.995))
    const result = await gaussKrugerArea(shape)
    expect(result.centralMeridian).toBe(114)
    expect(Math.abs(result.m2 / geodesicArea(shape) - 1)).toBeLessThan(1e-8)
  })

  it('takes the zone the caller names', async () => {
    const ring = geodesicSquare(1000)
    const shape = polygon(ring)
    const auto = await gaussKrugerArea(shape)
    const prefixed = await gaussKrugerArea(shape, { epsg: 4526 })
    expect(prefixed.epsg).toBe(4526)
    expect(prefixed.centralMeridian).toBe(114)
    // the prefix only shifts eastings; at 38.6 million metres a double keeps ~7e-9 m
    expect(Math.abs(prefixed.m2 / auto.m2 - 1)).toBeLessThan(1e-11)
    expect((await gaussKrugerArea(shape, { zonePrefix: true })).epsg).toBe(4526)
    const neighbour = await gaussKrugerArea(shape, { centralMeridian: 117 })
    expect(neighbour).toMatchObject({ epsg: 4548, centralMeridian: 117 })
    // 1.6° from 117°E distorts more than 1.4° from 114°E
    expect(neighbour.m2).toBeGreaterThan(auto.m2)
    expect(Math.abs(neighbour.m2 / geodesicArea(shape) - scaleFactor(...centreOf(ring), 117) ** 2)).toBeLessThan(1e-8)
  })

  it('refuses an EPSG code and a central meridian that disagree', async () => {
    await expect(gaussKrugerArea(polygon(geodesicSquare(100)), { epsg: 4547, centralMeridian: 117 })).rejects.toThrowError(
      GeometryError,
    )
  })

  it('picks the zone from the centroid of all features and sums them, holes taken out', async () => {
    const hole = geodesicSquare(200, PARK.lat + 0.002, PARK.lon + 0.002)
    const collection: FeatureCollection<Polygon> = deepFreeze({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: polygon(geodesicSquare(1000), hole) },
        { type: 'Feature', properties: {}, geometry: polygon(geodesicSquare(500, PARK.lat + 0.03, PARK.lon)) },
      ],
    })
    const copy = structuredClone(collection)
    const total = await gaussKrugerArea(collection)
    const parts = await Promise.all(collection.features.map((feature) => gaussKrugerArea(feature)))
    expect(total.epsg).toBe(4547)
    expect(total.m2).toBeCloseTo((parts[0]?.m2 ?? 0) + (parts[1]?.m2 ?? 0), 6)
    const withoutHole = await gaussKrugerArea(polygon(geodesicSquare(1000)))
    const holeOnly = await gaussKrugerArea(polygon(hole))
    expect(parts[0]?.m2).toBeCloseTo(withoutHole.m2 - holeOnly.m2, 6)
    expect(collection).toEqual(copy)
  })

  it('gives the same area for either orientation', async () => {
    const ring = geodesicSquare(700)
    const forward = await gaussKrugerArea(polygon(ring))
    const backward = await gaussKrugerArea(polygon([...ring].reverse()))
    expect(backward.m2).toBeCloseTo(forward.m2, 8)
  })

  it('chooses 117°E for a shape centred east of 115.5°E', async () => {
    expect((await gaussKrugerArea(polygon(geodesicSquare(1000, 28.7, 115.6)))).centralMeridian).toBe(117)
  })

  it('rejects bad geometry and shapes outside China with GeometryError', async () => {
    await expect(gaussKrugerArea(polygon(geodesicSquare(100).slice(0, -1)))).rejects.toThrowError(GeometryError)
    await expect(gaussKrugerArea(polygon(geodesicSquare(100, 48.85, 2.35)))).rejects.toThrowError(/outside the CGCS2000/)
  })
})

describe('a zone measures only shapes that lie in it', () => {
  it('holds what lies within its central meridian ± 1.5°, with a quarter degree to spare', () => {
    const zone114 = gaussKrugerZoneByCentralMeridian(114)
    expect(gaussKrugerZoneHolds(zone114, 112.5, 115.5)).toBe(true)
    expect(gaussKrugerZoneHolds(zone114, 115.3, 115.5)).toBe(true)
    expect(gaussKrugerZoneHolds(zone114, 112.25, 115.75)).toBe(true)
    expect(gaussKrugerZoneHolds(zone114, 115.5, 115.76)).toBe(false)
    expect(gaussKrugerZoneHolds(zone114, 112.24, 113)).toBe(false)
    expect(gaussKrugerZoneHolds(gaussKrugerZoneByCentralMeridian(75), 114.99, 115.01)).toBe(false)
  })

  it('refuses a central meridian far from the shape: 75°E for a shape at 115°E', async () => {
    const shape = polygon(geodesicSquare(1000, 28.7, 115))
    await expect(gaussKrugerArea(shape, { centralMeridian: 75 })).rejects.toThrowError(GeometryError)
    await expect(gaussKrugerArea(shape, { centralMeridian: 75 })).rejects.toThrowError(
      /does not lie in the 3° Gauss-Krüger zone of central meridian 75°E \(73\.5°E–76\.5°E.*its zone is 114°E \(EPSG:4547\)/,
    )
  })

  it('refuses an EPSG zone far from the shape, naming the zone it does lie in', async () => {
    const shape = polygon(geodesicSquare(1000))
    await expect(gaussKrugerArea(shape, { epsg: 4534 })).rejects.toThrowError(/options\.epsg: .*central meridian 75°E.*its zone is 114°E \(EPSG:4547\)/)
    // with the prefix asked for, the suggestion keeps it
    await expect(gaussKrugerArea(shape, { epsg: 4513 })).rejects.toThrowError(/EPSG:4526/)
    await expect(gaussKrugerArea(shape, { epsg: 4549 })).rejects.toThrowError(/central meridian 120°E/)
  })

  it('takes the neighbouring zone for a shape just past the strip (the park at 115.4°E in 117°E)…', async () => {
    expect((await gaussKrugerArea(polygon(geodesicSquare(1000)), { centralMeridian: 117 })).centralMeridian).toBe(117)
  })

  it('…but not for one 1.8° away', async () => {
    await expect(gaussKrugerArea(polygon(geodesicSquare(1000, 28.7, 115.19)), { centralMeridian: 117 })).rejects.toThrowError(/does not lie in/)
  })

  it('refuses, by default too, a shape wider than any one zone', async () => {
    const wide = polygon([[112, 28], [117.5, 28], [117.5, 29], [112, 29], [112, 28]])
    await expect(gaussKrugerArea(wide)).rejects.toThrowError(/spans 112°E–117\.5°E, wider than one 3° Gauss-Krüger zone/)
  })
})
