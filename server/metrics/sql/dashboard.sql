-- The half-year report's headline numbers, computed from the tables (server/metrics/dashboard.ts).
-- Areas are ellipsoidal m² (ST_Area on geography); mu is derived in TypeScript from web/src/shared/units.

-- name: zones
-- Each park district with its parcels. Approved boundaries and rezoning drafts are outlines, not districts.
SELECT z.id, z.name_zh, z.name_en, z.status,
       ST_Area(z.geom::geography)::float8 AS zone_m2,
       count(p.id)::int AS parcels,
       coalesce(sum(ST_Area(p.geom::geography)), 0)::float8 AS parcel_m2
FROM zones z
LEFT JOIN parcels p ON p.zone_id = z.id
WHERE z.kind = 'park_zone'
GROUP BY z.id
ORDER BY z.id

-- name: parcel-status
SELECT status, count(*)::int AS parcels, sum(ST_Area(geom::geography))::float8 AS m2
FROM parcels
GROUP BY status

-- name: industry
-- Per-mu output by industry for year $1, and the park (industry NULL, from ROLLUP): Σ figures ÷ Σ land
-- of the firms that reported figures and hold land (enterprise_land, migration 004). An aggregate ratio, so a big firm weighs by its
-- size, as the statistics bureau sums. Sums stay numeric (exact 万元) until the end.
SELECT e.industry,
       count(*)::int AS firms,
       sum(h.held_m2)::float8 AS m2,
       coalesce(sum(f.revenue_wan), 0)::float8 AS revenue_wan,
       coalesce(sum(f.tax_wan), 0)::float8 AS tax_wan,
       -- a firm with a figures row but a blank cell must not dilute that ratio with its land
       coalesce(sum(h.held_m2) FILTER (WHERE f.revenue_wan IS NOT NULL), 0)::float8 AS revenue_m2,
       coalesce(sum(h.held_m2) FILTER (WHERE f.tax_wan IS NOT NULL), 0)::float8 AS tax_m2
FROM enterprises e
JOIN enterprise_land h ON h.enterprise_id = e.id
JOIN enterprise_figures f ON f.enterprise_id = e.id AND f.year = $1
GROUP BY ROLLUP (e.industry)
ORDER BY e.industry NULLS LAST

-- name: above-scale
-- 规上企业: the firms flagged above scale today, one row per measure: their total in year $1, and
-- the year-on-year comparison over the firms that reported the measure in both years (同口径), so
-- a firm entering or missing a year does not show up as growth.
WITH firms AS (
  SELECT e.id, cur.enterprise_id IS NOT NULL AS reported,
         cur.revenue_wan, cur.profit_wan, cur.tax_wan, cur.electricity_kwh,
         prev.revenue_wan AS prev_revenue_wan, prev.profit_wan AS prev_profit_wan,
         prev.tax_wan AS prev_tax_wan, prev.electricity_kwh AS prev_electricity_kwh
  FROM enterprises e
  LEFT JOIN enterprise_figures cur ON cur.enterprise_id = e.id AND cur.year = $1
  LEFT JOIN enterprise_figures prev ON prev.enterprise_id = e.id AND prev.year = $1 - 1
  WHERE e.above_scale
)
SELECT m.measure,
       count(*)::int AS firms,
       count(*) FILTER (WHERE f.reported)::int AS reporting,
       coalesce(sum(m.cur), 0)::float8 AS total,
       count(*) FILTER (WHERE m.cur IS NOT NULL AND m.prev IS NOT NULL)::int AS comparable_firms,
       coalesce(sum(m.cur) FILTER (WHERE m.prev IS NOT NULL), 0)::float8 AS comparable_current,
       coalesce(sum(m.prev) FILTER (WHERE m.cur IS NOT NULL), 0)::float8 AS comparable_previous
FROM firms f
CROSS JOIN LATERAL (VALUES
  ('revenue_wan', f.revenue_wan, f.prev_revenue_wan),
  ('profit_wan', f.profit_wan, f.prev_profit_wan),
  ('tax_wan', f.tax_wan, f.prev_tax_wan),
  ('electricity_kwh', f.electricity_kwh, f.prev_electricity_kwh)
) AS m (measure, cur, prev)
GROUP BY m.measure

-- name: major-projects
-- 亿元以上项目 (is_major: investment ≥ 1 亿元), by stage, and all of them (stage NULL, from ROLLUP).
SELECT stage, count(*)::int AS projects, coalesce(sum(investment_yi), 0)::float8 AS investment_yi
FROM projects
WHERE is_major
GROUP BY ROLLUP (stage)

-- name: open-cases
-- 闲置低效用地 under way: the parcels with an open case (any stage but revitalised and closed), whatever
-- the parcel's status says (a case being disposed of has its parcel revitalising).
SELECT count(*)::int AS parcels, coalesce(sum(ST_Area(p.geom::geography)), 0)::float8 AS m2
FROM parcels p
WHERE EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id AND i.stage NOT IN ('revitalised', 'closed'))
