import pg from 'pg'
import { Conflict, NotFound } from '../errors'
import { appendAudit } from './audit'

/** Tables whose rows are edited through the API: each has `id`, `version`, `updated_at`. */
export type EditableTable = 'zones' | 'parcels' | 'idle_plots' | 'projects' | 'chemical_clusters' | 'scenarios'
/** Editable tables without a `geom` column (a scenario's shapes are its versions'). */
const WITHOUT_GEOMETRY: readonly EditableTable[] = ['idle_plots', 'scenarios']

/** The row as JSON, geometry as GeoJSON: what the audit log keeps as before/after. */
export async function snapshot(client: pg.PoolClient, table: EditableTable, id: string, lock = false): Promise<Record<string, unknown> | undefined> {
  const t = pg.escapeIdentifier(table)
  const geometry = WITHOUT_GEOMETRY.includes(table) ? `'{}'::jsonb` : `jsonb_build_object('geometry', ST_AsGeoJSON(r.geom, 15)::jsonb)`
  const { rows } = await client.query<{ row: Record<string, unknown> }>(
    `SELECT (to_jsonb(r) - 'geom') || ${geometry} AS row
     FROM ${t} r WHERE r.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  )
  return rows[0]?.row
}

/**
 * Optimistic concurrency: locks the row and checks the version the client last saw.
 * Throws NotFound when the row does not exist and Conflict (409) when someone saved in between,
 * naming the current version so the client can reload and merge.
 */
export async function lockAtVersion(client: pg.PoolClient, table: EditableTable, id: string, expected: number): Promise<Record<string, unknown>> {
  const row = await snapshot(client, table, id, true)
  if (!row) throw new NotFound(`no ${table.replace(/s$/, '')} "${id}"`)
  if (row.version !== expected) {
    throw new Conflict(`version ${expected} is stale: "${id}" is at version ${String(row.version)}; reload and apply your change again`, {
      current_version: row.version,
    })
  }
  return row
}

/** How a column's new value is written from its `$n` parameter, when not as it is (geometry from GeoJSON). */
export type ColumnInput = (param: string) => string

/**
 * Column = $n assignments for an UPDATE, from values already checked by the route's schema. Only
 * `allowed` columns are written, so a column name from a request can never reach the SQL.
 */
export function assignments(changes: Record<string, unknown>, allowed: readonly string[], values: unknown[], inputs: Record<string, ColumnInput> = {}): string[] {
  const out: string[] = []
  for (const [column, value] of Object.entries(changes)) {
    if (!allowed.includes(column) || value === undefined) continue
    values.push(value)
    const param = `$${values.length}`
    out.push(`${pg.escapeIdentifier(column)} = ${inputs[column]?.(param) ?? param}`)
  }
  return out
}

/**
 * The whole optimistic edit of one row: lock it at the version the client saw (409 if stale),
 * apply the allowed changes, bump the version, and audit before/after — in the caller's transaction.
 * Returns the row after the change.
 */
export interface VersionedEdit {
  table: EditableTable
  id: string
  expected: number
  changes: Record<string, unknown>
  allowed: readonly string[]
  /** Columns whose parameter goes through an SQL expression (see ColumnInput). */
  inputs?: Record<string, ColumnInput>
  /** Refuses the edit after the row is locked and its version checked (throw an ApiError). */
  precondition?: (before: Record<string, unknown>) => void | Promise<void>
  actor: string
  action: string
}

export async function updateAtVersion(client: pg.PoolClient, edit: VersionedEdit): Promise<Record<string, unknown>> {
  const before = await lockAtVersion(client, edit.table, edit.id, edit.expected)
  await edit.precondition?.(before)
  const values: unknown[] = []
  const sets = assignments(edit.changes, edit.allowed, values, edit.inputs)
  values.push(edit.id)
  await client.query(
    `UPDATE ${pg.escapeIdentifier(edit.table)} SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $${values.length}`,
    values,
  )
  const after = (await snapshot(client, edit.table, edit.id))!
  await appendAudit(client, { actor: edit.actor, action: edit.action, entity: edit.table, entityId: edit.id, before, after })
  return after
}
