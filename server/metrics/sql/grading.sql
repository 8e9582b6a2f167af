-- The per-mu grading configuration (migration 003): read, and replaced in one transaction with
-- its audit record (server/metrics/grading-store.ts).

-- name: settings
SELECT version, benchmark,
       grade_a_pct::float8 AS a, grade_b_pct::float8 AS b, grade_c_pct::float8 AS c,
       min_mu::float8 AS min_mu, updated_at, updated_by
FROM per_mu_grading

-- name: lock
-- Taken before comparing versions, so two concurrent writers cannot both pass the check.
SELECT version FROM per_mu_grading FOR UPDATE

-- name: weights
SELECT weight_set, indicator, weight::float8 AS weight FROM per_mu_weights ORDER BY weight_set, indicator

-- name: update
UPDATE per_mu_grading
SET version = version + 1, benchmark = $2, grade_a_pct = $3, grade_b_pct = $4, grade_c_pct = $5,
    min_mu = $6, updated_by = $7, updated_at = now()
WHERE version = $1

-- name: clear-weights
DELETE FROM per_mu_weights

-- name: insert-weights
-- $1: [{weight_set, indicator, weight}]. The sum-to-100 trigger runs at COMMIT.
INSERT INTO per_mu_weights (weight_set, indicator, weight)
SELECT weight_set, indicator, weight FROM jsonb_to_recordset($1::jsonb) AS w (weight_set text, indicator text, weight numeric)
