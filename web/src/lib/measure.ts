/**
 * The figures of the measure tool, for everyone on the map: geodesic length of a path and
 * ellipsoidal area and perimeter of the polygon its points close, on WGS84 / CGCS2000 (GRS80
 * differs far below anything shown). Length is GeographicLib's Inverse, area the shared
 * `geodesicArea` (GeographicLib's PolygonArea, the figure the server and the popups agree on) —
 * never turf's, which is spherical and reads ~0.14 % high at the park's latitude.
 */
import type { Polygon, Position } from 'geojson'
import { geodesicArea, pathLength } from '../shared/geodesic-area'
import { areaSummary, type AreaSummary } from '../shared/units'


/** distance: a path, its length; area: the polygon the points close, its area and perimeter. */
export type MeasureMode = 'distance' | 'area'

/** What the measure tool shows for some points (lon/lat, in click order). */
export interface Measurement {
  mode: MeasureMode
  /** Points counted, the pointer's rubber-band corner included when there is one. */
  points: number
  /** Geodesic length of the open path, m (distance mode; in area mode too, for whoever wants it). */
  lengthM: number
  /** Area of the closed polygon; null in distance mode or with fewer than 3 points. */
  area: AreaSummary | null
  /** Geodesic length of the closed ring, m; null where `area` is null. */
  perimeterM: number | null
}

/**
 * The closed ring of a polygon's corners (first repeated at the end), or null with fewer than 3.
 * @example closedRing([[0, 0], [1, 0], [1, 1]]) // [[0, 0], [1, 0], [1, 1], [0, 0]]
 */
export function closedRing(points: readonly Position[]): Position[] | null {
  const first = points[0]
  return first && points.length >= 3 ? [...points, first] : null
}

/**
 * The figures for some points in a mode. Never throws: points geodesicArea refuses (out of range)
 * give a null area, which the panel shows as missing.
 * @example measurePoints('area', square).area?.mu // 16.25 for the 0.001° square at 115.4°E 28.7°N
 */
export function measurePoints(mode: MeasureMode, points: readonly Position[]): Measurement {
  const lengthM = pathLength(points)
  const ring = mode === 'area' ? closedRing(points) : null
  if (!ring) return { mode, points: points.length, lengthM, area: null, perimeterM: null }
  const polygon: Polygon = { type: 'Polygon', coordinates: [ring] }
  let m2: number
  try {
    m2 = geodesicArea(polygon)
  } catch {
    return { mode, points: points.length, lengthM, area: null, perimeterM: null }
  }
  return { mode, points: points.length, lengthM, area: areaSummary(m2), perimeterM: pathLength(ring) }
}
