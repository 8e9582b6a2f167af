/**
 * The live figures under the drawing tools: ellipsoidal area (GeographicLib, via the shared
 * `geodesicArea` the server agrees with) and geodesic perimeter on WGS84 / CGCS2000. Never
 * terra-draw's or turf's area, which are spherical and read ~0.14 % high at the park's latitude.
 */
import type { Polygon, Position } from 'geojson'
import { geodesicArea, pathLength } from '../../shared/geodesic-area'
import { areaSummary, type AreaSummary } from '../../shared/units'

export interface BoundaryMeasure extends AreaSummary {
  /** Geodesic length of the outer ring, m. */
  perimeterM: number
  /** Corners of the ring (the closing position not counted). */
  vertices: number
}

/** Corners of a closed ring without the closing repeat. */
export function ringCorners(ring: readonly Position[]): Position[] {
  const first = ring[0]
  const last = ring[ring.length - 1]
  const closed = ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]
  return closed ? ring.slice(0, -1) : [...ring]
}

/**
 * Geodesic perimeter in m of a ring (closed or not: the closing edge is always counted).
 * @example ringPerimeter([[115.4, 28.7], [115.401, 28.7], [115.401, 28.701], [115.4, 28.701], [115.4, 28.7]]) // ≈ 416.3
 */
export function ringPerimeter(ring: readonly Position[]): number {
  const corners = ringCorners(ring)
  const first = corners[0]
  return first ? pathLength([...corners, first]) : 0
}

/**
 * Area (m², mu, ha), perimeter and corner count of a drawn boundary. Returns null — its one way
 * to fail — for anything `geodesicArea` refuses (a ring of fewer than 4 positions, unclosed,
 * out-of-range coordinates): the first clicks of a drawing, before there is a shape.
 * @example measureBoundary(square)?.mu // 16.25 for the 0.001° square at 115.4°E 28.7°N (10 830.22 m²)
 */
export function measureBoundary(polygon: Polygon | null): BoundaryMeasure | null {
  if (!polygon) return null
  let m2: number
  try {
    m2 = geodesicArea(polygon)
  } catch {
    return null
  }
  const outer = polygon.coordinates[0] ?? []
  return { ...areaSummary(m2), perimeterM: ringPerimeter(outer), vertices: ringCorners(outer).length }
}
