/**
 * 界址点坐标表 — the boundary-point table survey institutes exchange: point number, X (northing)
 * and Y (easting) in a CGCS2000 3-degree Gauss-Krüger zone, and the side length to the next point.
 * Points run clockwise from the north-west corner, and the table closes on J1 again, as the forms do.
 */
import type { Polygon, Position } from 'geojson'
import { gaussKrugerArea, gaussKrugerZoneByEpsg, loadGaussKrugerConverter, type GaussKrugerZone } from '../../shared/gauss-kruger'
import { ringCorners } from './measure'
import { csvField } from '../../shared/csv'

export interface BoundaryPoint {
  /** J1, J2, … */
  no: string
  /** Northing, m. */
  x: number
  /** Easting, m (with the zone number in front when the zone is prefixed). */
  y: number
  /** Plane distance to the next point (the last to J1), m. */
  sideM: number
}

export interface CoordinateTable {
  zone: GaussKrugerZone
  /** Plane area in the zone, m²: what survey documents quote beside the ellipsoidal figure. */
  planeM2: number
  points: BoundaryPoint[]
}

/** Twice the signed shoelace area in (easting, northing): positive when the corners run counter-clockwise. */
function signedTwiceArea(plane: readonly [number, number][]): number {
  let sum = 0
  for (let i = 0; i < plane.length; i++) {
    const [e1, n1] = plane[i] as [number, number]
    const [e2, n2] = plane[(i + 1) % plane.length] as [number, number]
    sum += e1 * n2 - e2 * n1
  }
  return sum
}

/**
 * Boundary points of a polygon's outer ring in plane coordinates: clockwise, starting at the
 * north-west corner (largest northing − easting), numbered J1…Jn. `toPlane` maps lon/lat to
 * [easting, northing]. Holes are not boundary points and are ignored. Never mutates the input.
 * @example boundaryPoints(square, (lon, lat) => [lon, lat]).map((p) => p.no) // ['J1', 'J2', 'J3', 'J4']
 */
export function boundaryPoints(polygon: Polygon, toPlane: (lon: number, lat: number) => [number, number]): BoundaryPoint[] {
  const corners = ringCorners(polygon.coordinates[0] ?? []).map((p: Position) => toPlane(p[0] as number, p[1] as number))
  if (signedTwiceArea(corners) > 0) corners.reverse()
  let start = 0
  corners.forEach(([e, n], i) => {
    const [se, sn] = corners[start] as [number, number]
    if (n - e > sn - se) start = i
  })
  const ordered = [...corners.slice(start), ...corners.slice(0, start)]
  return ordered.map(([e, n], i) => {
    const [ne, nn] = ordered[(i + 1) % ordered.length] as [number, number]
    return { no: `J${i + 1}`, x: n, y: e, sideM: Math.hypot(ne - e, nn - n) }
  })
}

/**
 * The table for a drawn boundary in the zone of its centroid (EPSG:4534–4554, or 4513–4533 with
 * `zonePrefix`); loads proj4 on first use. Throws GeometryError for a shape geodesicArea refuses.
 */
export async function buildCoordinateTable(polygon: Polygon, zonePrefix = false): Promise<CoordinateTable> {
  const plane = await gaussKrugerArea(polygon, { zonePrefix })
  const zone = gaussKrugerZoneByEpsg(plane.epsg)
  const converter = await loadGaussKrugerConverter(zone)
  return { zone, planeM2: plane.m2, points: boundaryPoints(polygon, converter.toPlane) }
}

/** Words of the CSV in the reader's language; the numbers are always plain (no grouping), '.' decimals. */
export interface CoordinateTableLabels {
  title: string
  /** Lines under the title: CRS and EPSG, areas, "illustrative data" … */
  notes: string[]
  columns: [no: string, x: string, y: string, side: string]
}

/**
 * The table as CSV (CRLF lines): title and notes first, then the header and one row per point,
 * closing on J1 again; coordinates to the millimetre, sides to the centimetre.
 * @example coordinateTableCsv(table, labels).split('\r\n')[0] // "界址点坐标表"
 */
export function coordinateTableCsv(points: readonly BoundaryPoint[], labels: CoordinateTableLabels): string {
  const rows: string[][] = [[labels.title], ...labels.notes.map((n) => [n]), [], [...labels.columns]]
  for (const p of points) rows.push([p.no, p.x.toFixed(3), p.y.toFixed(3), p.sideM.toFixed(2)])
  const first = points[0]
  if (first) rows.push([first.no, first.x.toFixed(3), first.y.toFixed(3), ''])
  return rows.map((row) => row.map((v) => csvField(v)).join(',')).join('\r\n') + '\r\n'
}
