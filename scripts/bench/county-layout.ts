/**
 * A county-scale parcel layout for benchmarks: a road grid over the county, blocks between the
 * roads, and each block cut into irregular quadrilateral parcels that tile it exactly (neighbours
 * share vertices, so parcels never overlap). Deterministic: one mulberry32 stream per seed.
 *
 * Geometry is built in metres east/north of COUNTY_ORIGIN and turned into lon/lat with the
 * WGS84 metres-per-degree at each point's own latitude, so a parcel's planar area stays within
 * ~0.1 % of its ellipsoidal one anywhere in the county. Illustrative, not surveyed.
 */
import { createRng, type Rng } from '../sample-park/frame'
import { signedArea } from '../sample-park/geometry'
import { M2_PER_MU } from '../../web/src/shared/units'
import {
  HELD_PARCEL_STATUSES, INDUSTRIES, PARCEL_STATUSES, type Industry, type LandUse, type ParcelStatus,
} from '../../web/src/shared/park-vocabulary'

type XY = [number, number]
/** Four corners, anticlockwise. */
type Quad = [XY, XY, XY, XY]

export const COUNTY_ORIGIN = { lon: 115.4, lat: 28.7 } as const
/** The county's extent in degrees: lon 114.9–115.9, lat 28.4–29.0. */
export const COUNTY_BBOX = [114.9, 28.4, 115.9, 29.0] as const


export interface CountyParcel {
  id: string
  /** Closed ring, anticlockwise, lon/lat rounded to 7 decimals (≈1 cm). */
  ring: [number, number][]
  /** Planar area in the local frame, m² (the database reports the ellipsoidal one). */
  planarM2: number
  landUse: LandUse
  status: ParcelStatus
  /** Index into CountyLayout.enterprises, or null. */
  enterprise: number | null
  priceWanPerMu: number | null
}

export interface CountyEnterprise {
  id: string
  industry: Industry
  /** Its first parcel's first corner, lon/lat. */
  at: [number, number]
}

export interface CountyLayout {
  parcels: CountyParcel[]
  enterprises: CountyEnterprise[]
  blocks: number
}

const PHI0 = (COUNTY_ORIGIN.lat * Math.PI) / 180
const M_PER_DEG_LAT = 111132.954 - 559.822 * Math.cos(2 * PHI0) + 1.175 * Math.cos(4 * PHI0)

/** WGS84 length of one degree of longitude at latitude `lat` (degrees), standard series. */
function metresPerDegLon(lat: number): number {
  const phi = (lat * Math.PI) / 180
  return 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi)
}

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7
}

function toLonLat([x, y]: XY): [number, number] {
  const lat = COUNTY_ORIGIN.lat + y / M_PER_DEG_LAT
  return [round7(COUNTY_ORIGIN.lon + x / metresPerDegLon(lat)), round7(lat)]
}

function toMetres(lon: number, lat: number): XY {
  return [(lon - COUNTY_ORIGIN.lon) * metresPerDegLon(lat), (lat - COUNTY_ORIGIN.lat) * M_PER_DEG_LAT]
}

/** Road centre-lines: cumulative spacings from `from` to `to`, the width of each line. */
function roadLines(rng: Rng, from: number, to: number, spacing: [number, number]): { at: number[]; width: number[] } {
  const at = [from]
  while (at[at.length - 1]! < to) at.push(at[at.length - 1]! + rng.range(spacing[0], spacing[1]))
  // Every fifth road is a trunk road (40 m between kerbs), the rest local roads (24 m).
  const width = at.map((_, i) => (i % 5 === 0 ? 40 : 24))
  return { at, width }
}

