import type pg from 'pg'
import { BadRequest } from '../errors'
import { columnName, viewRelation, type LayerView } from '../layers/catalog'

/**
 * A layer view's queryable properties (OGC API – Features Part 3): every column the view shows,
 * typed from what PostgreSQL says the view's columns are, so the JSON Schema and the equality
 * filters (`?status=available`) follow the catalogue and the migrations without a second list.
 * `area_m2` is computed, not stored, and a float: it is a property but not a queryable.
 */
export interface Queryable {
  name: string
  /** JSON Schema of a value. */
  schema: { type: 'string' | 'integer' | 'number' | 'boolean'; format?: 'date' | 'date-time' }
  /** The SQL type a filter value is cast to: a constant of this module, never text from a request. */
  cast: 'text' | 'bigint' | 'numeric' | 'boolean' | 'date' | 'timestamptz'
}

/** PostgreSQL type OIDs (pg_type) → how a value of that type is described and compared. */
const BY_OID: ReadonlyMap<number, Omit<Queryable, 'name'>> = new Map([
  [16, { schema: { type: 'boolean' }, cast: 'boolean' }],
  [20, { schema: { type: 'integer' }, cast: 'bigint' }],
  [21, { schema: { type: 'integer' }, cast: 'bigint' }],
  [23, { schema: { type: 'integer' }, cast: 'bigint' }],
  [700, { schema: { type: 'number' }, cast: 'numeric' }],
  [701, { schema: { type: 'number' }, cast: 'numeric' }],
  [1700, { schema: { type: 'number' }, cast: 'numeric' }],
  [1082, { schema: { type: 'string', format: 'date' }, cast: 'date' }],
  [1114, { schema: { type: 'string', format: 'date-time' }, cast: 'timestamptz' }],
  [1184, { schema: { type: 'string', format: 'date-time' }, cast: 'timestamptz' }],
] as const)
const TEXT: Omit<Queryable, 'name'> = { schema: { type: 'string' }, cast: 'text' }

// Per pool (the tests run the embedded and a server database in one process), per layer view.
const cache = new WeakMap<pg.Pool, Map<string, Promise<Queryable[]>>>()

async function readQueryables(pool: pg.Pool, view: LayerView): Promise<Queryable[]> {
  const { fields } = await pool.query(`SELECT * FROM ${viewRelation(view, 't')} LIMIT 0`)
  const oids = new Map(fields.map((f) => [f.name, f.dataTypeID]))
  return view.columns.map(columnName).map((name) => ({ name, ...(BY_OID.get(oids.get(name) ?? 0) ?? TEXT) }))
}

/** The view's queryables, read from the database once per pool and view. */
export function queryablesOf(pool: pg.Pool, view: LayerView, audience: string): Promise<Queryable[]> {
  let perPool = cache.get(pool)
  if (!perPool) cache.set(pool, (perPool = new Map()))
  const key = `${audience}:${view.layer.id}`
  let found = perPool.get(key)
  if (!found) {
    found = readQueryables(pool, view)
    found.catch(() => perPool.delete(key))
    perPool.set(key, found)
  }
  return found
}

const INTEGER = /^-?\d{1,18}$/
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d{1,3})?$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * A filter value checked against the queryable's type before any SQL runs. Throws BadRequest (400)
 * naming the property and the type it wants.
 */
export function checkFilterValue(q: Queryable, value: string): string {
  const ok =
    q.cast === 'text' ||
    (q.cast === 'bigint' && INTEGER.test(value)) ||
    (q.cast === 'numeric' && DECIMAL.test(value) && Number.isFinite(Number(value))) ||
    (q.cast === 'boolean' && (value === 'true' || value === 'false')) ||
    (q.cast === 'date' && DATE.test(value) && !Number.isNaN(Date.parse(value))) ||
    (q.cast === 'timestamptz' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)))
  if (!ok) throw new BadRequest(`property filter ${q.name} needs ${q.schema.format ?? q.schema.type}, got "${value.slice(0, 60)}"`)
  return value
}

/** The queryables document: a JSON Schema of the properties one may filter on. */
export interface QueryablesSchema {
  $schema: string
  $id: string
  type: 'object'
  title: string
  properties: Record<string, Queryable['schema'] & { title: string }>
  additionalProperties: false
}

/** The queryables as a JSON Schema (Part 3, /collections/{id}/queryables). */
export function queryablesSchema(queryables: readonly Queryable[], id: string, title: string): QueryablesSchema {
  return {
    $schema: 'https://json-schema.org/draft/2019-09/schema',
    $id: id,
    type: 'object',
    title,
    properties: Object.fromEntries(queryables.map((q) => [q.name, { title: q.name, ...q.schema }])),
    additionalProperties: false,
  }
}

/**
 * A JSON Schema of the collection's features (GeoJSON Feature, typed properties): what clients
 * such as GDAL read to type their fields (a price is a number even when the first page shows none).
 * `area_m2` is computed, so a property here but not a queryable.
 */
export function featureSchema(queryables: readonly Queryable[], hasArea: boolean, id: string, title: string): object {
  const properties: Record<string, { type: string; format?: string; title: string }> = Object.fromEntries(queryables.map((q) => [q.name, { title: q.name, ...q.schema }]))
  if (hasArea) properties.area_m2 = { title: 'ellipsoidal area (m²)', type: 'number' }
  return {
    $schema: 'https://json-schema.org/draft/2019-09/schema',
    $id: id,
    title,
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'string' },
      geometry: { type: 'object' },
      properties: { type: 'object', properties },
    },
  }
}
