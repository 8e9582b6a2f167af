/**
 * CGCS2000 3-degree Gauss-Krüger zones and the projected (plane) area that Chinese survey
 * documents quote next to the ellipsoidal one. The plane area is larger by the square of the
 * projection's scale factor, k ≈ 1 + (Δλ·cos φ)²/2 · (1 + η²): about +0.046 % at 115.4°E, 28.7°N
 * (1.4° from the central meridian 114°E). Park Atlas shows the ellipsoidal area
 * (geodesic-area.ts); this one is for comparing with, and exporting to, survey tables.
 *
 * EPSG defines the zones of central meridians 75°E–135°E twice: 4513–4533 with the zone number
 * in front of the easting (zone 38: x_0 = 38 500 000 m), 4534–4554 without (x_0 = 500 000 m).
 * The prefix shifts eastings only, never areas.
 *
 * proj4 is heavy, so it is loaded with a dynamic import on first use. Plain TypeScript: runs in
 * the browser and on the server alike.
 */
import type { Position } from 'geojson'
import { GeometryError, polygonalGeometries, type AreaInput } from './geodesic-area'

/** A CGCS2000 3-degree Gauss-Krüger zone as EPSG defines it. */
export interface GaussKrugerZone {
  /** Central meridian in degrees east: a multiple of 3 from 75 to 135. */
  centralMeridian: number
  /** 3-degree zone number, centralMeridian / 3 (25–45). */
  zone: number
  /** Whether eastings carry the zone number in front (zone 38: 38 500 000 m on the central meridian). */
  zonePrefix: boolean
  /** 4513–4533 with the zone prefix, 4534–4554 without. */
  epsg: number
}

const FIRST_ZONE = 25 // central meridian 75°E
const LAST_ZONE = 45 // central meridian 135°E
const EPSG_WITH_PREFIX = 4513 // zone 25
const EPSG_WITHOUT_PREFIX = 4534 // central meridian 75°E
/** EPSG:4490, CGCS2000 longitude/latitude: GRS80, no datum shift towards the zone definitions. */
const CGCS2000_LONLAT = '+proj=longlat +ellps=GRS80 +no_defs'

/**
 * The zone of a central meridian. Throws GeometryError unless it is a multiple of 3 in 75…135.
 * @example gaussKrugerZoneByCentralMeridian(114)       // { centralMeridian: 114, zone: 38, zonePrefix: false, epsg: 4547 }
 * @example gaussKrugerZoneByCentralMeridian(114, true) // { …, zonePrefix: true, epsg: 4526 }
 */
export function gaussKrugerZoneByCentralMeridian(centralMeridian: number, zonePrefix = false): GaussKrugerZone {
  const zone = centralMeridian / 3
  if (!Number.isInteger(zone) || zone < FIRST_ZONE || zone > LAST_ZONE) {
    throw new GeometryError(
      `central meridian ${centralMeridian} is not one of the CGCS2000 3-degree zones (a multiple of 3 from 75 to 135)`,
      'options.centralMeridian',
    )
  }
  const epsg = (zonePrefix ? EPSG_WITH_PREFIX : EPSG_WITHOUT_PREFIX) + zone - FIRST_ZONE
  return { centralMeridian, zone, zonePrefix, epsg }
}

/**
 * The zone whose central meridian is nearest to a longitude: 3·round(lon/3). Throws
 * GeometryError outside 73.5°E–136.5°E, where EPSG defines no CGCS2000 3-degree zone.
 * @example gaussKrugerZoneForLongitude(115.4).epsg       // 4547 (central meridian 114°E)
 * @example gaussKrugerZoneForLongitude(115.4, true).epsg // 4526
 */
export function gaussKrugerZoneForLongitude(longitude: number, zonePrefix = false): GaussKrugerZone {
  const zone = Math.round(longitude / 3)
  if (!Number.isFinite(longitude) || zone < FIRST_ZONE || zone > LAST_ZONE) {
    throw new GeometryError(
      `longitude ${longitude} lies outside the CGCS2000 3-degree zones (73.5°E–136.5°E)`,
      'coordinates',
    )
  }
  return gaussKrugerZoneByCentralMeridian(zone * 3, zonePrefix)
}

