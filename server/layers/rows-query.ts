import { escapeIdentifier } from 'pg'
import { ROW_LIMIT } from '../../web/src/shared/api/layers'
import { columnName, viewRelation, type LayerView } from './catalog'
import { AREA_M2_SQL, type SqlQuery } from './features-query'

/** The attribute table's column names, in the order of each row's values. */
export function rowColumns(view: LayerView): string[] {
  return ['id', ...view.columns.map(columnName), ...(view.layer.hasArea ? ['area_m2'] : [])]
}

/**
 * One statement returning the layer's attribute table as JSON text (shared/api/layers.ts
 * LayerRows): rows as arrays rather than objects, a third the bytes at 100,000 rows; bounding
 * boxes rounded to 1e-7° (≈1 cm), the precision the map needs to go to a row.
 */
export function rowsQuery(view: LayerView): SqlQuery {
  const values = view.columns.map((c) => `t.${escapeIdentifier(columnName(c))}`)
  // ST_Area on geography: the ellipsoidal figure, the same as the features' area_m2.
  if (view.layer.hasArea) values.push(AREA_M2_SQL)
  const relation = viewRelation(view, 't')
  const text = `
    WITH t AS (SELECT * FROM ${relation} ORDER BY t.sort_key LIMIT ${ROW_LIMIT})
    SELECT json_build_object(
      'layer', $1::text,
      'columns', $2::json,
      -- The full count only when the limit cut the rows (an InitPlan runs only when it is read).
      'numberMatched', CASE WHEN count(*) < ${ROW_LIMIT} THEN count(*) ELSE (SELECT count(*) FROM ${viewRelation(view, 'n')}) END,
      'rows', coalesce(json_agg(json_build_array(t.id, ${values.join(', ')}) ORDER BY t.sort_key), '[]'::json),
      'bboxes', coalesce(json_agg(json_build_array(
        round(ST_XMin(t.geom)::numeric, 7), round(ST_YMin(t.geom)::numeric, 7),
        round(ST_XMax(t.geom)::numeric, 7), round(ST_YMax(t.geom)::numeric, 7)) ORDER BY t.sort_key), '[]'::json)
    )::text AS body
    FROM t`
  return { text, values: [view.layer.id, JSON.stringify(rowColumns(view))] }
}
