/**
 * Plane coordinates of survey files (CGCS2000 3° Gauss-Krüger, metres) to lon/lat and back: which
 * zone the file is in (a 带号 line, the zone number in front of an 8-digit easting, or the caller's
 * EPSG code), and the check that the result lies in China and in that zone.
 */
import type { Position } from 'geojson'
import type { CrsDetected } from '../api/convert'
import {
  gaussKrugerZoneByCentralMeridian,
  gaussKrugerZoneByEpsg,
  gaussKrugerZoneHolds,
  loadGaussKrugerConverter,
  type GaussKrugerZone,
} from '../gauss-kruger'
import { GeometryError } from '../geodesic-area'
import { ConvertError } from './types'

/** Eastings of zone-prefixed files: the 3° zone number (25–45) times a million in front. */
const PREFIX_UNIT = 1_000_000
/** China from the Nansha islands to Mohe, Pamirs to the Wusuli: what any Chinese GK survey covers. */
const CHINA = { west: 73, east: 136, south: 3, north: 54 }

export const gkName = (zone: GaussKrugerZone): string =>
  `CGCS2000 3° Gauss-Krüger, central meridian ${zone.centralMeridian}°E${zone.zonePrefix ? ', zone number in the easting' : ''} (EPSG:${zone.epsg})`

function zoneOfEpsg(epsg: number): GaussKrugerZone {
  try {
    return gaussKrugerZoneByEpsg(epsg)
  } catch (err) {
    if (err instanceof GeometryError) throw new ConvertError(`EPSG:${epsg} is not a CGCS2000 3° Gauss-Krüger zone (EPSG:4513–4554)`, 'epsg', 'malformed')
    throw err
  }
}

/**
 * A 带号 value as files write it: the 3° zone number (25–45), or its central meridian (75–135).
 * @example zoneOfBandNumber(38) // central meridian 114
 */
function zoneOfBandNumber(band: number, zonePrefix: boolean): GaussKrugerZone {
  const cm = band >= 25 && band <= 45 ? band * 3 : band
  try {
    return gaussKrugerZoneByCentralMeridian(cm, zonePrefix)
  } catch {
    throw new ConvertError(`带号 ${band} is neither a 3° zone number (25–45) nor a central meridian (75–135, a multiple of 3)`, '带号')
  }
}

export interface PlaneZoneHints {
  /** The caller's EPSG code (?epsg=). */
  epsg?: number | undefined
  /** The file's own 带号, if any. */
  band?: number | undefined
}

/**
 * The zone of a file's eastings. Eastings over 10 000 km carry their zone number (38 636 813 m:
 * zone 38, EPSG:4526); plain ones (636 813 m) need the file's 带号 or the caller's EPSG code.
 * Throws ConvertError when the hints disagree with each other or the eastings, or name no zone.
 */
