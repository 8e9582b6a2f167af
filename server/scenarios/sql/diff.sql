-- The comparison of two versions of a scenario (GET /api/scenarios/:id/diff), run by
-- server/scenarios/diff.ts. $1 the scenario, $2 the version compared from, $3 the one compared to.
-- Areas are ellipsoidal: ST_Area of the differences as geography.

-- name: areas
WITH a AS (SELECT geom FROM scenario_versions WHERE scenario_id = $1 AND n = $2),
     b AS (SELECT geom FROM scenario_versions WHERE scenario_id = $1 AND n = $3),
     d AS (
       SELECT ST_Multi(ST_CollectionExtract(ST_Difference(b.geom, a.geom), 3)) AS added,
              ST_Multi(ST_CollectionExtract(ST_Difference(a.geom, b.geom), 3)) AS removed
       FROM a, b
     )
SELECT ST_Area(added::geography) AS added_m2,
       ST_Area(removed::geography) AS removed_m2,
       CASE WHEN ST_IsEmpty(added) THEN NULL ELSE ST_AsGeoJSON(added, 9)::jsonb END AS added,
       CASE WHEN ST_IsEmpty(removed) THEN NULL ELSE ST_AsGeoJSON(removed, 9)::jsonb END AS removed
FROM d

-- name: crossing
-- Parcels, firms and projects whose interior meets version $2's area and not version $3's: with
-- ($to, $from) what enters, with ($from, $to) what leaves. Touching a boundary from outside is
-- not entering (the interior pattern 'T********').
WITH inside AS (SELECT geom FROM scenario_versions WHERE scenario_id = $1 AND n = $2),
     outside AS (SELECT geom FROM scenario_versions WHERE scenario_id = $1 AND n = $3),
     f AS (
       SELECT 'parcels' AS layer, p.id, e.name_zh, e.name_en, p.geom
       FROM parcels p LEFT JOIN enterprises e ON e.id = p.enterprise_id
       UNION ALL SELECT 'enterprises', id, name_zh, name_en, geom FROM enterprises
       UNION ALL SELECT 'projects', id, name_zh, name_en, geom FROM projects
     )
SELECT f.layer, f.id, f.name_zh, f.name_en
FROM f, inside i, outside o
WHERE f.geom && i.geom
  AND ST_Relate(f.geom, i.geom, 'T********')
  AND NOT ST_Relate(f.geom, o.geom, 'T********')
ORDER BY f.layer, f.id
