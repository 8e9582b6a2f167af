/**
 * A saved boundary (Polygon or MultiPolygon, maybe with holes) as the one Polygon without holes
 * that terra-draw's store can hold for editing.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { ringArea } from '../../shared/geodesic-area'

export interface EditablePolygon {
  polygon: Polygon
  /** Parts plus holes of the input: 1 when it loads unchanged. */
  pieces: number
  /** True when parts or holes had to be left out (the caller warns). */
  simplified: boolean
}

/**
 * The outer ring of the input's largest part (by ellipsoidal area) as a Polygon; holes and other
 * parts are left out and reported. Returns null — its one way to fail — for a geometry without a
 * usable ring (empty, or a ring geodesic code refuses). Never mutates the input.
 * @example editablePolygon({ type: 'MultiPolygon', coordinates: [[ring]] }) // { polygon: { type: 'Polygon', coordinates: [ring] }, pieces: 1, simplified: false }
 */
export function editablePolygon(geometry: Polygon | MultiPolygon | null): EditablePolygon | null {
  if (!geometry) return null
  const parts: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let best: Position[] | null = null
  let bestArea = -1
  for (const rings of parts) {
    const outer = rings[0]
    if (!outer) continue
    let area: number
    try {
      area = ringArea(outer)
    } catch {
      continue
    }
    if (area > bestArea) {
      best = outer
      bestArea = area
    }
  }
  if (!best) return null
  const pieces = parts.reduce((n, rings) => n + rings.length, 0)
  return { polygon: { type: 'Polygon', coordinates: [best.map((p) => [p[0] as number, p[1] as number])] }, pieces, simplified: pieces > 1 }
}
