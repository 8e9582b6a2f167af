-- The report's complaint (四、3): which chemical firms stand outside the chemical cluster (A ∪ B),
-- and so cannot expand. Judged by the land each firm holds; a firm with no parcel by its works' point.

-- name: chemical-firms
WITH cluster AS (
  SELECT ST_UnaryUnion(ST_Collect(geom)) AS geom FROM chemical_clusters
),
-- The land each firm holds (enterprise_land, migration 004), and how much of it lies in the cluster.
held AS (
  SELECT l.enterprise_id, l.held_m2, l.parcel_ids,
         (SELECT sum(CASE WHEN ST_CoveredBy(p.geom, c.geom) THEN ST_Area(p.geom::geography)
                          WHEN ST_Relate(p.geom, c.geom, '2********') THEN ST_Area(ST_Intersection(p.geom, c.geom)::geography)
                          ELSE 0 END)
          FROM parcels p WHERE p.id = ANY (l.parcel_ids)) AS inside_m2
  FROM enterprise_land l CROSS JOIN cluster c
)
SELECT e.id, e.name_zh, e.name_en, e.industry,
       coalesce(h.parcel_ids, '{}') AS parcel_ids,
       h.held_m2,
       h.inside_m2,
       CASE
         WHEN h.held_m2 IS NULL THEN CASE WHEN ST_CoveredBy(e.geom, c.geom) THEN 'inside' ELSE 'outside' END
         WHEN h.inside_m2 >= h.held_m2 * (1 - 1e-9) THEN 'inside'
         WHEN h.inside_m2 = 0 THEN 'outside'
         ELSE 'partial'
       END AS class
FROM enterprises e
CROSS JOIN cluster c
LEFT JOIN held h ON h.enterprise_id = e.id
WHERE e.is_chemical
ORDER BY class DESC, e.id
