import { escapeIdentifier } from 'pg'
import type { LayerDef } from '../layers/catalog'
import { FIRST_INVALID_SQL } from '../geometry/topology'

/**
 * The subject of an overlap: `$1` is a JSON array of GeoJSON geometries, unioned into one.
 * Built once per request in a CTE so each layer query reuses it. It ends with its FROM, so a
 * WHERE may follow (CHECKED_SUBJECT_AREA_SQL).
 */
export const SUBJECT_FROM_GEOJSON = `
  SELECT ST_UnaryUnion(ST_Collect(ST_SetSRID(ST_GeomFromGeoJSON(g), 4326))) AS geom
  FROM jsonb_array_elements($1::jsonb) AS g`

/** The subject as the union of features of a polygon layer (`$1`: ids, or NULL for all). */
export function subjectFromLayer(layer: LayerDef): string {
  return `
  SELECT ST_UnaryUnion(ST_Collect(t.geom)) AS geom FROM ${layer.source}
  WHERE $1::text[] IS NULL OR t.id = ANY ($1::text[])`
}

function summaryObject(layer: LayerDef): string {
  return `jsonb_build_object(${layer.summary.map((c) => `'${c}', t.${escapeIdentifier(c)}`).join(', ')})`
}

/**
 * Every feature of `layer` that meets the subject (or every feature, with includeAll), with:
 * - `class`: inside when the feature is covered by the subject, partial when their interiors
 *   meet, outside otherwise (touching along an edge or a corner is outside, with zero overlap);
 * - `feature_m2` and `overlap_m2`: ellipsoidal areas. An inside feature's overlap is its whole
 *   area (no intersection computed: exact, and the bulk of the work on large layers).
 * Points (enterprises) get a class only; their areas are null.
 *
 * Written for speed, each choice measured by `npm run bench` (scripts/bench/report.md):
 * `ST_Covers(s, t)` rather than `ST_CoveredBy(t, s)` — PostGIS prepares the repeated subject once
 * for ST_Covers, not for ST_CoveredBy; `OFFSET 0` keeps PostgreSQL from pasting the LATERAL
 * expressions into every place they are used (each predicate would run twice per row); the
 * DE-9IM relate runs only for features not already covered, and each feature's area once.
 */
export function overlapQuery(layer: LayerDef, subjectSql: string, includeAll: boolean): string {
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

/** The subject's ellipsoidal area, and whether it is empty (a `ref` that matched nothing). */
export function subjectAreaQuery(subjectSql: string): string {
  return `WITH s AS (${subjectSql}) SELECT ST_Area(s.geom::geography) AS m2, ST_IsEmpty(s.geom) IS NOT FALSE AS empty FROM s`
}

/**
 * subjectAreaQuery of a drawn subject (SUBJECT_FROM_GEOJSON) with the topology check in the same
 * statement: one round trip instead of two. One row: the first invalid geometry's `i, reason, lon,
 * lat` (for throwIfInvalid), or NULLs and the subject's `m2, empty` when all are valid. An invalid
 * geometry must not reach the union (GEOS throws a TopologyException on it), so the check filters
 * the union's input rows: a filter on the subquery's output is not enough, PostgreSQL 18 (embedded)
 * tests it only after computing the aggregate. The area is the very expression subjectAreaQuery
 * computes, so the two agree to the bit.
 */
export const CHECKED_SUBJECT_AREA_SQL = `
    WITH bad AS (${FIRST_INVALID_SQL}),
         s AS (${SUBJECT_FROM_GEOJSON} WHERE NOT EXISTS (SELECT FROM bad))
    SELECT bad.i, bad.reason, bad.lon, bad.lat,
           ST_Area(s.geom::geography) AS m2, ST_IsEmpty(s.geom) IS NOT FALSE AS empty
    FROM (SELECT) AS one LEFT JOIN bad ON true LEFT JOIN s ON true`

/** 1 mu in m², as a float8 so PostgreSQL's division matches JavaScript's to the bit. */
const M2_PER_MU_SQL = '(10000::float8 / 15)'

/**
 * One layer's whole answer as JSON text, built by PostgreSQL from overlapQuery's rows: the
 * features (with overlap in mu, the part outside, and the share) and the totals. `$2` is the
 * subject's area in m². Building the JSON where the rows are spares the server parsing and
 * re-serialising every row (measured: about a third of the endpoint's own time on 276 parcels).
 */
export function overlapLayerJsonQuery(layer: LayerDef, subjectSql: string, includeAll: boolean): string {
  return `
    WITH f AS (${overlapQuery(layer, subjectSql, includeAll)})
    SELECT json_build_object(
      'id', '${layer.id}',
      'features', coalesce(json_agg(json_build_object(
        'id', f.id,
        'properties', f.properties,
        'class', f.class,
        'feature_m2', f.feature_m2,
        'overlap_m2', f.overlap_m2,
        'overlap_mu', f.overlap_m2 / ${M2_PER_MU_SQL},
        'outside_m2', greatest(0, f.feature_m2 - f.overlap_m2),
        'share', CASE WHEN f.feature_m2 IS NULL THEN (f.class = 'inside')::int::float8
                      WHEN f.feature_m2 > 0 THEN f.overlap_m2 / f.feature_m2 ELSE 0 END
      ) ORDER BY f.id), '[]'),
      'totals', json_build_object(
        'count', count(f.id),
        'inside', count(*) FILTER (WHERE f.class = 'inside'),
        'partial', count(*) FILTER (WHERE f.class = 'partial'),
        'outside', count(*) FILTER (WHERE f.class = 'outside'),
        'overlap_m2', coalesce(sum(f.overlap_m2), 0),
        'overlap_mu', coalesce(sum(f.overlap_m2), 0) / ${M2_PER_MU_SQL},
        'share_of_subject', CASE WHEN $2::float8 > 0 THEN coalesce(sum(f.overlap_m2), 0) / $2::float8 ELSE 0 END
      )
    )::text AS layer
    FROM f`
}
