/**
 * The browser's live area while drawing: GeographicLib's geodesicArea (what Park Atlas shows)
 * and, for reference only, turf.area (spherical, what terra-draw computes) on a 1,000-vertex polygon.
 */
import { area as turfArea } from '@turf/turf'
import type { Polygon } from 'geojson'
import { geodesicArea } from '../../web/src/shared/geodesic-area'
import { timeSync, type Summary } from './timing'

export interface LiveAreaResult {
  vertices: number
  geodesicM2: number
  turfM2: number
  geodesic: Summary
  turf: Summary
}

export function benchLiveArea(polygon: Polygon, warmup = 200, runs = 2000): LiveAreaResult {
  return {
    vertices: polygon.coordinates[0]!.length - 1,
    geodesicM2: geodesicArea(polygon),
    turfM2: turfArea(polygon),
    geodesic: timeSync(() => geodesicArea(polygon), warmup, runs),
    turf: timeSync(() => turfArea(polygon), warmup, runs),
  }
}
