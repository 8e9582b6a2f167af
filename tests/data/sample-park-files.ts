/**
 * Readers for the sample park's data files and the schema they must satisfy, shared by
 * tests/data/sample-park.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import geographiclib from 'geographiclib-geodesic'

export const DATA_DIR = new URL('../../data/', import.meta.url)
const MIGRATIONS = new URL('../../server/migrations/', import.meta.url)

export type Props = Record<string, string | number | boolean | null>
export type ParkFeature = Feature<Geometry, Props>

export function readText(name: string): string {
  return readFileSync(new URL(name, DATA_DIR), 'utf8')
}

export function readLayer(name: string): ParkFeature[] {
  return (JSON.parse(readText(`${name}.geojson`)) as FeatureCollection<Geometry, Props>).features
}

/** RFC 4180 CSV → header + rows; an empty unquoted cell is null. */
export function readCsv(name: string): { header: string[]; rows: Record<string, string | null>[] } {
  const text = readText(name)
  const records: (string | null)[][] = []
  let row: (string | null)[] = []
  let cell = ''
  let quoted = false
  let inQuotes = false
  const endCell = (): void => {
    row.push(cell === '' && !quoted ? null : cell)
    cell = ''
    quoted = false
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') inQuotes = false
      else cell += ch
    } else if (ch === '"') (inQuotes = true), (quoted = true)
    else if (ch === ',') endCell()
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endCell()
      records.push(row)
      row = []
    } else cell += ch
  }
  if (cell !== '' || row.length) (endCell(), records.push(row))
  const [header, ...body] = records
  const names = header!.map((h) => h ?? '')
  return { header: names, rows: body.map((r) => Object.fromEntries(names.map((h, i) => [h, r[i] ?? null]))) }
}

export interface Column {
  name: string
  notNull: boolean
  allowed: string[] | null
}

const COLUMN = /^\s{2}(\w+)\s+(text|integer|numeric|boolean|date|timestamptz|bigserial|jsonb|geometry)\b(.*)$/

function column(name: string, rest: string): Column {
  const inList = new RegExp(`CHECK \\(${name} IN \\(([^)]*)\\)`).exec(rest)
  return { name, notNull: /NOT NULL|PRIMARY KEY/.test(rest), allowed: inList ? [...inList[1]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!) : null }
}

/**
 * Each table's columns, NOT NULL flags and `CHECK (col IN (...))` values, read from the
 * migrations in order: CREATE TABLE, then ALTER TABLE … ADD COLUMN and the IN checks later
 * migrations add or replace (011: telecom_cable, site_state).
 */
export function readSchema(): Map<string, Column[]> {
  const tables = new Map<string, Column[]>()
  for (const file of readdirSync(MIGRATIONS).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort()) {
    const sql = readFileSync(new URL(file, MIGRATIONS), 'utf8')
    for (const m of sql.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)) {
      const cols: Column[] = []
      for (const line of m[2]!.split('\n')) {
        const c = COLUMN.exec(line)
        if (c) cols.push(column(c[1]!, c[3]!))
      }
      tables.set(m[1]!, cols)
    }
    for (const m of sql.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+) (\w+)([^;]*);/g)) tables.get(m[1]!)?.push(column(m[2]!, m[4]!))
    for (const m of sql.matchAll(/ALTER TABLE (\w+) ADD CONSTRAINT \w+ CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
      const col = tables.get(m[1]!)?.find((c) => c.name === m[2])
      if (col) col.allowed = [...m[3]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!)
    }
  }
  return tables
}

/** Columns a data file carries: all but the geometry and the database-managed ones. */
export function fileColumns(schema: Map<string, Column[]>, table: string): Column[] {
  const cols = schema.get(table)
  if (!cols) throw new Error(`no table ${table} in the schema`)
  return cols.filter((c) => !['geom', 'version', 'updated_at', 'is_major', 'public_id'].includes(c.name))
}

const WGS84 = geographiclib.Geodesic.WGS84

/** Ellipsoidal area in m² (GeographicLib), as the server's ST_Area(geom::geography) computes it. */
export function geodesicArea(g: Geometry): number {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
  let total = 0
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const p = WGS84.Polygon(false)
      for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat!, lon!)
      const a = Math.abs(p.Compute(false, true).area ?? 0)
      total += i === 0 ? a : -a
    })
  }
  return total
}
