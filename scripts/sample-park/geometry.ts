/**
 * Planar geometry in the grid frame (metres). Rings are open and anticlockwise.
 * General polygon clipping is delegated to turf (polyclip-ts), which is planar and
 * deterministic; everything else is small enough to do here.
 */
import { featureCollection, intersect, polygon, union } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { Ring, XY } from './frame'

/** Signed shoelace area in m² (positive for anticlockwise). */
export function signedArea(ring: Ring): number {
  let s = 0
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!
    const [x2, y2] = ring[(i + 1) % ring.length]!
    s += x1 * y2 - x2 * y1
  }
  return s / 2
}

export function area(ring: Ring): number {
  return Math.abs(signedArea(ring))
}

/** The ring, reversed if needed so that it runs anticlockwise (RFC 7946 exterior rings). */
export function ccw(ring: Ring): Ring {
  return signedArea(ring) < 0 ? [...ring].reverse() : ring
}

export function perimeter(ring: Ring): number {
  let s = 0
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!
    const b = ring[(i + 1) % ring.length]!
    s += Math.hypot(b[0] - a[0], b[1] - a[1])
  }
  return s
}

/** Area ÷ half-perimeter: about the short side for a rectangle, small for a sliver. */
export function thickness(ring: Ring): number {
  return area(ring) / (perimeter(ring) / 2)
}

export function centroid(ring: Ring): XY {
  let a = 0
  let cx = 0
  let cy = 0
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!
    const [x2, y2] = ring[(i + 1) % ring.length]!
    const f = x1 * y2 - x2 * y1
    a += f
    cx += (x1 + x2) * f
    cy += (y1 + y2) * f
  }
  return [cx / (3 * a), cy / (3 * a)]
}

export function bbox(ring: Ring): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of ring) {
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  return [minX, minY, maxX, maxY]
}

/** Even-odd point-in-ring test; points on the boundary may fall either way. */
export function pointInRing([x, y]: XY, ring: Ring): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** An axis-aligned rectangle as an anticlockwise ring. */
export function rect(u0: number, v0: number, u1: number, v1: number): Ring {
  return [
    [u0, v0],
    [u1, v0],
    [u1, v1],
    [u0, v1],
  ]
}

export function isConvex(ring: Ring): boolean {
  let sign = 0
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!
    const b = ring[(i + 1) % ring.length]!
    const c = ring[(i + 2) % ring.length]!
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
    if (Math.abs(cross) < 1e-9) continue
    if (sign === 0) sign = Math.sign(cross)
    else if (Math.sign(cross) !== sign) return false
  }
  return true
}

/** Drops repeated and collinear vertices (within 1 mm). */
export function cleanRing(ring: Ring): Ring {
  let out = ring.filter((p, i) => {
    const q = ring[(i + 1) % ring.length]!
    return Math.hypot(p[0] - q[0], p[1] - q[1]) > 1e-3
  })
  let changed = true
  while (changed && out.length > 3) {
    changed = false
    for (let i = 0; i < out.length; i++) {
      const a = out[(i + out.length - 1) % out.length]!
      const b = out[i]!
      const c = out[(i + 1) % out.length]!
      const cross = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
      if (Math.abs(cross) / Math.hypot(c[0] - a[0], c[1] - a[1]) < 1e-3) {
        out = out.filter((_, k) => k !== i)
        changed = true
        break
      }
    }
  }
  return out
}

/**
 * Keeps the part of a convex ring on one side of the line `axis = at` (Sutherland–Hodgman).
 * Both halves compute the cut points from the same edges in the same order, so shared
 * vertices are bit-identical.
 */
export function clipHalfPlane(ring: Ring, axis: 0 | 1, at: number, keep: 'below' | 'above'): Ring {
  const inside = (p: XY): boolean => (keep === 'below' ? p[axis] <= at : p[axis] >= at)
  const out: Ring = []
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!
    const q = ring[(i + 1) % ring.length]!
    const pin = inside(p)
    const qin = inside(q)
    if (pin) out.push(p)
    if (pin !== qin) {
      const t = (at - p[axis]) / (q[axis] - p[axis])
      const cut: XY = axis === 0 ? [at, p[1] + t * (q[1] - p[1])] : [p[0] + t * (q[0] - p[0]), at]
      out.push(cut)
    }
  }
  return cleanRing(out)
}

