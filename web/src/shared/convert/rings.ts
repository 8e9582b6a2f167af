/**
 * Rings as files hand them over — in any order, maybe unclosed, with doubled points — turned into
 * GeoJSON polygons: repaired where that is safe (each repair reported), grouped by containment
 * into outer rings, holes and further parts, and oriented as RFC 7946 asks (outer rings
 * counter-clockwise, holes clockwise). Works on any planar x/y (GK metres or lon/lat degrees).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { ConvertError } from './types'

export interface RawRing {
  points: Position[]
  /** Where it came from, for notes and errors: "parcel 2 (D-02), ring 1" or "line 14". */
  where: string
}

/**
 * The ring, closed and without repeated consecutive points; what was changed goes into `notes`.
 * Throws ConvertError when fewer than 3 distinct corners remain (a ring needs 4 positions).
 * @example repairRing({ points: [[0, 0], [1, 0], [1, 0], [1, 1]], where: 'ring 1' }, notes) // [[0,0],[1,0],[1,1],[0,0]], two notes
 */
export function repairRing(ring: RawRing, notes: string[]): Position[] {
  const kept: Position[] = []
  let doubled = 0
  for (const p of ring.points) {
    const last = kept[kept.length - 1]
    if (last && last[0] === p[0] && last[1] === p[1]) doubled++
    else kept.push([p[0] as number, p[1] as number])
  }
  if (doubled) notes.push(`${ring.where}: ${doubled} repeated point${doubled > 1 ? 's' : ''} dropped`)
  const first = kept[0]
  const last = kept[kept.length - 1]
  const closed = kept.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]
  const corners = closed ? kept.length - 1 : kept.length
  if (corners < 3) {
    throw new ConvertError(`a ring needs at least 3 distinct corners (4 points with the closing one), this one has ${corners}`, ring.where)
  }
  if (!closed) {
    kept.push([first![0] as number, first![1] as number])
    notes.push(`${ring.where}: ring closed (its first point repeated at the end)`)
  }
  return kept
}

/** Twice the signed shoelace area (positive: counter-clockwise), relative to the first point to keep digits. */
export function signedTwiceArea(ring: readonly Position[]): number {
  const [x0 = 0, y0 = 0] = ring[0] ?? []
  let sum = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i] as Position
    const b = ring[i + 1] as Position
    sum += ((a[0] as number) - x0) * ((b[1] as number) - y0) - ((b[0] as number) - x0) * ((a[1] as number) - y0)
  }
  return sum
}

/** -1 outside, 0 on the boundary, 1 inside (even-odd ray casting). */
function pointInRing(p: Position, ring: readonly Position[]): -1 | 0 | 1 {
  const [x, y] = p as [number, number]
  let inside = false
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i] as [number, number]
    const [xj, yj] = ring[j] as [number, number]
    const cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi)
    if (cross === 0 && x >= Math.min(xi, xj) && x <= Math.max(xi, xj) && y >= Math.min(yi, yj) && y <= Math.max(yi, yj)) return 0
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside ? 1 : -1
}

/** Whether `inner` lies inside `outer`: decided by its first vertex not on outer's boundary. */
function ringInside(inner: readonly Position[], outer: readonly Position[]): boolean {
  for (const p of inner) {
    const side = pointInRing(p, outer)
    if (side !== 0) return side === 1
  }
  return false
}

const oriented = (ring: Position[], counterClockwise: boolean): Position[] =>
  signedTwiceArea(ring) > 0 === counterClockwise ? ring : [...ring].reverse()

/**
 * Closed rings grouped by containment: a ring inside an odd number of others is a hole of the
 * smallest one around it, the rest are outer rings (parts); an island in a hole is a part again.
 * One part gives a Polygon, more a MultiPolygon. Rings must not cross (PostGIS checks that later).
 * @example polygonFromRings([square, smallerSquareInside]) // Polygon with one hole
 */
export function polygonFromRings(rings: Position[][]): Polygon | MultiPolygon {
  const bySize = rings.map((ring) => ({ ring, size: Math.abs(signedTwiceArea(ring)) })).sort((a, b) => b.size - a.size)
  const parts: { outer: Position[]; holes: Position[][] }[] = []
  const placed: { ring: Position[]; depth: number; part: number }[] = []
  for (const { ring } of bySize) {
    // The smallest ring already placed that holds this one: they come largest first.
    let container: (typeof placed)[number] | undefined
    for (const candidate of placed) if (ringInside(ring, candidate.ring)) container = candidate
    const depth = container ? container.depth + 1 : 0
    if (depth % 2 === 1) {
      parts[container!.part]!.holes.push(oriented(ring, false))
      placed.push({ ring, depth, part: container!.part })
    } else {
      parts.push({ outer: oriented(ring, true), holes: [] })
      placed.push({ ring, depth, part: parts.length - 1 })
    }
  }
  const polygons = parts.map(({ outer, holes }) => [outer, ...holes])
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }
}

/** The rings of a polygonal geometry, part by part. */
export function partsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
}

/** Positions in a polygonal geometry, closing ones included. */
export function vertexCount(geometry: Polygon | MultiPolygon): number {
  return partsOf(geometry).reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0)
}
