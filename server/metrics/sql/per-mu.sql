-- Inputs of the 亩均效益 evaluation (server/metrics/per-mu-evaluate.ts does the arithmetic).
-- Numbers leave as float8: the scoring is done in JavaScript doubles either way.

-- name: years
-- The years that have figures; the report defaults to the latest.
SELECT DISTINCT year FROM enterprise_figures ORDER BY year

-- name: firms
-- Every enterprise, with the land it holds (the enterprise_land view, migration 004) and its
-- figures for year $1 (NULLs when it has none).
SELECT e.id, e.name_zh, e.name_en, e.industry, e.above_scale, e.started_year,
       coalesce(h.parcel_ids, '{}') AS parcel_ids,
       coalesce(h.held_m2, 0)::float8 AS held_m2,
       f.enterprise_id IS NOT NULL AS has_figures,
       f.revenue_wan::float8, f.value_added_wan::float8, f.profit_wan::float8, f.tax_wan::float8,
       f.electricity_kwh::float8, f.energy_tce::float8, f.rnd_wan::float8, f.employees
FROM enterprises e
LEFT JOIN enterprise_land h ON h.enterprise_id = e.id
LEFT JOIN enterprise_figures f ON f.enterprise_id = e.id AND f.year = $1
ORDER BY e.id
