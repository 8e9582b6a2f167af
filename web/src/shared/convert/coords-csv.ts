/**
 * 界址点坐标表 as a table: point number, X (northing), Y (easting), optional ring (圈号), in a
 * CGCS2000 3° Gauss-Krüger zone — what planners paste from a survey report or a spreadsheet, and
 * what Park Atlas's CSV export writes (title and notes first, then the header, points to the
 * millimetre, side lengths, each ring closed on its first point again).
 *
 * Reading takes commas, tabs, spaces or Chinese commas between fields; lines without two numbers
 * (title, notes, header) are skipped, and an `EPSG:45xx` among them names the zone.
 */
import type { Position } from 'geojson'
import type { ImportedFeatureCollection } from '../api/convert'
import type { GaussKrugerZone } from '../gauss-kruger'
import { csvField } from '../csv'
import { decodeText, encodeText } from './text-encoding'
import { planePositions, planeToLonLat, planeZone } from './plane'
import { numberedPoints, planeFeatures } from './plane-write'
import { polygonFromRings, repairRing } from './rings'
import { ConvertError, type Converter, type ReadOptions, type WriteOptions } from './types'

/** Words of the written table; the numbers are always plain ('.' decimals, no grouping). */
export interface CoordinateTableLabels {
  title: string
  /** Lines under the title: CRS and EPSG, areas, "illustrative data" … */
  notes: string[]
  columns: [no: string, x: string, y: string, side: string, ring: string]
}

const DEFAULT_LABELS: CoordinateTableLabels = {
  title: '界址点坐标表',
  notes: [],
  columns: ['点号', 'X（北坐标，米）', 'Y（东坐标，米）', '边长（米）', '圈号'],
}

export interface BoundaryPoint {
  /** J1, J2, … (a ring's closing row repeats its first number) */
  no: string
  /** Ring number within the feature: 1 the outer ring, then holes and further parts. */
  ring: number
  /** Northing, m. */
  x: number
  /** Easting, m (with the zone number in front when the zone is prefixed). */
  y: number
  /** Plane distance to the next point; null on a ring's closing row. */
  sideM: number | null
}

export interface CoordinateTable {
  zone: GaussKrugerZone
  /** Plane area in the zone, m²: what survey documents quote beside the ellipsoidal figure. */
  planeM2: number
  /** Every ring, each closed on its first point. */
  points: BoundaryPoint[]
}

/**
 * The boundary points of a collection in one zone (the one asked for, else the centroid's, with
 * the zone number in front of Y when `zonePrefix`): outer rings clockwise from the north-west
 * corner, J1… numbered on through holes and parts. Throws ConvertError for shapes it cannot place.
 */
export async function coordinateTable(collection: ImportedFeatureCollection, options: { epsg?: number | undefined; zonePrefix?: boolean } = {}): Promise<CoordinateTable> {
  const { zone, features } = await planeFeatures(collection, options)
  // One numbering on through the collection's features.
  const points: BoundaryPoint[] = numberedPoints(features.flatMap((f) => f.parts)).map(({ no, ring, e, n, next }) => ({
    no: `J${no}`,
    ring,
    x: n,
    y: e,
    sideM: next ? Math.hypot((next[0] as number) - e, (next[1] as number) - n) : null,
  }))
  return { zone, planeM2: features.reduce((sum, f) => sum + f.planeM2, 0), points }
}

/**
 * The table as CSV (CRLF lines): title and notes, a blank line, the header, one row per point;
 * coordinates to the millimetre, sides to the centimetre; the 圈号 column only when there is more
 * than one ring.
 */
export function coordinateTableCsv(table: CoordinateTable, labels: CoordinateTableLabels = DEFAULT_LABELS): string {
  const manyRings = table.points.some((p) => p.ring > 1)
  const [no, x, y, side, ring] = labels.columns
  const rows: string[][] = [[labels.title], ...labels.notes.map((n) => [n]), [], manyRings ? [no, x, y, side, ring] : [no, x, y, side]]
  for (const p of table.points) {
    const row = [p.no, p.x.toFixed(3), p.y.toFixed(3), p.sideM === null ? '' : p.sideM.toFixed(2)]
    rows.push(manyRings ? [...row, String(p.ring)] : row)
  }
  return rows.map((row) => row.map((v) => csvField(v)).join(',')).join('\r\n') + '\r\n'
}

const NUMBER = /^[-+]?\d+(\.\d+)?$/

