-- The append-only audit log (migration 001: its triggers refuse UPDATE, DELETE and TRUNCATE).
-- Written by server/edits/audit.ts only, inside the transaction of the change it records.

-- name: append
INSERT INTO audit_log (actor, action, entity, entity_id, before, after)
VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)

-- name: history
-- Every version of one object, oldest first.
SELECT id, at, actor, action, before, after
FROM audit_log
WHERE entity = $1 AND entity_id = $2
ORDER BY id
