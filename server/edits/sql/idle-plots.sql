-- Idle and low-efficiency land cases (闲置低效用地), written by server/edits/idle-plots.ts.

-- name: open-case
-- A parcel's case still under way: at most one per parcel (migration 007's idle_plots_one_open_case).
SELECT id, stage, category FROM idle_plots WHERE parcel_id = $1 AND stage <> 'revitalised'

-- name: holder
-- Who holds the parcel when it is flagged: the case keeps the name even if the parcel changes hands.
SELECT e.name_zh, e.name_en
FROM parcels p LEFT JOIN enterprises e ON e.id = p.enterprise_id
WHERE p.id = $1

-- name: insert-case
INSERT INTO idle_plots (id, parcel_id, holder_zh, holder_en, category, stage, agreed_start_date, flagged_on, flagged_by, reason)
VALUES ($1, $2, $3, $4, $5, 'flagged', $6, current_date, $7, $8)

-- name: set-parcel-status
UPDATE parcels SET status = $1, version = version + 1, updated_at = now() WHERE id = $2
