-- Rezoning drafts (调区扩区方案), written by server/edits/zones.ts. Geometry arrives as GeoJSON
-- text, already checked (polygonal, valid topology), and is stored as a MultiPolygon.

-- name: insert-draft
INSERT INTO zones (id, name_zh, name_en, kind, status, note, geom)
VALUES ($1, $2, $3, 'rezoning_draft', 'draft', $4, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($5), 4326)))
