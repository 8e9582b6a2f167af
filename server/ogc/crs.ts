import { BadRequest } from '../errors'
import { gaussKrugerZoneByEpsg } from '../../web/src/shared/gauss-kruger'

/**
 * The coordinate reference systems OGC API – Features answers in (Part 2): CRS84 (the stored
 * lon/lat, the default), CGCS2000 lon/lat EPSG:4490, and the CGCS2000 3° Gauss-Krüger zones
 * EPSG:4513–4554. Each is written in its own axis order, as EPSG defines it: EPSG:4490 latitude
 * first, the Gauss-Krüger zones northing first (X is the northing in Chinese surveying).
 * PostGIS's ST_Transform always gives easting/longitude first, so those two get ST_FlipCoordinates.
 */
export interface OgcCrs {
  uri: string
  /** The SRID in spatial_ref_sys (the stored data is 4326, which CRS84 is in lon/lat order). */
  srid: number
  /** Whether the CRS's first axis is latitude or northing: the coordinates are flipped from PostGIS's order. */
  flipped: boolean
  /** Degrees or metres: how many decimals a coordinate keeps (1e-15° as the map's GeoJSON; 1e-9 m). */
  decimals: number
}

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'
const EPSG = 'http://www.opengis.net/def/crs/EPSG/0/'

const GK_CODES = Array.from({ length: 4554 - 4513 + 1 }, (_, i) => 4513 + i)
/** Built from the shared zone table, so the codes here are the ones the client's GK tools know. */
const GK = GK_CODES.map((code): OgcCrs => ({ uri: `${EPSG}${gaussKrugerZoneByEpsg(code).epsg}`, srid: code, flipped: true, decimals: 9 }))

/** Every CRS offered, the default first. */
export const OGC_CRS: readonly OgcCrs[] = [
  { uri: CRS84, srid: 4326, flipped: false, decimals: 15 },
  { uri: `${EPSG}4490`, srid: 4490, flipped: true, decimals: 15 },
  ...GK,
]

const byUri = new Map(OGC_CRS.map((c) => [c.uri, c]))

/**
 * The CRS a `crs` or `bbox-crs` parameter names; CRS84 when it is absent. Throws BadRequest (400)
 * for any other URI, naming the parameter and where the list is.
 * @example ogcCrs('http://www.opengis.net/def/crs/EPSG/0/4547', 'crs').srid // 4547
 */
export function ogcCrs(uri: string | undefined, parameter: 'crs' | 'bbox-crs'): OgcCrs {
  if (uri === undefined || uri === '') return OGC_CRS[0]!
  const found = byUri.get(uri)
  if (!found) throw new BadRequest(`${parameter} "${uri}" is not supported; the collection's "crs" list names those that are`)
  return found
}

/** The geometry `t.geom` (SRID 4326) in the CRS, in the CRS's own axis order, as SQL. */
export function geometryIn(crs: OgcCrs, column = 't.geom'): string {
  if (crs.srid === 4326) return column
  const transformed = `ST_Transform(${column}, ${crs.srid})`
  return crs.flipped ? `ST_FlipCoordinates(${transformed})` : transformed
}
