-- Available parcels as investors and the public see them: public fields only (never the holder,
-- approvals, notes or version), the ellipsoidal area, and the utilities that reach each parcel.
--   $1 parcel id or NULL (all)   $2 land use or NULL   $3 zone id or NULL
--   $4 min area m² or NULL       $5 max area m² or NULL
--   $6 reach in metres           $7 limit
-- The utilities table is small (tens of rows): ST_DWithin on geography (spheroid) needs no prefilter.
SELECT p.id,
       p.zone_id,
       z.name_zh AS zone_zh,
       z.name_en AS zone_en,
       p.land_use,
       p.price_wan_per_mu,
       ST_Area(p.geom::geography) AS area_m2,
       ST_AsGeoJSON(p.geom, 15)::json AS geometry,
       coalesce(reach.utilities, '[]'::json) AS utilities
FROM parcels p
-- a draft boundary is internal: a parcel in one would show no zone name
LEFT JOIN zones z ON z.id = p.zone_id AND z.kind <> 'rezoning_draft'
LEFT JOIN LATERAL (
  SELECT json_agg(json_build_object(
           'id', u.id, 'kind', u.kind, 'name_zh', u.name_zh, 'name_en', u.name_en, 'status', u.status,
           'distance_m', round(u.d::numeric, 1)
         ) ORDER BY u.d, u.id) AS utilities
  FROM (
    SELECT u.*, ST_Distance(u.geom::geography, p.geom::geography) AS d
    FROM utilities u
    WHERE ST_DWithin(u.geom::geography, p.geom::geography, $6)
  ) u
) reach ON TRUE
WHERE p.status = 'available'
  AND ($1::text IS NULL OR p.id = $1)
  AND ($2::text IS NULL OR p.land_use = $2)
  AND ($3::text IS NULL OR p.zone_id = $3)
  AND ($4::float8 IS NULL OR ST_Area(p.geom::geography) >= $4)
  AND ($5::float8 IS NULL OR ST_Area(p.geom::geography) <= $5)
ORDER BY p.id
LIMIT $7