/** Offsets an anticlockwise ring inwards by d metres (mitred corners; fine for the hand-drawn outlines). */
export function insetRing(ring: Ring, d: number): Ring {
  const n = ring.length
  const lines = ring.map((p, i) => {
    const q = ring[(i + 1) % n]!
    const len = Math.hypot(q[0] - p[0], q[1] - p[1])
    const nx = -(q[1] - p[1]) / len
    const ny = (q[0] - p[0]) / len
    return { p: [p[0] + d * nx, p[1] + d * ny] as XY, dir: [(q[0] - p[0]) / len, (q[1] - p[1]) / len] as XY }
  })
  return ring.map((_, i) => {
    const a = lines[(i + n - 1) % n]!
    const b = lines[i]!
    const den = a.dir[0] * b.dir[1] - a.dir[1] * b.dir[0]
    if (Math.abs(den) < 1e-9) return b.p
    const t = ((b.p[0] - a.p[0]) * b.dir[1] - (b.p[1] - a.p[1]) * b.dir[0]) / den
    return [a.p[0] + t * a.dir[0], a.p[1] + t * a.dir[1]] as XY
  })
}

function toTurf(ring: Ring): Feature<Polygon> {
  return polygon([[...ring, ring[0]!]])
}

function outerRings(f: Feature<Polygon | MultiPolygon> | null): Ring[] {
  if (!f) return []
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
  return polys.map((p) => ccw(cleanRing(p[0]!.slice(0, -1).map(([x, y]) => [x!, y!] as XY))))
}

/** The pieces of a ∩ b, largest first (holes are not expected and dropped). */
export function intersectRings(a: Ring, b: Ring): Ring[] {
  return outerRings(intersect(featureCollection([toTurf(a), toTurf(b)]))).sort((p, q) => area(q) - area(p))
}

/** The outline of a ∪ b; throws if the union is not one piece. */
export function unionRings(a: Ring, b: Ring): Ring {
  const rings = outerRings(union(featureCollection([toTurf(a), toTurf(b)])))
  if (rings.length !== 1) throw new Error(`union is ${rings.length} pieces, expected 1`)
  return rings[0]!
}

/**
 * Inserts into each ring the vertices of the other rings that lie inside its edges, so that
 * neighbouring parcels share every vertex along a common edge (no T-junctions): after
 * rounding to 7 decimals they still meet exactly and never overlap.
 */
export function snapTJunctions(rings: Ring[]): Ring[] {
  const all = rings.flat()
  return rings.map((ring) => {
    const out: Ring = []
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!
      const b = ring[(i + 1) % ring.length]!
      out.push(a)
      const len2 = (b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2
      const onEdge: { t: number; p: XY }[] = []
      for (const p of all) {
        const t = ((p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1])) / len2
        if (t <= 1e-9 || t >= 1 - 1e-9) continue
        const dist = Math.abs((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])) / Math.sqrt(len2)
        if (dist < 1e-6 && !onEdge.some((o) => o.p[0] === p[0] && o.p[1] === p[1])) onEdge.push({ t, p })
      }
      onEdge.sort((x, y) => x.t - y.t).forEach((o) => out.push(o.p))
    }
    return out
  })
}

/** A polyline shifted sideways by d metres (left for d > 0), for river banks and utility lanes. */
export function offsetPolyline(line: XY[], d: number): XY[] {
  return line.map((p, i) => {
    const a = line[Math.max(0, i - 1)]!
    const b = line[Math.min(line.length - 1, i + 1)]!
    const len = Math.hypot(b[0] - a[0], b[1] - a[1])
    return [p[0] - (d * (b[1] - a[1])) / len, p[1] + (d * (b[0] - a[0])) / len] as XY
  })
}

export function polylineLength(line: XY[]): number {
  let s = 0
  for (let i = 1; i < line.length; i++) s += Math.hypot(line[i]![0] - line[i - 1]![0], line[i]![1] - line[i - 1]![1])
  return s
}
