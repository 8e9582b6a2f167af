import { escapeIdentifier } from 'pg'
import type { LayerDef } from '../layers/catalog'

/**
 * The subject of an overlap: `$1` is a JSON array of GeoJSON geometries, unioned into one.
 * Built once per request in a CTE so each layer query reuses it.
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
 */
export function overlapQuery(layer: LayerDef, subjectSql: string, includeAll: boolean): string {
  const polygonal = layer.geometryType === 'MultiPolygon' || layer.id === 'basemap'
  const onlyPolygons = layer.id === 'basemap' ? `AND GeometryType(t.geom) IN ('POLYGON', 'MULTIPOLYGON')` : ''
  const meets = includeAll ? 'TRUE' : 'ST_Intersects(t.geom, s.geom)'
  const areas = polygonal
    ? `ST_Area(t.geom::geography) AS feature_m2,
       CASE WHEN c.covered THEN ST_Area(t.geom::geography)
            WHEN c.interiors_meet THEN ST_Area(ST_Intersection(t.geom, s.geom)::geography)
            ELSE 0 END AS overlap_m2`
    : 'NULL::float8 AS feature_m2, NULL::float8 AS overlap_m2'
  return `
    WITH s AS (${subjectSql})
    SELECT t.id, ${summaryObject(layer)} AS properties,
           CASE WHEN c.covered THEN 'inside' WHEN c.interiors_meet THEN 'partial' ELSE 'outside' END AS class,
           ${areas}
    FROM ${layer.source} CROSS JOIN s
    CROSS JOIN LATERAL (
      SELECT ST_CoveredBy(t.geom, s.geom) AS covered,
             ST_Relate(t.geom, s.geom, '${polygonal ? '2********' : '0********'}') AS interiors_meet
    ) c
    WHERE ${meets} ${onlyPolygons}
    ORDER BY t.id`
}

/** Area of the subject and, per layer that may overlap itself, of subject ∩ ∪features. */
export function subjectAreaQuery(subjectSql: string): string {
  return `WITH s AS (${subjectSql}) SELECT ST_Area(s.geom::geography) AS m2, ST_IsEmpty(s.geom) IS NOT FALSE AS empty FROM s`
}
