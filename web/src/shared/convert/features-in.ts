/**
 * The read side shared by the lon/lat formats (GeoJSON, KML, Shapefile): their features made into
 * clean polygons. Lines that close become polygons, points and open lines are left out (noted),
 * rings are repaired (repairRing) and oriented; coordinates in metres are taken for CGCS2000 GK
 * plane coordinates ([easting, northing]) and projected, the zone found as for survey files.
 */
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import type { CrsDetected, ImportedFeatureCollection } from '../api/convert'
import { planeToLonLat, planeZone } from './plane'
import { partsOf, repairRing, signedTwiceArea } from './rings'
import { ConvertError, type ReadOptions, type ReadResult } from './types'

export interface LabelledFeature {
  geometry: Geometry | null
  properties: Record<string, unknown> | null
  /** "feature 3" or "placemark 2 (南区)": how errors and notes name it. */
  where: string
}

const LON_LAT: CrsDetected = { epsg: 4326, source: 'default', name: 'WGS84 / CGCS2000 longitude, latitude' }

/** The polygon parts of a geometry (rings not yet repaired), or null with the reason it is left out. */
function polygonParts(geometry: Geometry | null): { parts: Position[][][] } | { skip: string } {
  if (!geometry) return { skip: 'has no geometry' }
  switch (geometry.type) {
    case 'Polygon':
    case 'MultiPolygon':
      return { parts: partsOf(geometry) }
    case 'LineString': {
      const [first, last] = [geometry.coordinates[0], geometry.coordinates[geometry.coordinates.length - 1]]
      return first && last && first[0] === last[0] && first[1] === last[1] ? { parts: [[geometry.coordinates]] } : { skip: 'is an open line, not an area' }
    }
    case 'GeometryCollection': {
      const parts = geometry.geometries.flatMap((g) => {
        const p = polygonParts(g)
        return 'parts' in p ? p.parts : []
      })
      return parts.length ? { parts } : { skip: 'holds no polygon' }
    }
    default:
      return { skip: `is a ${geometry.type}, not an area` }
  }
}

const isPlane = (p: Position): boolean => Math.abs(p[0] as number) > 180 || Math.abs(p[1] as number) > 90

/**
 * Clean polygons of the features, or ConvertError naming the feature at fault when a ring cannot
 * be repaired, when positions are not numbers, or when nothing polygonal is left.
 */
export async function cleanFeatures(input: LabelledFeature[], options: ReadOptions, notes: string[]): Promise<ReadResult> {
  const kept: { parts: Position[][][]; properties: Record<string, unknown>; where: string }[] = []
  for (const feature of input) {
    const found = polygonParts(feature.geometry)
    if ('skip' in found) {
      notes.push(`${feature.where} ${found.skip}: left out`)
      continue
    }
    found.parts.forEach((rings, p) => rings.forEach((ring, r) => ring.forEach((pos, i) => {
      if (!Array.isArray(pos) || !Number.isFinite(pos[0]) || !Number.isFinite(pos[1])) {
        throw new ConvertError(`position ${i} of ring ${r + 1}${found.parts.length > 1 ? ` of part ${p + 1}` : ''} is not a pair of numbers`, feature.where, 'malformed')
      }
    })))
    kept.push({ parts: found.parts, properties: feature.properties ?? {}, where: feature.where })
  }
  if (kept.length === 0) throw new ConvertError('the file holds no polygon (an area boundary)', '')
  const all = kept.flatMap((f) => f.parts.flat(2))
  const plane = all.some(isPlane)
  let crs = LON_LAT
  let project = async (rings: { points: Position[]; where: string }[]): Promise<Position[][]> => rings.map((r) => r.points)
  if (plane) {
    if (!all.every(isPlane)) throw new ConvertError('some positions are longitude/latitude, others metres: one file holds one coordinate system', '')
    const found = planeZone(all.map((p) => p[0] as number), { epsg: options.epsg })
    crs = found.crs
    notes.push(`coordinates in metres: read as [easting, northing] in ${found.crs.name}`)
    project = (rings) => planeToLonLat(found.zone, rings)
  }
  const features: Feature<Polygon | MultiPolygon>[] = []
  for (const feature of kept) {
    const polygons: Position[][][] = []
    for (const [p, rings] of feature.parts.entries()) {
      const label = (r: number) => `${feature.where}${feature.parts.length > 1 ? `, part ${p + 1}` : ''}, ring ${r + 1}`
      const repaired = rings.map((ring, r) => ({ where: label(r), points: repairRing({ points: ring, where: label(r) }, notes) }))
      const lonLat = await project(repaired)
      // RFC 7946: outer rings counter-clockwise, holes clockwise.
      polygons.push(lonLat.map((ring, r) => (signedTwiceArea(ring) > 0 === (r === 0) ? ring : [...ring].reverse())))
    }
    const geometry: Polygon | MultiPolygon = polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons }
    features.push({ type: 'Feature', properties: feature.properties, geometry })
  }
  const collection: ImportedFeatureCollection = { type: 'FeatureCollection', features }
  return { features: collection, crs_detected: crs, notes }
}

