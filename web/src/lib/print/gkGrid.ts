/**
 * A CGCS2000 3° Gauss-Krüger grid over a printed map: lines of constant easting and northing at a
 * round spacing, drawn as polylines in the map's pixels (a GK line is not straight in Web
 * Mercator, so each is sampled and projected), labelled in kilometres as survey sheets are:
 * eastings with the zone number in front (38 536), northings plain (3 177).
 */
import type { GaussKrugerConverter } from '../../shared/gauss-kruger'

export interface GridLine {
  axis: 'easting' | 'northing'
  /** Metres in the zone (easting without the zone prefix). */
  value: number
  label: string
  /** The line in the map's CSS pixels. */
  points: [number, number][]
}

export interface GridInput {
  converter: GaussKrugerConverter
  /** The map's visible corners, lon/lat. */
  corners: [number, number][]
  /** lon/lat → the map's CSS pixels. */
  project: (lngLat: [number, number]) => [number, number]
  /** About how many lines across the larger side. */
  lines?: number
}

const SAMPLES = 12

/**
 * A round grid spacing (1, 2 or 5 × 10ⁿ m) giving about `lines` lines across `span` metres.
 * @example gridStep(4300, 5) // 1000
 */
export function gridStep(span: number, lines: number): number {
  const raw = span / lines
  const power = 10 ** Math.floor(Math.log10(raw))
  // The candidate nearest on a log scale: 28 m → 20 m, 860 m → 1000 m.
  const candidates = [1, 2, 5, 10].map((m) => m * power)
  return candidates.reduce((best, m) => (Math.abs(Math.log(m / raw)) < Math.abs(Math.log(best / raw)) ? m : best))
}

/** A grid value in km as survey sheets write it (the zone number in front of eastings). */
function gridLabel(axis: GridLine['axis'], metres: number, zone: number): string {
  const km = metres / 1000
  const text = Number.isInteger(km) ? String(km) : km.toFixed(1)
  return axis === 'easting' ? `${zone} ${text.padStart(3, '0')}` : text
}

/** The grid lines over the visible map. */
export function gkGrid({ converter, corners, project, lines = 5 }: GridInput): GridLine[] {
  const plane = corners.map(([lon, lat]) => converter.toPlane(lon, lat))
  const [minE, maxE] = [Math.min(...plane.map((p) => p[0])), Math.max(...plane.map((p) => p[0]))]
  const [minN, maxN] = [Math.min(...plane.map((p) => p[1])), Math.max(...plane.map((p) => p[1]))]
  const step = gridStep(Math.max(maxE - minE, maxN - minN), lines)
  const out: GridLine[] = []
  const along = (from: number, to: number) => Array.from({ length: SAMPLES + 1 }, (_, i) => from + ((to - from) * i) / SAMPLES)
  for (let e = Math.ceil(minE / step) * step; e <= maxE; e += step) {
    out.push({
      axis: 'easting', value: e, label: gridLabel('easting', e, converter.zone.zone),
      points: along(minN, maxN).map((n) => project(converter.toLonLat(e, n))),
    })
  }
  for (let n = Math.ceil(minN / step) * step; n <= maxN; n += step) {
    out.push({
      axis: 'northing', value: n, label: gridLabel('northing', n, converter.zone.zone),
      points: along(minE, maxE).map((e) => project(converter.toLonLat(e, n))),
    })
  }
  return out
}
