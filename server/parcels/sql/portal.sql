-- The investor portal's own tables (migration 011): readiness thresholds, planning conditions and
-- inquiries. Each change is one transaction with its audit record (server/parcels/*-store.ts).

-- name: thresholds-settings
SELECT version, updated_at, updated_by FROM readiness_settings

-- name: thresholds
SELECT item, max_distance_m::float8 AS max_distance_m FROM readiness_thresholds ORDER BY item

-- name: thresholds-lock
-- Taken before comparing versions, so two concurrent writers cannot both pass the check.
SELECT version FROM readiness_settings FOR UPDATE

-- name: thresholds-update
-- $1: {item: metres}, every item (the route's schema requires them all).
UPDATE readiness_thresholds t SET max_distance_m = (($1::jsonb) ->> t.item)::numeric

-- name: thresholds-bump
UPDATE readiness_settings SET version = version + 1, updated_at = now(), updated_by = $1

-- name: conditions
-- $1 parcel id; FOR UPDATE when $2 (an edit locks the row it checks the version of).
SELECT parcel_id,
       min_investment_wan_per_mu::float8 AS min_investment_wan_per_mu,
       min_plot_ratio::float8 AS min_plot_ratio, max_plot_ratio::float8 AS max_plot_ratio,
       max_building_coverage_pct::float8 AS max_building_coverage_pct,
       min_tax_wan_per_mu::float8 AS min_tax_wan_per_mu, max_energy_tce_per_wan::float8 AS max_energy_tce_per_wan,
       industries, version, updated_at
FROM parcel_conditions WHERE parcel_id = $1

-- name: conditions-lock
SELECT version FROM parcel_conditions WHERE parcel_id = $1 FOR UPDATE

-- name: parcel-lock
-- The parcel row is locked while its conditions are created, so two creators queue.
SELECT id FROM parcels WHERE id = $1 FOR UPDATE

-- name: conditions-upsert
INSERT INTO parcel_conditions AS c (parcel_id, min_investment_wan_per_mu, min_plot_ratio, max_plot_ratio,
                                    max_building_coverage_pct, min_tax_wan_per_mu, max_energy_tce_per_wan, industries)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[])
ON CONFLICT (parcel_id) DO UPDATE SET
  min_investment_wan_per_mu = EXCLUDED.min_investment_wan_per_mu, min_plot_ratio = EXCLUDED.min_plot_ratio,
  max_plot_ratio = EXCLUDED.max_plot_ratio, max_building_coverage_pct = EXCLUDED.max_building_coverage_pct,
  min_tax_wan_per_mu = EXCLUDED.min_tax_wan_per_mu, max_energy_tce_per_wan = EXCLUDED.max_energy_tce_per_wan,
  industries = EXCLUDED.industries, version = c.version + 1, updated_at = now()

-- name: inquiry-insert
-- $1 parcel id, only if it is on offer (else no row: the route answers 404).
INSERT INTO inquiries (parcel_id, user_id, name, company, contact, message)
SELECT p.id, $2, $3, $4, $5, $6 FROM parcels p WHERE p.id = $1 AND p.status = 'available'
RETURNING id, status

-- name: inquiries-all
SELECT id, parcel_id, name, company, contact, message, status, created_at, user_id::int AS user_id, note, version, updated_at
FROM inquiries ORDER BY created_at DESC, id

-- name: inquiries-own
-- What the sender sees: no note, no version, nobody else's.
SELECT id, parcel_id, name, company, contact, message, status, created_at
FROM inquiries WHERE user_id = $1 ORDER BY created_at DESC, id

-- name: inquiry
SELECT id, parcel_id, name, company, contact, message, status, created_at, user_id::int AS user_id, note, version, updated_at
FROM inquiries WHERE id = $1

-- name: inquiry-lock
SELECT version FROM inquiries WHERE id = $1 FOR UPDATE

-- name: inquiry-update
-- $2 status or NULL (unchanged); $3 whether the note is sent, $4 the note.
UPDATE inquiries SET status = coalesce($2, status), note = CASE WHEN $3 THEN $4 ELSE note END,
                     version = version + 1, updated_at = now()
WHERE id = $1

-- name: favourites
-- $1 user; only parcels still on offer (a favourite that left the offer is not shown, nor counted).
SELECT f.parcel_id FROM favourites f JOIN parcels p ON p.id = f.parcel_id AND p.status = 'available'
WHERE f.user_id = $1 ORDER BY f.created_at, f.parcel_id

-- name: favourite-count
SELECT count(*)::int AS n FROM favourites WHERE user_id = $1

-- name: favourite-insert
-- $2 only if on offer; nothing when it is already a favourite (PUT is idempotent).
INSERT INTO favourites (user_id, parcel_id)
SELECT $1, p.id FROM parcels p WHERE p.id = $2 AND p.status = 'available'
ON CONFLICT DO NOTHING
RETURNING parcel_id

-- name: favourite-on-offer
SELECT EXISTS (SELECT 1 FROM parcels WHERE id = $1 AND status = 'available') AS on_offer,
       EXISTS (SELECT 1 FROM favourites WHERE user_id = $2 AND parcel_id = $1) AS kept

-- name: favourite-delete
DELETE FROM favourites WHERE user_id = $1 AND parcel_id = $2 RETURNING parcel_id
