-- Idle and low-efficiency land case files (闲置低效用地), written by server/edits/idle-plots.ts and
-- read by server/edits/idle-register.ts. Areas are ellipsoidal m² (ST_Area on geography); mu is
-- derived in TypeScript (web/src/shared/units.ts).

-- name: open-case
-- A parcel's case still under way: at most one per parcel (migration 012's idle_plots_one_open_case).
SELECT id, stage, category FROM idle_plots WHERE parcel_id = $1 AND stage NOT IN ('revitalised', 'closed')

-- name: parcel-for-flag
-- Who holds the parcel when it is flagged (the case keeps the name even if the parcel changes hands),
-- and the contract's agreed start date.
SELECT e.name_zh, e.name_en, p.agreed_start_on::text AS agreed_start_on
FROM parcels p LEFT JOIN enterprises e ON e.id = p.enterprise_id
WHERE p.id = $1

-- name: insert-case
INSERT INTO idle_plots (id, parcel_id, holder_zh, holder_en, category, stage, agreed_start_date, flagged_on, flagged_by, reason)
VALUES ($1, $2, $3, $4, $5, 'investigation', $6, $7, $8, $9)

-- name: insert-step
INSERT INTO idle_case_steps (case_id, seq, stage, happened_on, by, note, holder_statement, doc_no, doc_date, hearing_deadline,
                             disposal, due_date, successor_zh, successor_en, successor_start_date, closed_reason)
VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM idle_case_steps WHERE case_id = $1), $2, $3, $4, $5, $6, $7, $8, $9,
        $10, $11, $12, $13, $14, $15)
RETURNING seq

-- name: last-step-day
SELECT max(happened_on)::text AS day FROM idle_case_steps WHERE case_id = $1

-- name: move-case
-- The case row carries its current stage and what the steps decided (the disposal, the successor);
-- the reason it was opened with stays.
UPDATE idle_plots
SET stage = $2,
    disposal = coalesce($3, disposal),
    successor_zh = coalesce($4, successor_zh),
    successor_en = coalesce($5, successor_en),
    version = version + 1, updated_at = now()
WHERE id = $1

-- name: set-parcel-status
UPDATE parcels SET status = $1, version = version + 1, updated_at = now() WHERE id = $2

-- name: cases
-- The register's rows (or one case, $1 = its id): the case, its parcel's area, zone and price.
SELECT i.id, i.parcel_id, i.holder_zh AS name_zh, i.holder_en AS name_en, i.category, i.stage, i.disposal, i.reason,
       i.agreed_start_date::text AS agreed_start_date, i.flagged_on::text AS opened_at, i.flagged_by AS opened_by,
       i.successor_zh, i.successor_en, i.version, i.updated_at,
       p.zone_id, p.status AS parcel_status, p.price_wan_per_mu::float8 AS price_wan_per_mu,
       ST_Area(p.geom::geography)::float8 AS area_m2
FROM idle_plots i JOIN parcels p ON p.id = i.parcel_id
WHERE ($1::text IS NULL OR i.id = $1)
  AND ($2::text IS NULL OR i.stage = $2)
  AND ($3::text IS NULL OR i.category = $3)
  AND ($4::text IS NULL OR p.zone_id = $4)
ORDER BY i.flagged_on, i.id

-- name: steps
-- The steps of the given cases, oldest first.
SELECT case_id, seq, stage, happened_on::text AS happened_on, recorded_at, by, note, holder_statement, doc_no,
       doc_date::text AS doc_date, hearing_deadline::text AS hearing_deadline, disposal, due_date::text AS due_date,
       successor_zh, successor_en, successor_start_date::text AS successor_start_date, closed_reason, is_sample
FROM idle_case_steps WHERE case_id = ANY ($1::text[]) ORDER BY case_id, seq

-- name: attachments
SELECT id, case_id, seq, file_name, media_type, size, uploaded_by, uploaded_at
FROM idle_case_attachments WHERE case_id = ANY ($1::text[]) ORDER BY uploaded_at, id

-- name: step-exists
SELECT 1 FROM idle_case_steps WHERE case_id = $1 AND seq = $2

-- name: insert-attachment
INSERT INTO idle_case_attachments (id, case_id, seq, file_name, media_type, size, content, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id, file_name, media_type, size, uploaded_by, uploaded_at

-- name: attachment-content
SELECT file_name, media_type, content FROM idle_case_attachments WHERE case_id = $1 AND id = $2

-- name: watch-dates
-- 动态巡查: held parcels past an agreed date without the matching actual date, with no open case.
SELECT p.id AS parcel_id, e.name_zh, p.zone_id, ST_Area(p.geom::geography)::float8 AS area_m2, d.which, d.agreed_on::text AS agreed_on,
       ($1::date - d.agreed_on) AS days_late, p.agreed_start_on::text AS agreed_start_on
FROM parcels p
LEFT JOIN enterprises e ON e.id = p.enterprise_id
CROSS JOIN LATERAL (VALUES ('start', p.agreed_start_on, p.actual_start_on), ('completion', p.agreed_completion_on, p.actual_completion_on))
  AS d (which, agreed_on, actual_on)
WHERE d.agreed_on IS NOT NULL AND d.agreed_on < $1::date AND d.actual_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id AND i.stage NOT IN ('revitalised', 'closed'))
ORDER BY days_late DESC, p.id, d.which

-- name: watch-built
-- Held parcels below the contract's investment intensity or plot ratio (parcel_conditions), with no open case.
SELECT p.id AS parcel_id, e.name_zh, p.zone_id, ST_Area(p.geom::geography)::float8 AS area_m2, p.enterprise_id,
       coalesce(p.investment_wan_per_mu < c.min_investment_wan_per_mu, false) AS below_investment,
       coalesce(p.plot_ratio < c.min_plot_ratio, false) AS below_plot_ratio
FROM parcels p
LEFT JOIN enterprises e ON e.id = p.enterprise_id
LEFT JOIN parcel_conditions c ON c.parcel_id = p.id
WHERE p.status = ANY ($1::text[]) AND p.enterprise_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM idle_plots i WHERE i.parcel_id = p.id AND i.stage NOT IN ('revitalised', 'closed'))
ORDER BY p.id
