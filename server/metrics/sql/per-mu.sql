-- Inputs of the 亩均效益 evaluation (server/metrics/per-mu-evaluate.ts does the arithmetic).
-- Numbers leave as float8: the scoring is done in JavaScript doubles either way.

-- name: years
-- The years that have figures; the report defaults to the latest.
SELECT DISTINCT year FROM enterprise_figures ORDER BY year

-- name: firms
-- Every enterprise, with the land it holds and its figures for year $1 (NULLs when it has none).
-- Land is ellipsoidal (ST_Area on geography), summed over all its parcels whatever their status:
-- a firm answers for all the land it holds, idle plots included.
WITH held AS (
  SELECT enterprise_id,
         array_agg(id ORDER BY id) AS parcel_ids,
         sum(ST_Area(geom::geography)) AS held_m2
  FROM parcels
  WHERE enterprise_id IS NOT NULL
  GROUP BY enterprise_id
)
SELECT e.id, e.name_zh, e.name_en, e.industry, e.above_scale, e.started_year,
       coalesce(h.parcel_ids, '{}') AS parcel_ids,
       coalesce(h.held_m2, 0)::float8 AS held_m2,
       f.enterprise_id IS NOT NULL AS has_figures,
       f.revenue_wan::float8, f.value_added_wan::float8, f.profit_wan::float8, f.tax_wan::float8,
       f.electricity_kwh::float8, f.energy_tce::float8, f.rnd_wan::float8, f.employees
FROM enterprises e
LEFT JOIN held h ON h.enterprise_id = e.id
LEFT JOIN enterprise_figures f ON f.enterprise_id = e.id AND f.year = $1
ORDER BY e.id
