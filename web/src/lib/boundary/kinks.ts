/**
 * Where a drawn boundary crosses itself — the client-side check before analysis or save (the
 * server checks again with ST_IsValidDetail and refuses). turf's `kinks` is planar in lon/lat,
 * which is exact enough for *whether* two short edges cross; areas never come from turf.
 */
import { kinks } from '@turf/kinks'
import type { Polygon, Position } from 'geojson'
import { ringCorners } from './measure'

/** Drops repeated consecutive corners (a double click, or terra-draw's cursor resting on the last corner). */
function withoutRepeats(ring: readonly Position[]): Position[] {
  const corners = ringCorners(ring).filter((p, i, all) => {
    const prev = all[(i + all.length - 1) % all.length] as Position
    return all.length === 1 || p[0] !== prev[0] || p[1] !== prev[1]
  })
  return corners.length > 0 ? [...corners, corners[0] as Position] : []
}

/**
 * The points where the polygon's edges cross each other, deduplicated; empty for a simple ring.
 * Never throws: a ring too short to cross itself (fewer than 4 distinct corners) has no crossings.
 * @example selfIntersections(bowtie) // [[115.4005, 28.7005]]
 */
export function selfIntersections(polygon: Polygon | null): Position[] {
  if (!polygon) return []
  const rings = polygon.coordinates.map(withoutRepeats).filter((ring) => ring.length >= 5)
  if (rings.length === 0) return []
  const found = kinks({ type: 'Polygon', coordinates: rings }).features.map((f) => f.geometry.coordinates)
  const seen = new Set<string>()
  return found.filter((p) => {
    const key = `${(p[0] as number).toFixed(9)},${(p[1] as number).toFixed(9)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
