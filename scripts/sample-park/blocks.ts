/**
 * Blocks (the land between roads) and their subdivision into parcel shapes.
 * A block is a grid cell shrunk by half the width of each bounding road, clipped to its zone's
 * outline less a setback. Blocks are cut into 1–4 parcels by guillotine cuts across the long side.
 */
import type { Ring, Rng } from './frame'
import { M2_PER_MU } from '../../web/src/shared/units'
import { area, bbox, clipHalfPlane, insetRing, intersectRings, isConvex, rect, snapTJunctions, thickness } from './geometry'
import { ZONE_SETBACK_M, type ZoneGrid } from './layout'

export interface Block {
  /** e.g. "FT:-1500:330": zone prefix, then the grid lines at the cell's west and south side. */
  key: string
  grid: ZoneGrid
  u0: number
  v0: number
  ring: Ring
}

const MIN_BLOCK_M2 = 8000
const MIN_BLOCK_THICKNESS_M = 40

/** The blocks of one zone, north to south and west to east. */
export function buildBlocks(grid: ZoneGrid): Block[] {
  const clip = insetRing(grid.outline, ZONE_SETBACK_M)
  const blocks: Block[] = []
  for (let i = 0; i + 1 < grid.u.length; i++) {
    for (let j = 0; j + 1 < grid.v.length; j++) {
      const [w, e, s, n] = [grid.u[i]!, grid.u[i + 1]!, grid.v[j]!, grid.v[j + 1]!]
      const cell = rect(w.at + w.width / 2, s.at + s.width / 2, e.at - e.width / 2, n.at - n.width / 2)
      const pieces = intersectRings(cell, clip).filter((p) => area(p) >= MIN_BLOCK_M2 && thickness(p) >= MIN_BLOCK_THICKNESS_M)
      pieces.forEach((ring, k) => {
        blocks.push({ key: `${grid.prefix}:${w.at}:${s.at}${k ? `#${k}` : ''}`, grid, u0: w.at, v0: s.at, ring })
      })
    }
  }
  return blocks.sort((a, b) => b.v0 - a.v0 || a.u0 - b.u0 || a.key.localeCompare(b.key))
}

/** How a block is cut: a number of parcels, or the small-firm layout. */
export type Subdivision = number | 'smallLots'

/**
 * 1–4 parts, drawn at random but keeping parcels between about 10 and 300 mu. Fengtian's old
 * plants are larger, so its blocks are cut less.
 */
export function randomParts(block: Block, rng: Rng): number {
  const ring = block.ring
  const mu = area(ring) / M2_PER_MU
  const r = rng.next()
  const [p1, p2, p3] = block.grid.prefix === 'FT' ? [0.35, 0.75, 0.9] : [0.2, 0.55, 0.8]
  let parts = Math.max(r < p1 ? 1 : r < p2 ? 2 : r < p3 ? 3 : 4, Math.ceil(mu / 280))
  // The smallest piece of a 3- or 4-way cut can be a jittered quarter of the block.
  while (parts > 1 && (mu / (parts === 2 ? 2 : 4)) * 0.85 < 10.5) parts--
  return parts
}

/** Cuts a convex ring across one axis at the given fractions of its extent; returns the pieces in order. */
function strips(ring: Ring, axis: 0 | 1, fractions: number[]): Ring[] {
  const b = bbox(ring)
  const [lo, hi] = axis === 0 ? [b[0], b[2]] : [b[1], b[3]]
  const out: Ring[] = []
  let rest = ring
  for (const f of fractions) {
    const at = lo + f * (hi - lo)
    out.push(clipHalfPlane(rest, axis, at, 'below'))
    rest = clipHalfPlane(rest, axis, at, 'above')
  }
  out.push(rest)
  return out
}

const jitter = (rng: Rng, f: number): number => f + rng.range(-0.08, 0.08) / 2

/** Evenly spaced cut fractions for n parts, jittered. */
function cuts(n: number, rng: Rng): number[] {
  return Array.from({ length: n - 1 }, (_, k) => jitter(rng, (k + 1) / n))
}

/**
 * The small-firm block (小微企业园): the south half is one parcel; the north half has two rows,
 * each of two 28 m lots (under 3 mu) and one larger lot.
 */
function smallLots(ring: Ring): Ring[] {
  const [south, north] = strips(ring, 1, [0.5])
  const out: Ring[] = [south!]
  for (const row of strips(north!, 1, [0.5])) {
    const b = bbox(row)
    const w = b[2] - b[0]
    out.push(...strips(row, 0, [28 / w, 56 / w]))
  }
  return out
}

/** The parcel shapes of one block, T-junctions resolved. Non-convex blocks stay whole. */
export function subdivide(block: Block, how: Subdivision, rng: Rng): Ring[] {
  const ring = block.ring
  if (how === 'smallLots') return snapTJunctions(smallLots(ring))
  if (how <= 1 || !isConvex(ring)) return [ring]
  const b = bbox(ring)
  const long: 0 | 1 = b[2] - b[0] >= b[3] - b[1] ? 0 : 1
  const short: 0 | 1 = long === 0 ? 1 : 0
  const ratio = Math.max(b[2] - b[0], b[3] - b[1]) / Math.min(b[2] - b[0], b[3] - b[1])
  let pieces: Ring[]
  if (how === 2 || (how === 3 && ratio >= 1.6) || (how === 4 && ratio >= 2.4)) {
    pieces = strips(ring, long, cuts(how, rng))
  } else if (how === 3) {
    const [a, c] = strips(ring, long, [jitter(rng, 0.5)])
    pieces = [a!, ...strips(c!, short, [jitter(rng, 0.5)])]
  } else {
    const halves = strips(ring, long, [jitter(rng, 0.5)])
    pieces = halves.flatMap((h) => strips(h, short, [jitter(rng, 0.5)]))
  }
  return snapTJunctions(pieces)
}
