import { createRequire } from 'node:module'
import type { MultiPolygon, Polygon, Position } from 'geojson'

// GeographicLib itself, loaded through Node's CommonJS path: the reference the API is held to.
export const geographiclib = createRequire(import.meta.url)('geographiclib-geodesic') as typeof import('geographiclib-geodesic')
export const WGS84 = geographiclib.Geodesic.WGS84

export const PARK = { lat: 28.7, lon: 115.4 }

/** |area| of one ring by GeographicLib's PolygonArea (on WGS84 unless told), m². */
export function referenceRingArea(ring: Position[], geodesic = WGS84): number {
  const p = geodesic.Polygon(false)
  for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat as number, lon as number)
  return Math.abs(p.Compute(false, true).area as number)
}

/** Outer rings minus holes, summed over parts, by GeographicLib (on WGS84 unless told). */
export function referenceArea(g: Polygon | MultiPolygon, geodesic = WGS84): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  let total = 0
  for (const [outer, ...holes] of polygons) {
    total += referenceRingArea(outer as Position[], geodesic)
    for (const hole of holes) total -= referenceRingArea(hole, geodesic)
  }
  return total
}

/** The agreement browser and server must keep: 1e-9 relative or 1 cm², whichever is larger. */
export function areaTolerance(m2: number): number {
  return Math.max(1e-9 * m2, 1e-4)
}

/** A quadrilateral with geodesic sides of `side` metres, south-west corner at (lat, lon), built with Direct only (no area code). */
export function geodesicSquare(side: number, lat = PARK.lat, lon = PARK.lon): Position[] {
  const north = WGS84.Direct(lat, lon, 0, side)
  const northEast = WGS84.Direct(north.lat2 as number, north.lon2 as number, 90, side)
  const east = WGS84.Direct(lat, lon, 90, side)
  return [
    [lon, lat],
    [east.lon2 as number, east.lat2 as number],
    [northEast.lon2 as number, northEast.lat2 as number],
    [north.lon2 as number, north.lat2 as number],
    [lon, lat],
  ]
}

/**
 * A star-shaped ring of n vertices around (lat, lon), radii `radius` metres × shape(i),
 * counter-clockwise unless told (clockwise: vertex i at bearing 360·i/n).
 */
export function starRing(
  n: number,
  radius: number,
  shape: (i: number) => number,
  lat = PARK.lat,
  lon = PARK.lon,
  turn: 'counterclockwise' | 'clockwise' = 'counterclockwise',
): Position[] {
  const ring: Position[] = []
  for (let i = 0; i < n; i++) {
    const bearing = (360 * i) / n
    const p = WGS84.Direct(lat, lon, turn === 'clockwise' ? bearing : 360 - bearing, radius * shape(i))
    ring.push([p.lon2 as number, p.lat2 as number])
  }
  ring.push(ring[0] as Position)
  return ring
}

/** mulberry32: a seeded generator so a failing case can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function polygon(...rings: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: rings }
}

/** Freezes a value and everything in it, so a test can show that a function does not mutate its input. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
