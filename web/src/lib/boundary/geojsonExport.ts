/**
 * The drawn boundary as a GeoJSON file (RFC 7946: lon/lat on WGS84, which CGCS2000 matches to
 * the centimetre), with its ellipsoidal area in the properties so the file speaks for itself.
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson'
import { datedFileName } from '../download'
import { measureBoundary } from './measure'

export interface BoundaryFileInfo {
  name_zh?: string | null
  name_en?: string | null
  /** The draft it was saved as, if any. */
  draft_id?: string | null
  version?: number | null
  /** ISO time of the export. */
  exported_at: string
}

/**
 * A FeatureCollection holding the boundary, its names and its area in m², mu and ha (ellipsoidal,
 * GeographicLib) and perimeter in m. Rings are closed copies of the input; the input is not mutated.
 * Throws nothing; a shape too small to measure gets null areas.
 */
export function boundaryFeatureCollection(polygon: Polygon, info: BoundaryFileInfo): FeatureCollection<Polygon> {
  const measure = measureBoundary(polygon)
  const feature: Feature<Polygon> = {
    type: 'Feature',
    properties: {
      ...info,
      area_m2: measure ? round(measure.m2, 2) : null,
      area_mu: measure ? round(measure.mu, 4) : null,
      area_ha: measure ? round(measure.ha, 4) : null,
      perimeter_m: measure ? round(measure.perimeterM, 2) : null,
      area_method: 'ellipsoidal (GeographicLib) on WGS84 / CGCS2000',
    },
    geometry: { type: 'Polygon', coordinates: polygon.coordinates.map((ring) => ring.map((p) => [...p])) },
  }
  return { type: 'FeatureCollection', features: [feature] }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/**
 * A file name from the boundary's name (or "boundary") and a date, safe on every OS.
 * @example boundaryFileName('南区扩区 方案一', '2024-05-01', 'geojson') // "南区扩区-方案一-2024-05-01.geojson"
 */
export function boundaryFileName(name: string | null | undefined, date: string, extension: string): string {
  return datedFileName(name, date, extension, 'boundary')
}