/**
 * The zone of an EPSG code, 4513–4554. Throws GeometryError for any other code.
 * @example gaussKrugerZoneByEpsg(4526) // { centralMeridian: 114, zone: 38, zonePrefix: true, epsg: 4526 }
 */
export function gaussKrugerZoneByEpsg(epsg: number): GaussKrugerZone {
  const zonePrefix = epsg < EPSG_WITHOUT_PREFIX
  const zone = epsg - (zonePrefix ? EPSG_WITH_PREFIX : EPSG_WITHOUT_PREFIX) + FIRST_ZONE
  if (!Number.isInteger(epsg) || zone < FIRST_ZONE || zone > LAST_ZONE) {
    throw new GeometryError(
      `EPSG:${epsg} is not a CGCS2000 3-degree Gauss-Krüger zone (EPSG:4513–4554)`,
      'options.epsg',
    )
  }
  return gaussKrugerZoneByCentralMeridian(zone * 3, zonePrefix)
}

/**
 * The proj4 definition of a zone (the same parameters as EPSG's: GRS80, k = 1, false easting
 * 500 km, plus zone·1 000 km with the prefix).
 * @example gaussKrugerProj4(gaussKrugerZoneByEpsg(4547))
 * // "+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs"
 */
export function gaussKrugerProj4(zone: GaussKrugerZone): string {
  const falseEasting = zone.zonePrefix ? zone.zone * 1_000_000 + 500_000 : 500_000
  return `+proj=tmerc +lat_0=0 +lon_0=${zone.centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`
}

/** Converts between CGCS2000 longitude/latitude and one zone's easting/northing, in metres. */
export interface GaussKrugerConverter {
  zone: GaussKrugerZone
  /** [longitude, latitude] → [easting, northing] (GeoJSON order: x first; survey tables list X = northing first). */
  toPlane(longitude: number, latitude: number): [number, number]
  /** [easting, northing] → [longitude, latitude]. */
  toLonLat(easting: number, northing: number): [number, number]
}

type Proj4 = typeof import('proj4')
let proj4Loading: Promise<Proj4> | undefined

function loadProj4(): Promise<Proj4> {
  // proj4's types describe the CommonJS build (`export =`); both its ES build and Node's
  // CommonJS interop hand the function over as `default`.
  proj4Loading ??= import('proj4').then((module) => (module as unknown as { default: Proj4 }).default)
  return proj4Loading
}

/**
 * A converter for one zone; loads proj4 on first use.
 * @example const gk = await loadGaussKrugerConverter(gaussKrugerZoneByEpsg(4547)); gk.toPlane(115.4, 28.7) // ≈ [636 813.88, 3 176 822.13]
 */
export async function loadGaussKrugerConverter(zone: GaussKrugerZone): Promise<GaussKrugerConverter> {
  const proj4 = await loadProj4()
  const converter = proj4(CGCS2000_LONLAT, gaussKrugerProj4(zone))
  return {
    zone,
    toPlane: (longitude, latitude) => converter.forward([longitude, latitude]) as [number, number],
    toLonLat: (easting, northing) => converter.inverse([easting, northing]) as [number, number],
  }
}

/** A 3° zone is the strip of its central meridian ± 1.5°: what survey tables of that zone cover. */
const ZONE_HALF_WIDTH_DEG = 1.5
/**
 * How far past its strip a zone may still measure a shape: a quarter degree, so that a site on a
 * zone boundary (the park at 115.4°E is 0.1° from the 114°E / 117°E edge) can be quoted in the
 * neighbouring zone too, while the plane area stays within 0.1 % of the ellipsoid's (k² − 1 ≈
 * (1.75° · cos φ)² ≤ 0.093 %). Beyond that a zone's figure describes no survey anyone would quote.
 */
export const GAUSS_KRUGER_ZONE_TOLERANCE_DEG = 0.25

