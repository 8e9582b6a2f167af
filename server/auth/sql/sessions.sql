-- Sign-in sessions (migration 002). The table holds the SHA-256 of each token, never the token.

-- name: create
INSERT INTO sessions (token_hash, user_id, expires_at)
VALUES ($1, $2, now() + make_interval(secs => least($3::float8, $4::float8)))
RETURNING expires_at

-- name: find
-- The live session of a token hash ($1), with its account; use pushes the idle expiry ($2 s) forward,
-- at most once a minute so that a map load is not a burst of writes, never past the absolute
-- lifetime ($3 s after sign-in). A disabled account has no live session.
WITH live AS (
  SELECT s.token_hash, s.expires_at, u.id, u.email, u.display_name, u.role, u.is_demo
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = $1 AND s.expires_at > now() AND u.disabled_at IS NULL
), touched AS (
  UPDATE sessions s
  SET last_seen_at = now(),
      expires_at = least(now() + make_interval(secs => $2::float8), s.created_at + make_interval(secs => $3::float8))
  FROM live
  WHERE s.token_hash = live.token_hash AND s.last_seen_at < now() - interval '1 minute'
  RETURNING s.expires_at
)
SELECT live.id::int AS id, live.email, live.display_name, live.role, live.is_demo,
       coalesce((SELECT expires_at FROM touched), live.expires_at) AS expires_at
FROM live

-- name: end
DELETE FROM sessions WHERE token_hash = $1

-- name: end-all-of-user
DELETE FROM sessions WHERE user_id = $1

-- name: purge-expired
DELETE FROM sessions WHERE expires_at <= now()
