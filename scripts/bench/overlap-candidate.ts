/**
 * A proposed rewrite of server/analysis/overlap-query.ts `overlapQuery`, kept here so the bench can
 * measure it against the current one on the same data and check that both give identical rows.
 * Same signature, same output; three changes, each measured in scripts/bench/report.md:
 *
 * 1. `ST_Covers(s.geom, t.geom)` instead of `ST_CoveredBy(t.geom, s.geom)` (same predicate,
 *    arguments swapped). PostGIS 3.3's ST_Covers builds a prepared geometry of the repeated subject
 *    once per statement; its ST_CoveredBy runs a full GEOS relate per row.
 * 2. `OFFSET 0` in the LATERAL subqueries. Without it PostgreSQL pulls the subquery up and pastes
 *    the expressions into every place `c.covered` / `c.interiors_meet` are used, so each predicate
 *    runs twice per row (EXPLAIN VERBOSE shows it).
 * 3. The DE-9IM relate only for features not already covered (covered implies interiors meet),
 *    and the feature's ellipsoidal area computed once.
 */
import { escapeIdentifier } from 'pg'
import type { LayerDef } from '../../server/layers/catalog'

function summaryObject(layer: LayerDef): string {
  return `jsonb_build_object(${layer.summary.map((c) => `'${c}', t.${escapeIdentifier(c)}`).join(', ')})`
}

export function candidateOverlapQuery(layer: LayerDef, subjectSql: string, includeAll: boolean): string {
  const polygonal = layer.geometryType === 'MultiPolygon' || layer.id === 'basemap'
  const onlyPolygons = layer.id === 'basemap' ? `AND GeometryType(t.geom) IN ('POLYGON', 'MULTIPOLYGON')` : ''
  const meets = includeAll ? 'TRUE' : 'ST_Intersects(t.geom, s.geom)'
  const featureArea = polygonal ? 'ST_Area(t.geom::geography)' : 'NULL::float8'
  const overlapArea = polygonal
    ? `CASE WHEN c.covered THEN c.feature_m2
            WHEN r.interiors_meet THEN ST_Area(ST_Intersection(t.geom, s.geom)::geography)
            ELSE 0 END`
    : 'NULL::float8'
  return `
    WITH s AS (${subjectSql})
    SELECT t.id, ${summaryObject(layer)} AS properties,
           CASE WHEN c.covered THEN 'inside' WHEN r.interiors_meet THEN 'partial' ELSE 'outside' END AS class,
           c.feature_m2,
           ${overlapArea} AS overlap_m2
    FROM ${layer.source} CROSS JOIN s
    CROSS JOIN LATERAL (
      SELECT ST_Covers(s.geom, t.geom) AS covered, ${featureArea} AS feature_m2 OFFSET 0
    ) c
    CROSS JOIN LATERAL (
      SELECT CASE WHEN c.covered THEN true
                  ELSE ST_Relate(t.geom, s.geom, '${polygonal ? '2********' : '0********'}') END AS interiors_meet OFFSET 0
    ) r
    WHERE ${meets} ${onlyPolygons}
    ORDER BY t.id`
}
