import type pg from 'pg'
import { findLayer, type LayerDef } from '../layers/catalog'
import { InvalidParameter, NotFound } from '../errors'
import { M2_PER_MU } from '../../web/src/shared/units'
import { CHECKED_SUBJECT_AREA_SQL, SUBJECT_FROM_GEOJSON, overlapLayerJsonQuery, subjectAreaQuery, subjectFromLayer } from './overlap-query'
import { throwIfInvalid, type InvalidRow } from '../geometry/topology'
import { fixedStatement } from '../db/connect'
import type { AreaGeometry } from '../geometry/polygon-input'
import { OVERLAP_LAYERS, SUBJECT_LAYERS, type OverlapResult } from '../../web/src/shared/api/overlap'

export type Subject = { geometries: AreaGeometry[] } | { layer: string; ids: string[] | null }

function resolveLayer(id: string, allowed: readonly string[], what: string): LayerDef {
  const layer = allowed.includes(id) ? findLayer(id) : undefined
  if (!layer) throw new InvalidParameter(`${what} "${id}" is not one of: ${allowed.join(', ')}`)
  return layer
}

/**
 * For each layer, the features the subject touches (or all, with includeAll), classified and
 * measured — as the JSON text of an OverlapResult, assembled from PostgreSQL's per-layer JSON.
 * A drawn subject's topology is checked first, in the statement that measures it: InvalidGeometry
 * (PostGIS's reason and location) before any layer is read.
 * Runs on one client, one query per layer: the embedded database has one connection.
 */
export async function overlapJson(db: pg.Pool, subject: Subject, layerIds: string[], includeAll: boolean): Promise<string> {
  const layers = layerIds.map((id) => resolveLayer(id, OVERLAP_LAYERS, 'layer'))
  const [subjectSql, param] =
    'geometries' in subject
      ? [SUBJECT_FROM_GEOJSON, JSON.stringify(subject.geometries)]
      : [subjectFromLayer(resolveLayer(subject.layer, SUBJECT_LAYERS, 'ref.layer')), subject.ids]
  const client = await db.connect()
  try {
    const drawn = 'geometries' in subject
    // The drawn subject's statement is fixed text: planned once per connection (fixedStatement).
    const { rows } = await client.query<{ m2: number | null; empty: boolean } & Partial<InvalidRow>>(
      drawn ? fixedStatement(db, 'overlap-checked-subject', CHECKED_SUBJECT_AREA_SQL, [param]) : { text: subjectAreaQuery(subjectSql), values: [param] },
    )
    if (drawn) throwIfInvalid(rows[0] as InvalidRow | undefined)
    if (!rows[0] || rows[0].empty) throw new NotFound('the subject has no geometry: no feature matched ref')
    const subjectM2 = rows[0].m2 ?? 0
    const parts: string[] = []
    for (const layer of layers) {
      const res = await client.query<{ layer: string }>(overlapLayerJsonQuery(layer, subjectSql, includeAll), [param, subjectM2])
      parts.push(res.rows[0]!.layer)
    }
    return `{"subject":${JSON.stringify({ m2: subjectM2, mu: subjectM2 / M2_PER_MU })},"layers":[${parts.join(',')}]}`
  } finally {
    client.release()
  }
}

/** The same, parsed: for callers that work with the result rather than send it. */
export async function overlap(db: pg.Pool, subject: Subject, layerIds: string[], includeAll: boolean): Promise<OverlapResult> {
  return JSON.parse(await overlapJson(db, subject, layerIds, includeAll)) as OverlapResult
}
