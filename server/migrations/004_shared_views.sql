-- Views that several queries share, so each fact is written once in SQL.

-- The land a firm holds: its parcels and their ellipsoidal area, whatever their status (a firm
-- answers for all its land, idle plots included). Read by the per-mu evaluation, the dashboard's
-- per-mu by industry and the chemical-firms question.
CREATE VIEW enterprise_land AS
SELECT enterprise_id,
       array_agg(id ORDER BY id) AS parcel_ids,
       sum(ST_Area(geom::geography)) AS held_m2
FROM parcels
WHERE enterprise_id IS NOT NULL
GROUP BY enterprise_id;

-- An account as the API shows it (and the audit log records it): never the password hash.
CREATE VIEW accounts AS
SELECT id::int AS id, email, display_name, role, is_demo, disabled_at IS NOT NULL AS disabled,
       last_login_at, created_at, updated_at, version
FROM users;