/** Moves every edge of an anticlockwise quad inwards by its own distance and intersects them. */
function insetQuad(q: Quad, inset: [number, number, number, number]): Quad {
  const lines = q.map((p, k) => {
    const n = q[(k + 1) % 4]!
    const [dx, dy] = [n[0] - p[0], n[1] - p[1]]
    const len = Math.hypot(dx, dy)
    const d = inset[k]!
    return { p: [p[0] - (dy / len) * d, p[1] + (dx / len) * d] as XY, d: [dx, dy] as XY }
  })
  return q.map((_, k) => {
    const a = lines[(k + 3) % 4]!
    const b = lines[k]!
    const cross = a.d[0] * b.d[1] - a.d[1] * b.d[0]
    const t = ((b.p[0] - a.p[0]) * b.d[1] - (b.p[1] - a.p[1]) * b.d[0]) / cross
    return [a.p[0] + a.d[0] * t, a.p[1] + a.d[1] * t] as XY
  }) as Quad
}

function bilinear([p00, p10, p11, p01]: Quad, u: number, v: number): XY {
  const w = [(1 - u) * (1 - v), u * (1 - v), u * v, (1 - u) * v]
  return [
    w[0]! * p00[0] + w[1]! * p10[0] + w[2]! * p11[0] + w[3]! * p01[0],
    w[0]! * p00[1] + w[1]! * p10[1] + w[2]! * p11[1] + w[3]! * p01[1],
  ]
}

/** Columns × rows for a block: parcels near `targetM2`, each kept within 9–290 mu before jitter (≥ 5.8 mu after). */
function cutCounts(blockM2: number, aspect: number, targetM2: number): [number, number] {
  const cells = Math.max(1, Math.round(blockM2 / targetM2))
  let cols = Math.max(1, Math.round(Math.sqrt(cells * aspect)))
  let rows = Math.max(1, Math.round(cells / cols))
  while (blockM2 / (cols * rows) > 290 * M2_PER_MU) aspect > 1 ? cols++ : rows++
  while (cols * rows > 1 && blockM2 / (cols * rows) < 9 * M2_PER_MU) cols >= rows ? cols-- : rows--
  return [cols, rows]
}

/**
 * Cuts the block into cols × rows cells through a jittered lattice. Lattice points on the block's
 * edges move only along the edge, so the cells tile the block; interior points move at most 10 %
 * of a cell, which keeps every cell a simple (in practice convex) quadrilateral of ≥ 64 % its nominal area.
 */
function cutBlock(rng: Rng, block: Quad, cols: number, rows: number): XY[][] {
  const lattice: XY[][] = []
  for (let i = 0; i <= cols; i++) {
    const column: XY[] = []
    for (let j = 0; j <= rows; j++) {
      const du = i === 0 || i === cols ? 0 : rng.range(-0.1, 0.1) / cols
      const dv = j === 0 || j === rows ? 0 : rng.range(-0.1, 0.1) / rows
      column.push(bilinear(block, i / cols + du, j / rows + dv))
    }
    lattice.push(column)
  }
  const cells: XY[][] = []
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      cells.push([lattice[i]![j]!, lattice[i + 1]![j]!, lattice[i + 1]![j + 1]!, lattice[i]![j + 1]!])
    }
  }
  return cells
}

/** Land use and status by block kind: large lots are mostly industry, small ones mixed use. */
function pickLandUse(rng: Rng, large: boolean): CountyParcel['landUse'] {
  const r = rng.next()
  if (large) return r < 0.78 ? 'industrial' : r < 0.9 ? 'warehouse' : r < 0.96 ? 'utility' : 'green'
  return r < 0.35 ? 'industrial' : r < 0.55 ? 'commercial' : r < 0.75 ? 'residential' : r < 0.88 ? 'public' : r < 0.95 ? 'warehouse' : 'green'
}

/** The share of each status in the county, drawn in the vocabulary's order. */
const STATUS_WEIGHTS: Record<ParcelStatus, number> = {
  occupied: 0.55, available: 0.18, idle: 0.04, low_efficiency: 0.04,
  revitalising: 0.02, revitalised: 0.02, reserved: 0.09, under_acquisition: 0.06,
}

function pickStatus(rng: Rng): ParcelStatus {
  let r = rng.next()
  for (const status of PARCEL_STATUSES) if ((r -= STATUS_WEIGHTS[status]) < 0) return status
  return 'occupied'
}

