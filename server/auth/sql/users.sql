-- Accounts (migration 002). Reads go through the `accounts` view (migration 004), which never
-- carries the password hash; writes change `users` and read the account back from the view.

-- name: login-candidate
SELECT id::int AS id, password_hash, is_demo, disabled_at IS NOT NULL AS disabled FROM users WHERE email = $1

-- name: record-login
UPDATE users SET last_login_at = now() WHERE id = $1

-- name: list
SELECT * FROM accounts ORDER BY id

-- name: get
SELECT * FROM accounts WHERE id = $1

-- name: lock
-- Taken before an account is changed, so two admins' edits of one account queue up.
SELECT id FROM users WHERE id = $1 FOR UPDATE

-- name: insert
-- NULL (no row) when the email is taken; nothing changes then.
INSERT INTO users (email, display_name, role, password_hash, is_demo) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (email) DO NOTHING
RETURNING id::int AS id

-- name: update
UPDATE users SET
  role = coalesce($2, role),
  display_name = coalesce($3, display_name),
  disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at WHEN $4 THEN coalesce(disabled_at, now()) ELSE NULL END,
  updated_at = now(), version = version + 1
WHERE id = $1

-- name: set-password
UPDATE users SET password_hash = $2, updated_at = now(), version = version + 1 WHERE id = $1

-- name: count-admins
-- Enabled admins other than $1; demo admins count only when $2.
SELECT count(*)::int AS n FROM users
WHERE role = 'admin' AND disabled_at IS NULL AND ($2 OR NOT is_demo) AND id IS DISTINCT FROM $1
