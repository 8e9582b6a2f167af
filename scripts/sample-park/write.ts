/**
 * Serialisation: grid-frame shapes to RFC 7946 GeoJSON (lon/lat, 7 decimals, anticlockwise
 * exterior rings, one feature per line) and rows to RFC 4180 CSV (empty cell = NULL).
 */
import type { Geometry, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson'
import { gridToLonLat, type Ring, type XY } from './frame'

/** A closed lon/lat ring; vertices that round onto their neighbour are dropped. */
function lonLatRing(ring: Ring): Position[] {
  const out: Position[] = []
  for (const p of ring) {
    const q = gridToLonLat(p)
    const last = out[out.length - 1]
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q)
  }
  const first = out[0]!
  const last = out[out.length - 1]!
  if (first[0] === last[0] && first[1] === last[1]) out.pop()
  if (out.length < 3) throw new Error('ring collapsed when rounded')
  return [...out, first]
}

function lonLatLine(line: XY[]): Position[] {
  return line.map(gridToLonLat).filter((q, i, all) => i === 0 || q[0] !== all[i - 1]![0] || q[1] !== all[i - 1]![1])
}

/** One ring → Polygon, several disjoint rings → MultiPolygon (the loader applies ST_Multi). */
export function areaGeometry(rings: Ring[]): Polygon | MultiPolygon {
  if (rings.length === 1) return { type: 'Polygon', coordinates: [lonLatRing(rings[0]!)] }
  return { type: 'MultiPolygon', coordinates: rings.map((r) => [lonLatRing(r)]) }
}

export function lineGeometry(lines: XY[][]): LineString | MultiLineString {
  if (lines.length === 1) return { type: 'LineString', coordinates: lonLatLine(lines[0]!) }
  return { type: 'MultiLineString', coordinates: lines.map(lonLatLine) }
}

export function pointGeometry(p: XY): Point {
  return { type: 'Point', coordinates: gridToLonLat(p) }
}

export type Properties = Record<string, string | number | boolean | null>

/** Properties in the table's column order, so files diff cleanly. */
export function pick<C extends string>(columns: readonly C[], row: Partial<Record<C, unknown>>): Properties {
  const out: Properties = {}
  for (const c of columns) {
    const v = row[c]
    if (v === undefined) throw new Error(`missing column ${c}`)
    out[c] = v as Properties[string]
  }
  return out
}

/** A FeatureCollection with one feature per line. */
export function featureCollectionText(features: { properties: Properties; geometry: Geometry }[]): string {
  const lines = features.map((f) => JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }))
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return ''
  const s = String(v)
  if (s === '') throw new Error('empty string would read back as NULL')
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV text: a header of column names, then one line per row (LF line ends). */
export function csvText(columns: readonly string[], rows: Record<string, unknown>[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n'
}
