import { randomBytes } from 'node:crypto'
import type pg from 'pg'
import { namedSql } from '../db/named-sql'
import { Conflict, InvalidGeometry } from '../errors'
import { polygonsOf } from '../geometry/polygon-input'
import { assertValidTopology } from '../geometry/topology'
import type { DraftChanges, NewDraft } from '../../web/src/shared/api/edits'
import type { ZoneKind } from '../../web/src/shared/park-vocabulary'
import { VERTEX_BUDGET } from '../../web/src/shared/access-policy'
import { appendAudit } from './audit'
import { snapshot, updateAtVersion } from './versioned-row'

const Q = namedSql(new URL('./sql/zones.sql', import.meta.url), ['insert-draft'])

const DRAFT_KIND: ZoneKind = 'rezoning_draft'
/** What a planner may change on a draft; `geom` comes from the checked `geometry`. */
const DRAFT_EDITABLE = ['name_zh', 'name_en', 'note', 'status', 'geom'] as const
/** The same conversion as insert-draft in sql/zones.sql. */
const geomFromGeoJson = (param: string) => `ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${param}), 4326))`

/**
 * One polygonal geometry, topologically valid: a planner must never save a self-intersecting boundary.
 * Only internal roles may write boundaries (the access policy), so theirs is the vertex budget.
 */
async function checkedBoundary(client: pg.PoolClient, geometry: unknown): Promise<string> {
  const geometries = polygonsOf(geometry, VERTEX_BUDGET.internal)
  if (geometries.length !== 1) throw new InvalidGeometry('a boundary is one Polygon or MultiPolygon, not a collection')
  await assertValidTopology(client, geometries)
  return JSON.stringify(geometries[0])
}

/** Creates a rezoning draft (调区扩区方案) at version 1; audited. */
export async function createDraft(client: pg.PoolClient, fields: NewDraft, actor: string) {
  const geojson = await checkedBoundary(client, fields.geometry)
  const id = `draft-${randomBytes(4).toString('hex')}`
  await client.query(Q['insert-draft'], [id, fields.name_zh, fields.name_en, fields.note ?? null, geojson])
  const after = await snapshot(client, 'zones', id)
  await appendAudit(client, { actor, action: 'create_draft', entity: 'zones', entityId: id, before: null, after })
  return after!
}

/**
 * Saves a new version of a rezoning draft, if `expected` is still the current version (else 409).
 * Only drafts are editable here: the approved boundary and the park zones change by approval, not edit.
 */
export async function updateDraft(client: pg.PoolClient, id: string, expected: number, fields: Omit<DraftChanges, 'version'>, actor: string) {
  const { geometry, ...columns } = fields
  const geom = geometry === undefined ? undefined : await checkedBoundary(client, geometry)
  return updateAtVersion(client, {
    table: 'zones', id, expected, actor, action: 'update_draft',
    changes: { ...columns, geom },
    allowed: DRAFT_EDITABLE,
    inputs: { geom: geomFromGeoJson },
    precondition: (before) => {
      if (before.kind !== DRAFT_KIND) throw new Conflict(`"${id}" is a ${String(before.kind)}, not a rezoning draft; it cannot be edited here`)
    },
  })
}
