/**
 * The sample park's coordinate frames and its seeded random numbers.
 *
 * Geometry is built in a "grid frame" (u, v) in metres: the park's road grid, rotated
 * GRID_ROTATION_DEG anticlockwise from east/north. That is turned into a local east/north frame
 * at ORIGIN, then into lon/lat with the WGS84 metres-per-degree at the origin's latitude
 * (an equirectangular approximation: the geometry is illustrative, not surveyed).
 */

/** Grid-frame position in metres: u along the rotated "east" roads, v along the rotated "north" roads. */
export type XY = [number, number]
/** A polygon ring in the grid frame, open (the first vertex is not repeated), anticlockwise. */
export type Ring = XY[]
export type LonLat = [number, number]

export const ORIGIN = { lon: 115.4, lat: 28.7 } as const
export const GRID_ROTATION_DEG = 12

const PHI = (ORIGIN.lat * Math.PI) / 180
// WGS84 lengths of one degree at the origin's latitude (standard series), so that local-frame
// areas stay within ~0.03 % of the ellipsoidal ones across the park's ±3 km.
const M_PER_DEG_LAT = 111132.954 - 559.822 * Math.cos(2 * PHI) + 1.175 * Math.cos(4 * PHI)
const M_PER_DEG_LON = 111412.84 * Math.cos(PHI) - 93.5 * Math.cos(3 * PHI) + 0.118 * Math.cos(5 * PHI)
const THETA = (GRID_ROTATION_DEG * Math.PI) / 180

/** Rounds a coordinate to 7 decimals (≈1 cm), the precision the data files carry. */
export function round7(x: number): number {
  const r = Math.round(x * 1e7) / 1e7
  return r === 0 ? 0 : r
}

/** Grid frame → lon/lat, rounded to 7 decimals. Example: gridToLonLat([0, 0]) → [115.4, 28.7]. */
export function gridToLonLat([u, v]: XY): LonLat {
  const x = u * Math.cos(THETA) - v * Math.sin(THETA)
  const y = u * Math.sin(THETA) + v * Math.cos(THETA)
  return [round7(ORIGIN.lon + x / M_PER_DEG_LON), round7(ORIGIN.lat + y / M_PER_DEG_LAT)]
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number
  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number
  chance(p: number): boolean
}

/** FNV-1a hash of a label, so each part of the generator draws from its own stream. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export const SEED = 20220630

/**
 * A mulberry32 stream seeded from SEED and a label. Separate labels keep a change in one
 * layer from reshuffling the random draws of every other layer.
 */
export function createRng(label: string): Rng {
  let a = (SEED ^ hashLabel(label)) >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    chance: (p) => next() < p,
  }
}