const HELD = new Set<ParcelStatus>(HELD_PARCEL_STATUSES)

/**
 * Generates at least `minParcels` parcels, block by block outwards from the county centre, so a
 * smaller n is a smaller county around the same centre. About one block in five is left empty
 * (farmland, water, villages).
 */
export function generateCountyLayout(minParcels: number, seed: number): CountyLayout {
  const rng = createRng(`county-parcels:${seed}`)
  const [w, s] = toMetres(COUNTY_BBOX[0], COUNTY_BBOX[1])
  const [e, n] = toMetres(COUNTY_BBOX[2], COUNTY_BBOX[3])
  const xs = roadLines(rng, w, e, [220, 650])
  const ys = roadLines(rng, s, n, [180, 520])
  // Road intersections, jittered so that roads bend a little at every crossing.
  const node = xs.at.map((x) => ys.at.map((y) => [x + rng.range(-25, 25), y + rng.range(-25, 25)] as XY))
  const order: [number, number, number][] = []
  for (let i = 0; i + 1 < xs.at.length; i++) {
    for (let j = 0; j + 1 < ys.at.length; j++) {
      const [cx, cy] = [(xs.at[i]! + xs.at[i + 1]!) / 2, (ys.at[j]! + ys.at[j + 1]!) / 2]
      order.push([Math.hypot(cx, cy), i, j])
    }
  }
  order.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])

  const layout: CountyLayout = { parcels: [], enterprises: [], blocks: 0 }
  for (const [, i, j] of order) {
    if (layout.parcels.length >= minParcels) break
    if (rng.chance(0.2)) continue
    const corners: Quad = [node[i]![j]!, node[i + 1]![j]!, node[i + 1]![j + 1]!, node[i]![j + 1]!]
    const block = insetQuad(corners, [ys.width[j]! / 2, xs.width[i + 1]! / 2, ys.width[j + 1]! / 2, xs.width[i]! / 2])
    const blockM2 = signedArea(block)
    const aspect = Math.hypot(block[1][0] - block[0][0], block[1][1] - block[0][1]) / Math.hypot(block[3][0] - block[0][0], block[3][1] - block[0][1])
    const large = rng.chance(0.45)
    // Lot sizes: large lots 30–280 mu (factories), small ones 9–45 mu (workshops, shops, housing).
    const targetMu = large ? Math.exp(rng.range(Math.log(30), Math.log(280))) : Math.exp(rng.range(Math.log(9), Math.log(45)))
    const [cols, rows] = cutCounts(blockM2, aspect, targetMu * M2_PER_MU)
    layout.blocks++
    for (const cell of cutBlock(rng, block, cols, rows)) addParcel(rng, layout, cell, large)
  }
  if (layout.parcels.length < minParcels) {
    throw new Error(`the county grid holds only ${layout.parcels.length} parcels; asked for ${minParcels}`)
  }
  return layout
}

function addParcel(rng: Rng, layout: CountyLayout, cell: XY[], large: boolean): void {
  const lonLat = cell.map(toLonLat)
  const status = pickStatus(rng)
  let enterprise: number | null = null
  if (HELD.has(status)) {
    // A firm often holds several neighbouring parcels: reuse the latest firm 60 % of the time.
    if (layout.enterprises.length > 0 && rng.chance(0.6)) enterprise = layout.enterprises.length - 1
    else {
      enterprise = layout.enterprises.length
      const industry = INDUSTRIES[rng.int(0, INDUSTRIES.length - 1)]!
      layout.enterprises.push({ id: `CE-${String(enterprise + 1).padStart(6, '0')}`, industry, at: lonLat[0]! })
    }
  }
  layout.parcels.push({
    id: `CP-${String(layout.parcels.length + 1).padStart(6, '0')}`,
    ring: [...lonLat, lonLat[0]!],
    planarM2: signedArea(cell),
    landUse: pickLandUse(rng, large),
    status,
    enterprise,
    priceWanPerMu: status === 'available' ? Math.round(rng.range(8, 30) * 10) / 10 : null,
  })
}