/** Field positions of X, Y and ring, from a header line if there is one, else from the first data row. */
function columnsOf(header: string[] | undefined, firstRow: string[]): { x: number; y: number; ring: number } {
  if (header) {
    const find = (re: RegExp) => header.findIndex((h) => re.test(h))
    const x = find(/^(x|北|纵)|x[（(]|北坐标/i)
    const y = find(/^(y|东|横)|y[（(]|东坐标/i)
    if (x >= 0 && y >= 0) return { x, y, ring: find(/圈|环|ring|part/i) }
  }
  const offset = NUMBER.test(firstRow[0] ?? '') && firstRow.length <= 3 ? 0 : 1
  return { x: offset, y: offset + 1, ring: firstRow.length > offset + 2 && /^\d{1,3}$/.test(firstRow[offset + 2] ?? '') ? offset + 2 : -1 }
}

/** Fields of one line: CSV (quotes respected) when it has a comma, else tabs, Chinese commas or spaces. */
function splitLine(line: string): string[] {
  const trimmed = line.trim()
  if (trimmed.includes(',')) {
    const fields: string[] = []
    let field = ''
    let quoted = false
    for (let i = 0; i < trimmed.length; i++) {
      const c = trimmed[i]!
      if (quoted && c === '"' && trimmed[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = !quoted
      else if (c === ',' && !quoted) {
        fields.push(field.trim())
        field = ''
      } else field += c
    }
    return [...fields, field.trim()]
  }
  for (const separator of ['\t', '，', ';', '；']) if (trimmed.includes(separator)) return trimmed.split(separator).map((f) => f.trim())
  return trimmed.split(/\s+/)
}

async function read(bytes: Uint8Array, options: ReadOptions = {}) {
  const notes: string[] = []
  const { text } = decodeText(bytes)
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => ({ fields: splitLine(t), text: t, line: i + 1 })).filter((l) => l.text.trim() !== '')
  const isData = (fields: string[]) => fields.filter((f) => NUMBER.test(f)).length >= 2
  const data = lines.filter((l) => isData(l.fields))
  if (data.length === 0) throw new ConvertError('no line holds an X and a Y: expected rows like "J1,3176822.130,636813.880"', '', 'malformed')
  const before = lines.filter((l) => l.line < data[0]!.line)
  const epsgHint = before.map((l) => /EPSG[:：]\s*(45[1-5]\d)/i.exec(l.text)?.[1]).find(Boolean)
  const cols = columnsOf(before[before.length - 1]?.fields, data[0]!.fields)
  // Rings: by the ring column, else a new ring whenever one has closed on its first point.
  const rings: { key: string; xy: [number, number][]; line: number }[] = []
  for (const { fields, line } of data) {
    const x = Number(fields[cols.x])
    const y = Number(fields[cols.y])
    if (!NUMBER.test(fields[cols.x] ?? '') || !NUMBER.test(fields[cols.y] ?? '')) {
      throw new ConvertError(`X and Y must be numbers, got "${fields[cols.x] ?? ''}" and "${fields[cols.y] ?? ''}"`, `line ${line}`, 'malformed')
    }
    const key = cols.ring >= 0 ? (fields[cols.ring] ?? '1') : ''
    let ring = cols.ring >= 0 ? rings.find((r) => r.key === key) : rings[rings.length - 1]
    const open = ring && !(ring.xy.length > 2 && ring.xy[0]![0] === ring.xy[ring.xy.length - 1]![0] && ring.xy[0]![1] === ring.xy[ring.xy.length - 1]![1])
    if (!ring || (cols.ring < 0 && !open)) {
      ring = { key, xy: [], line }
      rings.push(ring)
    }
    ring.xy.push([x, y])
  }
  const planeRings = rings.map((r) => ({ where: `ring ${r.key || rings.indexOf(r) + 1} (line ${r.line})`, xy: r.xy }))
    .map((r) => ({ where: r.where, points: planePositions(r.xy, r.where, notes) }))
  const hinted = options.epsg ?? (epsgHint ? Number(epsgHint) : undefined)
  const { zone, crs } = planeZone(planeRings.flatMap((r) => r.points.map((p) => p[0] as number)), { epsg: hinted })
  if (options.epsg === undefined && epsgHint) crs.source = 'file'
  const repaired = planeRings.map((r) => ({ where: r.where, points: repairRing(r, notes) }))
  const lonLat: Position[][] = await planeToLonLat(zone, repaired)
  const skipped = lines.length - data.length
  if (skipped) notes.push(`${skipped} line${skipped > 1 ? 's' : ''} without coordinates (title, notes, header) skipped`)
  return {
    features: { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: {}, geometry: polygonFromRings(lonLat) }] },
    crs_detected: crs,
    notes,
  }
}

async function write(collection: ImportedFeatureCollection, options: WriteOptions = {}) {
  const table = await coordinateTable(collection, { epsg: options.epsg })
  const labels = options.tableLabels ?? { ...DEFAULT_LABELS, notes: [`坐标系：CGCS2000 3度带高斯-克吕格投影，中央经线 ${table.zone.centralMeridian}°E，EPSG:${table.zone.epsg}`] }
  const encoding = options.encoding ?? 'utf-8'
  // Excel reads a CSV as the local code page unless it starts with a BOM; GBK files go without.
  const text = (encoding === 'utf-8' ? '\uFEFF' : '') + coordinateTableCsv(table, labels)
  return {
    bytes: encodeText(text, encoding).bytes,
    contentType: `text/csv; charset=${encoding === 'gbk' ? 'GBK' : 'utf-8'}`,
    filename: `${options.name ?? 'boundary'}.csv`,
  }
}

export const coordsCsv: Converter = {
  name: 'coords-csv',
  label: '界址点坐标表 CSV (coordinate table)',
  extensions: ['.csv', '.tsv'],
  contentType: 'text/csv',
  read,
  write,
}
