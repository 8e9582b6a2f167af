
/** A typed coordinate the search understood: where it is, and how it was read. */
export interface CoordinateHit {
  kind: 'lonlat' | 'gk'
  lngLat: [number, number]
  /** How the input was read, e.g. "115.40000, 28.70000" or "X 3176822.13, Y 38636813.88 (EPSG:4526)". */
  label: string
}

/** China's extent, generously: a pair outside it is not read as lon/lat. */
const LON = [73, 136] as const
const LAT = [3, 54] as const
/** Northings of CGCS2000 3° zones over China (≈ 330 km to 6 000 km from the equator). */
const NORTHING = [300_000, 6_100_000] as const

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi

function numbersOf(text: string): number[] | null {
  const parts = text.trim().replace(/[，,;；\s]+/g, ' ').split(' ')
  if (parts.length !== 2 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) return null
  return parts.map(Number)
}

/**
 * Reads two numbers as a place: lon/lat (either order, told apart by their ranges), or CGCS2000
 * 3° Gauss-Krüger X (northing) / Y (easting) as survey tables write them — an 8-digit easting
 * names its zone (38 636 813 → zone 38), a 6-digit one is taken in the zone of `nearLongitude`
 * (the map's centre), since without a prefix the zone is not in the numbers.
 */
export async function parseCoordinate(text: string, nearLongitude: number): Promise<CoordinateHit | null> {
  const numbers = numbersOf(text)
  if (!numbers) return null
  const [a, b] = numbers as [number, number]
  if (within(a, LON) && within(b, LAT)) return { kind: 'lonlat', lngLat: [a, b], label: `${a.toFixed(5)}, ${b.toFixed(5)}` }
  if (within(b, LON) && within(a, LAT)) return { kind: 'lonlat', lngLat: [b, a], label: `${b.toFixed(5)}, ${a.toFixed(5)}` }
  // Survey order is X (northing) first; accept the pair either way round. A 6-digit easting
  // (under 1 000 km) also fits the northing range far south, so a pair of both is read larger = X.
  const aX = within(a, NORTHING) && (!within(b, NORTHING) || a > b)
  const [x, y] = aX ? [a, b] : [b, a]
  if (!within(x, NORTHING)) return null
  // The GK code (with proj4 and geographiclib behind it) loads when a coordinate pair is typed.
  const { gaussKrugerZoneByCentralMeridian, gaussKrugerZoneForLongitude, loadGaussKrugerConverter } = await import('../../shared/gauss-kruger')
  let zone
  try {
    if (y >= 25_000_000 && y < 46_000_000) zone = gaussKrugerZoneByCentralMeridian(Math.floor(y / 1_000_000) * 3, true)
    else if (y > 0 && y < 1_000_000) zone = gaussKrugerZoneForLongitude(nearLongitude)
    else return null
  } catch {
    return null
  }
  const converter = await loadGaussKrugerConverter(zone)
  const [lng, lat] = converter.toLonLat(y, x)
  if (!within(lng, LON) || !within(lat, LAT)) return null
  return { kind: 'gk', lngLat: [lng, lat], label: `X ${x.toFixed(2)}, Y ${y.toFixed(2)} (EPSG:${zone.epsg})` }
}