/**
 * Whether a shape spanning the longitudes west…east lies in the zone: within its central
 * meridian ± 1.5°, give or take GAUSS_KRUGER_ZONE_TOLERANCE_DEG.
 * @example gaussKrugerZoneHolds(gaussKrugerZoneByCentralMeridian(114), 115.3, 115.5) // true
 * @example gaussKrugerZoneHolds(gaussKrugerZoneByCentralMeridian(75), 114.99, 115.01) // false
 */
export function gaussKrugerZoneHolds(zone: GaussKrugerZone, west: number, east: number): boolean {
  const reach = ZONE_HALF_WIDTH_DEG + GAUSS_KRUGER_ZONE_TOLERANCE_DEG + 1e-9
  return west >= zone.centralMeridian - reach && east <= zone.centralMeridian + reach
}

/** Caller's choice of zone; by default the zone of the shape's centroid longitude, without prefix. */
export interface GaussKrugerAreaOptions {
  /** Force this central meridian (a multiple of 3 in 75…135). */
  centralMeridian?: number
  /** Force this EPSG zone (4513–4554); it also decides the prefix. Given with a different centralMeridian, throws. */
  epsg?: number
  /** Report the zone-prefixed EPSG code (4513–4533). The area is the same either way. */
  zonePrefix?: boolean
}

export interface GaussKrugerArea {
  /** Plane area in the zone, m². */
  m2: number
  epsg: number
  centralMeridian: number
}

/** The zone the caller named (EPSG code or central meridian), if any; throws for names that disagree. */
function namedZone(options: GaussKrugerAreaOptions): { zone: GaussKrugerZone; path: string } | undefined {
  const { centralMeridian, epsg, zonePrefix = false } = options
  if (epsg !== undefined) {
    const zone = gaussKrugerZoneByEpsg(epsg)
    if (centralMeridian !== undefined && centralMeridian !== zone.centralMeridian) {
      throw new GeometryError(
        `EPSG:${epsg} has central meridian ${zone.centralMeridian}, not ${centralMeridian}`,
        'options.centralMeridian',
      )
    }
    return { zone, path: 'options.epsg' }
  }
  if (centralMeridian !== undefined) return { zone: gaussKrugerZoneByCentralMeridian(centralMeridian, zonePrefix), path: 'options.centralMeridian' }
  return undefined
}

/** 115°E, 117.5°E: degrees as a reader writes them (up to 4 decimals, about 10 m). */
const degreesEast = (lon: number): string => `${Number(lon.toFixed(4))}°E`

/**
 * The zone to measure in: the one named, else the one of the centroid's longitude. Either way the
 * shape must lie in it (gaussKrugerZoneHolds): a plane area in a zone far from the shape, say
 * 75°E for a park at 115°E, is a number with no survey behind it, so it is refused, naming the
 * zone the shape does lie in.
 */
function chooseZone(rings: Position[][][], options: GaussKrugerAreaOptions): GaussKrugerZone {
  const { west, east } = longitudeRange(rings)
  const named = namedZone(options)
  if (named && gaussKrugerZoneHolds(named.zone, west, east)) return named.zone
  const own = gaussKrugerZoneForLongitude(centroidLongitude(rings), named ? named.zone.zonePrefix : options.zonePrefix)
  const fits = gaussKrugerZoneHolds(own, west, east)
  if (!named && fits) return own
  const span = `${degreesEast(west)}–${degreesEast(east)}`
  if (!named || !fits) {
    throw new GeometryError(
      `the shape spans ${span}, wider than one 3° Gauss-Krüger zone (central meridian ± 1.5°, with ${GAUSS_KRUGER_ZONE_TOLERANCE_DEG}° to spare): no plane area describes it`,
      'coordinates',
    )
  }
  const cm = named.zone.centralMeridian
  throw new GeometryError(
    `the shape (${span}) does not lie in the 3° Gauss-Krüger zone of central meridian ${degreesEast(cm)} ` +
      `(${degreesEast(cm - ZONE_HALF_WIDTH_DEG)}–${degreesEast(cm + ZONE_HALF_WIDTH_DEG)}, with ${GAUSS_KRUGER_ZONE_TOLERANCE_DEG}° to spare), ` +
      `so its plane area there would mean nothing; its zone is ${degreesEast(own.centralMeridian)} (EPSG:${own.epsg})`,
    named.path,
  )
}

