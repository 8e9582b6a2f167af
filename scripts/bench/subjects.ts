/**
 * The shapes the benchmark measures: drawn boundaries of three sizes over a small-lot quarter of
 * the county (≈9.5 km south-west of its centre, where a 4 km² circle meets the most parcels), and
 * a 1,000-vertex polygon for the browser's live area.
 * Star-shaped (angles increase, radii jitter), so every one is a simple, valid polygon.
 */
import type { Polygon, Position } from 'geojson'
import { createRng } from '../sample-park/frame'
import { COUNTY_ORIGIN } from './county-layout'

const M_PER_DEG_LAT = 110_850
const M_PER_DEG_LON = 111_412.84 * Math.cos((COUNTY_ORIGIN.lat * Math.PI) / 180)
/** The small-lot quarter at ≈115.32°E 28.65°N, in metres east and north of the county origin. */
const QUARTER: [number, number] = [-7800, -5550]

/** An irregular polygon of `vertices` corners around a centre `east`/`north` metres from the county origin. */
export function irregularPolygon(label: string, radiusM: number, vertices: number, [east, north] = QUARTER): Polygon {
  const rng = createRng(`bench-boundary:${label}`)
  const ring: Position[] = []
  for (let k = 0; k < vertices; k++) {
    const a = ((k + rng.range(-0.3, 0.3)) / vertices) * 2 * Math.PI
    const r = radiusM * rng.range(0.75, 1.2)
    const lon = COUNTY_ORIGIN.lon + (east + r * Math.cos(a)) / M_PER_DEG_LON
    const lat = COUNTY_ORIGIN.lat + (north + r * Math.sin(a)) / M_PER_DEG_LAT
    ring.push([Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7])
  }
  ring.push(ring[0]!)
  return { type: 'Polygon', coordinates: [ring] }
}

export interface DrawnBoundary {
  name: string
  /** The one the goal is about. */
  headline: boolean
  /** Its share of the headline's timed runs: the large boundary is slow, and the run must stay < 3 min. */
  runShare: number
  geometry: Polygon
}

/** ≈0.3, ≈4.4 and ≈14 km²; the medium one is the "drawn boundary of 2–5 km²". */
export const DRAWN_BOUNDARIES: DrawnBoundary[] = [
  { name: 'small (12 vertices)', headline: false, runShare: 0.5, geometry: irregularPolygon('small', 300, 12) },
  { name: 'medium (24 vertices)', headline: true, runShare: 1, geometry: irregularPolygon('medium', 1200, 24) },
  { name: 'large (64 vertices)', headline: false, runShare: 0.25, geometry: irregularPolygon('large', 2200, 64) },
]

/** A live-drawing worst case: 1,000 vertices, ≈7 km². */
export const LIVE_AREA_POLYGON = irregularPolygon('live-area', 1500, 1000, [0, 0])

/** The features bbox: ≈6 × 4.4 km around the county centre (≈890 parcels: `limit` 1,000 does not bite). */
export const FEATURES_BBOX = [115.37, 28.68, 115.43, 28.72] as const

/** OGC API items: ≈7.8 × 6.6 km around the county centre, ≈1,900 parcels, so `limit=1000` bites and the order matters. */
export const ITEMS_BBOX = [115.36, 28.67, 115.44, 28.73] as const

/** The tiles timed against the peer: over the county centre (lon 115.40, lat 28.70), where parcels are dense. */
export const PEER_TILES = [
  { name: 'tile-z14', tile: { z: 14, x: 13443, y: 6827 } },
  { name: 'tile-z12', tile: { z: 12, x: 3360, y: 1706 } },
] as const