export function planeZone(eastings: readonly number[], hints: PlaneZoneHints): { zone: GaussKrugerZone; crs: CrsDetected } {
  const prefixes = new Set(eastings.map((e) => (e >= 10 * PREFIX_UNIT ? Math.floor(e / PREFIX_UNIT) : 0)))
  if (prefixes.size > 1) {
    throw new ConvertError(`eastings mix zone numbers (${[...prefixes].map((p) => p || 'none').join(', ')}): one file holds one zone`, 'coordinates')
  }
  const prefix = [...prefixes][0] ?? 0
  const named = hints.epsg !== undefined ? zoneOfEpsg(hints.epsg) : undefined
  const banded = hints.band !== undefined ? zoneOfBandNumber(hints.band, prefix > 0) : undefined
  if (prefix > 0) {
    if (prefix < 25 || prefix > 45) throw new ConvertError(`easting prefix ${prefix} is no CGCS2000 3° zone number (25–45)`, 'coordinates')
    const zone = gaussKrugerZoneByCentralMeridian(prefix * 3, true)
    if (named && named.centralMeridian !== zone.centralMeridian) {
      throw new ConvertError(`the eastings carry zone ${prefix} (central meridian ${zone.centralMeridian}°E), not the zone of EPSG:${named.epsg}`, 'epsg')
    }
    if (banded && banded.centralMeridian !== zone.centralMeridian) {
      throw new ConvertError(`the eastings carry zone ${prefix} but 带号 says ${hints.band}`, '带号')
    }
    return { zone, crs: { epsg: zone.epsg, source: banded ? 'file' : 'easting-prefix', name: gkName(zone) } }
  }
  if (named?.zonePrefix) {
    throw new ConvertError(`EPSG:${named.epsg} puts the zone number in front of the easting, but these eastings have none: use EPSG:${named.epsg + 21}`, 'epsg')
  }
  if (named && banded && named.centralMeridian !== banded.centralMeridian) {
    throw new ConvertError(`EPSG:${named.epsg} (central meridian ${named.centralMeridian}°E) disagrees with the file's 带号 ${hints.band}`, 'epsg')
  }
  const zone = named ?? banded
  if (!zone) {
    throw new ConvertError('the eastings carry no zone number and the file names no 带号: give the zone as ?epsg= (EPSG:4534–4554, e.g. 4547 for central meridian 114°E)', 'coordinates', 'unacceptable')
  }
  return { zone, crs: { epsg: zone.epsg, source: banded ? 'file' : 'option', name: gkName(zone) } }
}

/**
 * Projects plane rings ([easting, northing]) of one zone to lon/lat, refusing positions that
 * fall outside China or outside the zone's strip (a wrong zone, or northing and easting swapped).
 */
export async function planeToLonLat(
  zone: GaussKrugerZone,
  rings: { points: Position[]; where: string }[],
): Promise<Position[][]> {
  const gk = await loadGaussKrugerConverter(zone)
  return rings.map(({ points, where }) => {
    const lonLat = points.map(([e, n]) => gk.toLonLat(e as number, n as number))
    let west = Infinity
    let east = -Infinity
    lonLat.forEach(([lon, lat], i) => {
      if (!(lon >= CHINA.west && lon <= CHINA.east && lat >= CHINA.south && lat <= CHINA.north)) {
        const [e, n] = points[i] as [number, number]
        throw new ConvertError(
          `X ${n}, Y ${e} lies outside any Chinese Gauss-Krüger zone (it falls at ${lon.toFixed(4)}°E ${lat.toFixed(4)}°N in ${gkName(zone)})`,
          where,
        )
      }
      west = Math.min(west, lon)
      east = Math.max(east, lon)
    })
    if (!gaussKrugerZoneHolds(zone, west, east)) {
      throw new ConvertError(`the ring (${west.toFixed(3)}°E–${east.toFixed(3)}°E) lies outside the strip of ${gkName(zone)}`, where)
    }
    return lonLat
  })
}


/** A northing of a Chinese survey: 7 digits (0.3–6 000 km north); an easting is 6 digits, or 8 with the zone. */
const looksLikeNorthing = (v: number): boolean => v >= PREFIX_UNIT && v < 10 * PREFIX_UNIT
const looksLikeEasting = (v: number): boolean => (v > 0 && v < PREFIX_UNIT) || (v >= 25 * PREFIX_UNIT && v < 46 * PREFIX_UNIT)

/**
 * Survey tables list X = northing, Y = easting. When every pair reads the other way round (X an
 * easting, Y a northing), the table was written swapped: the pairs are turned back, with a note.
 * Returns [easting, northing] positions either way.
 * @example planePositions([[3176822.13, 636813.88]], 'table', notes) // [[636813.88, 3176822.13]]
 */
export function planePositions(xy: readonly (readonly [number, number])[], where: string, notes: string[]): Position[] {
  const swapped = xy.length > 0 && xy.every(([x, y]) => looksLikeEasting(x) && looksLikeNorthing(y))
  if (swapped) notes.push(`${where}: X and Y were swapped (X must be the northing, Y the easting): read the other way round`)
  return xy.map(([x, y]) => (swapped ? [x, y] : [y, x]))
}