/** The westmost and eastmost longitude of the shape's positions. */
function longitudeRange(polygons: Position[][][]): { west: number; east: number } {
  let west = Infinity
  let east = -Infinity
  for (const rings of polygons) {
    for (const ring of rings) {
      for (const position of ring) {
        const lon = position[0] as number
        if (lon < west) west = lon
        if (lon > east) east = lon
      }
    }
  }
  return { west, east }
}

/** Shoelace area and centroid x of one ring, taken relative to its first position to keep digits. */
function ringMoments(ring: Position[]): { area: number; centroidX: number } {
  const [x0 = 0, y0 = 0] = ring[0] ?? []
  let twiceArea = 0
  let xMoment = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const a = ring[i] as Position
    const b = ring[i + 1] as Position
    const xa = (a[0] as number) - x0
    const xb = (b[0] as number) - x0
    const cross = xa * ((b[1] as number) - y0) - xb * ((a[1] as number) - y0)
    twiceArea += cross
    xMoment += (xa + xb) * cross
  }
  const centroidX = twiceArea === 0 ? x0 : x0 + xMoment / (3 * twiceArea)
  return { area: Math.abs(twiceArea) / 2, centroidX }
}

/** Area-weighted centroid longitude (in the lon/lat plane: good enough to pick a 3° zone). */
function centroidLongitude(polygons: Position[][][]): number {
  let weight = 0
  let moment = 0
  let vertexSum = 0
  let vertexCount = 0
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const { area, centroidX } = ringMoments(ring)
      const sign = i === 0 ? 1 : -1 // holes take their share away
      weight += sign * area
      moment += sign * area * centroidX
      for (const position of ring) vertexSum += position[0] as number
      vertexCount += ring.length
    })
  }
  // Zero-area input (all collinear) still has a place: the mean of its vertices.
  return weight > 0 ? moment / weight : vertexSum / vertexCount
}

function planeRingArea(ring: Position[], converter: GaussKrugerConverter): number {
  return ringMoments(ring.map((p) => converter.toPlane(p[0] as number, p[1] as number))).area
}

/**
 * Plane area in m² of a polygonal geometry, Feature or FeatureCollection in a CGCS2000 3-degree
 * Gauss-Krüger zone: the shoelace area of the projected rings, |outer| minus |holes|, summed
 * over all features. The zone is the one of the input's centroid longitude unless `options`
 * names one. Throws {@link GeometryError} for input geodesicArea rejects, a centroid outside
 * 73.5°E–136.5°E, a bad zone option, or a shape that does not lie in the zone (see chooseZone).
 * @example await gaussKrugerArea(parcel) // { m2: ≈ 10 835.22 for the 0.001° square at 115.4°E 28.7°N (geodesic: 10 830.22), epsg: 4547, centralMeridian: 114 }
 * @example await gaussKrugerArea(parcel, { epsg: 4526 }) // same m2, epsg: 4526
 */
export async function gaussKrugerArea(input: AreaInput, options: GaussKrugerAreaOptions = {}): Promise<GaussKrugerArea> {
  const polygons = polygonalGeometries(input).flatMap((geometry) =>
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates,
  )
  const zone = chooseZone(polygons, options)
  const converter = await loadGaussKrugerConverter(zone)
  let m2 = 0
  for (const [outer = [], ...holes] of polygons) {
    const outerArea = planeRingArea(outer, converter)
    const holeArea = holes.reduce((sum, ring) => sum + planeRingArea(ring, converter), 0)
    // Same rule as geodesicArea: equal holes may differ in the last bits, bigger ones are broken input.
    if (holeArea > outerArea * (1 + 1e-12) + 1e-9) {
      throw new GeometryError(`holes (${holeArea.toFixed(2)} m²) are larger than the outer ring (${outerArea.toFixed(2)} m²)`, 'coordinates')
    }
    m2 += Math.max(0, outerArea - holeArea)
  }
  return { m2, epsg: zone.epsg, centralMeridian: zone.centralMeridian }
}
