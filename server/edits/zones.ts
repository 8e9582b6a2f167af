import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { Conflict, InvalidGeometry } from '../errors'
import { polygonsOf } from '../geometry/polygon-input'
import { assertValidTopology } from '../geometry/topology'
import { appendAudit } from './audit'
import { assignments, lockAtVersion, snapshot } from './versioned-row'

export interface DraftFields {
  name_zh?: string
  name_en?: string
  note?: string | null
  status?: 'draft' | 'submitted' | 'approved' | 'rejected'
  geometry?: unknown
}

const DRAFT_COLUMNS = ['name_zh', 'name_en', 'note', 'status'] as const

/** One polygonal geometry, topologically valid: a planner must never save a self-intersecting boundary. */
async function checkedBoundary(client: pg.PoolClient, geometry: unknown): Promise<string> {
  const geometries = polygonsOf(geometry)
  if (geometries.length !== 1) throw new InvalidGeometry('a boundary is one Polygon or MultiPolygon, not a collection')
  await assertValidTopology(client, geometries)
  return JSON.stringify(geometries[0])
}

const GEOM_FROM_PARAM = (n: number) => `ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($${n}), 4326))`

/** Creates a rezoning draft (调区扩区方案) at version 1; audited. */
export async function createDraft(client: pg.PoolClient, fields: Required<Pick<DraftFields, 'name_zh' | 'name_en' | 'geometry'>> & DraftFields, actor: string) {
  const geojson = await checkedBoundary(client, fields.geometry)
  const id = `draft-${randomBytes(4).toString('hex')}`
  await client.query(
    `INSERT INTO zones (id, name_zh, name_en, kind, status, note, geom)
     VALUES ($1, $2, $3, 'rezoning_draft', 'draft', $4, ${GEOM_FROM_PARAM(5)})`,
    [id, fields.name_zh, fields.name_en, fields.note ?? null, geojson],
  )
  const after = await snapshot(client, 'zones', id)
  await appendAudit(client, { actor, action: 'create_draft', entity: 'zones', entityId: id, before: null, after })
  return after!
}

/**
 * Saves a new version of a rezoning draft, if `expected` is still the current version (else 409).
 * Only drafts are editable here: the approved boundary and the park zones change by approval, not edit.
 */
export async function updateDraft(client: pg.PoolClient, id: string, expected: number, fields: DraftFields, actor: string) {
  const before = await lockAtVersion(client, 'zones', id, expected)
  if (before.kind !== 'rezoning_draft') throw new Conflict(`"${id}" is a ${String(before.kind)}, not a rezoning draft; it cannot be edited here`)
  const values: unknown[] = []
  const sets = assignments({ ...fields }, DRAFT_COLUMNS, values)
  if (fields.geometry !== undefined) {
    values.push(await checkedBoundary(client, fields.geometry))
    sets.push(`geom = ${GEOM_FROM_PARAM(values.length)}`)
  }
  values.push(id)
  await client.query(`UPDATE zones SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $${values.length}`, values)
  const after = await snapshot(client, 'zones', id)
  await appendAudit(client, { actor, action: 'update_draft', entity: 'zones', entityId: id, before, after })
  return after!
}
