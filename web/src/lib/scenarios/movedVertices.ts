import type { MultiPolygon, Polygon, Position } from 'geojson'
import { geodesicDistance } from '../../shared/geodesic-area'

/** A vertex of the newer version that is not in the older one, and where it most likely was. */
export interface MovedVertex {
  /** The nearest vertex of the older version that the newer one lost; null for a vertex added outright. */
  was: Position | null
  is: Position
  /** Geodesic distance from `was` to `is` in metres (0 for an added vertex). */
  metres: number
}

/** Vertices closer than this (about 1 mm at the park) are the same vertex: stored coordinates carry 15 decimals. */
const SAME = 1e-8

function vertices(g: Polygon | MultiPolygon): Position[] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates
  // each ring's closing vertex repeats its first
  return polygons.flatMap((rings) => rings.flatMap((ring) => ring.slice(0, -1)))
}

const same = (a: Position, b: Position) => Math.abs(a[0]! - b[0]!) < SAME && Math.abs(a[1]! - b[1]!) < SAME

/**
 * The vertices that moved from `from` to `to`: each vertex of `to` found nowhere in `from` is paired
 * with the nearest vertex `from` lost (its old place), or reported as added when `from` lost none.
 * Geodesic distances (GeographicLib). Never mutates its inputs; returns [] for equal shapes.
 * @example movedVertices(square, squareWithOneCornerDragged) // [{ was: [115.4, 28.7], is: [115.401, 28.7], metres: 97.7… }]
 */
export function movedVertices(from: Polygon | MultiPolygon, to: Polygon | MultiPolygon): MovedVertex[] {
  const before = vertices(from)
  const after = vertices(to)
  const lost = before.filter((v) => !after.some((w) => same(v, w)))
  const gained = after.filter((w) => !before.some((v) => same(v, w)))
  return gained.map((is) => {
    let was: Position | null = null
    let best = Infinity
    for (const v of lost) {
      const d = geodesicDistance(v, is)
      if (d < best) {
        best = d
        was = v
      }
    }
    return { was, is, metres: was ? best : 0 }
  })
}
