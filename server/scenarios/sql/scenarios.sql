-- Rezoning scenarios and their versions (migration 013), read and written by server/scenarios/.
-- Geometry arrives as GeoJSON text already checked (polygonal, valid topology) and is stored as a
-- MultiPolygon; areas are ellipsoidal, computed when asked.

-- name: list
SELECT s.id, s.zone_id, z.name_zh AS zone_zh, z.name_en AS zone_en, s.name_zh, s.name_en, s.note,
       s.created_by, s.created_at, s.version, s.updated_at, v.status
FROM scenarios s
JOIN scenario_versions v ON v.scenario_id = s.id AND v.n = s.version
LEFT JOIN zones z ON z.id = s.zone_id
ORDER BY s.updated_at DESC, s.id

-- name: one
SELECT s.id, s.zone_id, z.name_zh AS zone_zh, z.name_en AS zone_en, s.name_zh, s.name_en, s.note,
       s.created_by, s.created_at, s.version, s.updated_at, v.status
FROM scenarios s
JOIN scenario_versions v ON v.scenario_id = s.id AND v.n = s.version
LEFT JOIN zones z ON z.id = s.zone_id
WHERE s.id = $1

-- name: versions
SELECT n, base, comment, status, created_by, created_at, submitted_by, submitted_at,
       reviewed_by, reviewed_at, review_comment, ST_Area(geom::geography) AS area_m2
FROM scenario_versions WHERE scenario_id = $1 ORDER BY n

-- name: version
SELECT scenario_id, n, base, comment, status, created_by, created_at, submitted_by, submitted_at,
       reviewed_by, reviewed_at, review_comment, ST_Area(geom::geography) AS area_m2,
       ST_AsGeoJSON(geom, 15)::jsonb AS geometry
FROM scenario_versions WHERE scenario_id = $1 AND n = $2

-- name: comments
SELECT id::int AS id, version_n, body, ST_AsGeoJSON(pin, 15)::jsonb AS pin, created_by, created_at, resolved_by, resolved_at
FROM scenario_comments WHERE scenario_id = $1 ORDER BY id

-- name: comment
SELECT id::int AS id, version_n, body, ST_AsGeoJSON(pin, 15)::jsonb AS pin, created_by, created_at, resolved_by, resolved_at
FROM scenario_comments WHERE scenario_id = $1 AND id = $2

-- name: zone-boundary
-- The boundary a scenario of this zone starts from, as GeoJSON (full precision).
SELECT ST_AsGeoJSON(geom, 15) AS geojson FROM zones WHERE id = $1

-- name: insert-scenario
INSERT INTO scenarios (id, zone_id, name_zh, name_en, note, created_by) VALUES ($1, $2, $3, $4, $5, $6)

-- name: insert-version
INSERT INTO scenario_versions (scenario_id, n, base, geom, comment, created_by)
VALUES ($1, $2, $3, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)), $5, $6)

-- name: bump
UPDATE scenarios SET version = $2, updated_at = now() WHERE id = $1

-- name: submit
UPDATE scenario_versions SET status = 'submitted', submitted_by = $3, submitted_at = now()
WHERE scenario_id = $1 AND n = $2

-- name: decide
UPDATE scenario_versions SET status = $3, reviewed_by = $4, reviewed_at = now(), review_comment = $5
WHERE scenario_id = $1 AND n = $2

-- name: version-ewkb
-- The version's boundary bit for bit (hex EWKB), for the zone it becomes.
SELECT geom::text AS ewkb FROM scenario_versions WHERE scenario_id = $1 AND n = $2

-- name: insert-zone
-- A scenario of a new zone, approved: the zone it becomes (English name: the Chinese one when none was given).
INSERT INTO zones (id, name_zh, name_en, kind, status, note, geom)
SELECT $1, s.name_zh, coalesce(s.name_en, s.name_zh), 'park_zone', 'current', s.note, v.geom
FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id AND v.n = $3
WHERE s.id = $2

-- name: set-zone
UPDATE scenarios SET zone_id = $2, updated_at = now() WHERE id = $1

-- name: insert-comment
INSERT INTO scenario_comments (scenario_id, version_n, body, pin, created_by)
VALUES ($1, $2, $3, CASE WHEN $4::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($4::float8, $5::float8), 4326) END, $6)
RETURNING id::int AS id

-- name: resolve-comment
UPDATE scenario_comments SET resolved_by = $3, resolved_at = now()
WHERE scenario_id = $1 AND id = $2 AND resolved_at IS NULL
