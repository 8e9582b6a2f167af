/**
 * The write side of the formats in metres (jzd-txt, coords-csv, dxf, shp with ?epsg=): the
 * features in one CGCS2000 3° Gauss-Krüger zone, with each feature's plane area as survey files
 * quote it.
 */
import type { Position } from 'geojson'
import type { ImportedFeatureCollection } from '../api/convert'
import { gaussKrugerArea, gaussKrugerZoneByEpsg, loadGaussKrugerConverter, type GaussKrugerZone } from '../gauss-kruger'
import { GeometryError } from '../geodesic-area'
import { partsOf, signedTwiceArea } from './rings'
import { ConvertError } from './types'

export interface PlaneFeature {
  properties: Record<string, unknown>
  /** Parts → rings → [easting, northing], as the features have them (closed rings). */
  parts: Position[][][]
  /** Plane area in the zone, m² (gaussKrugerArea): what 勘测定界 tables quote, not the ellipsoidal area. */
  planeM2: number
}

/**
 * The collection in the zone asked for (EPSG:4513–4554), else the zone of its centroid without
 * the easting prefix, or with it when `zonePrefix`. Throws ConvertError for a collection that is
 * not polygons or does not lie in the zone.
 */
export async function planeFeatures(
  collection: ImportedFeatureCollection,
  options: { epsg?: number | undefined; zonePrefix?: boolean },
): Promise<{ zone: GaussKrugerZone; features: PlaneFeature[] }> {
  let epsg: number
  try {
    epsg = (await gaussKrugerArea(collection, options.epsg !== undefined ? { epsg: options.epsg } : { zonePrefix: options.zonePrefix ?? false })).epsg
  } catch (err) {
    if (err instanceof GeometryError) throw new ConvertError(err.message.replace(/^options\.epsg: /, ''), err.path.startsWith('options') ? 'epsg' : 'features')
    throw err
  }
  const zone = gaussKrugerZoneByEpsg(epsg)
  const gk = await loadGaussKrugerConverter(zone)
  const features: PlaneFeature[] = []
  for (const feature of collection.features) {
    const planeM2 = (await gaussKrugerArea(feature, { epsg })).m2
    const parts = partsOf(feature.geometry).map((rings) => rings.map((ring) => ring.map((p) => gk.toPlane(p[0] as number, p[1] as number))))
    features.push({ properties: { ...(feature.properties ?? {}) }, parts, planeM2 })
  }
  return { zone, features }
}

/** A feature's name for file formats with one name field: 名称, name_zh, name, in that order. */
export function featureName(properties: Record<string, unknown> | null | undefined, fallback: string): string {
  for (const key of ['名称', 'name_zh', 'name', 'name_en']) {
    const v = properties?.[key]
    if (typeof v === 'string' && v.trim()) return v
  }
  return fallback
}

/**
 * A closed plane ring ([easting, northing]) in the order 界址点 are numbered: clockwise on the map
 * for an outer ring (counter-clockwise for a hole), starting at the north-west corner (largest
 * northing − easting); closed again on its first point.
 * @example surveyOrder(square, true)[0] // the north-west corner
 */
export function surveyOrder(ring: readonly Position[], clockwise: boolean): Position[] {
  const open = ring.slice(0, -1)
  if (signedTwiceArea(ring) < 0 !== clockwise) open.reverse()
  let start = 0
  open.forEach(([e, n], i) => {
    const [se, sn] = open[start] as [number, number]
    if ((n as number) - (e as number) > sn - se) start = i
  })
  const ordered = [...open.slice(start), ...open.slice(0, start)]
  return [...ordered, ordered[0]!]
}

/** One 界址点 as survey tables number it. */
export interface NumberedPoint {
  /** J-number: J1, J2, … on through holes and parts; a ring's closing point repeats its first. */
  no: number
  /** Ring number (圈号): 1 the first outer ring, then holes and further parts. */
  ring: number
  e: number
  n: number
  /** The next point along the ring; undefined on its closing point. */
  next: Position | undefined
}

/**
 * The boundary points of polygon parts in survey order (surveyOrder), numbered as 界址点 tables
 * and exchange files number them. Pass one feature's parts to number it alone, or every
 * feature's to number a collection on through.
 * @example numberedPoints(square.parts).map((p) => p.no) // [1, 2, 3, 4, 1]
 */
export function numberedPoints(parts: readonly Position[][][]): NumberedPoint[] {
  const points: NumberedPoint[] = []
  let ringNo = 0
  let pointNo = 0
  for (const rings of parts) {
    rings.forEach((ring, r) => {
      ringNo++
      const ordered = surveyOrder(ring, r === 0)
      const first = pointNo + 1
      ordered.forEach(([e, n], i) => {
        const closing = i === ordered.length - 1
        points.push({ no: closing ? first : ++pointNo, ring: ringNo, e: e as number, n: n as number, next: ordered[i + 1] })
      })
    })
  }
  return points
}
