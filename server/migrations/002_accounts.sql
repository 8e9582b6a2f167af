-- Accounts and sessions (issue 3). Who may do what is not here: it is the route table in
-- web/src/shared/access-policy.ts. The server keeps no state of its own, so sessions live in the database and
-- any instance over this PostGIS can answer any request.

CREATE TABLE users (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- stored lower-case, so "Planner@x" and "planner@x" are one account
  email          text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name   text NOT NULL DEFAULT '' CHECK (length(display_name) <= 200),
  role           text NOT NULL CHECK (role IN ('admin', 'planner', 'land_officer', 'investor')),
  -- argon2id (PHC string); never leaves the server, never in the audit log
  password_hash  text NOT NULL,
  -- the sample park's demo accounts: refused at login when NODE_ENV=production
  is_demo        boolean NOT NULL DEFAULT false,
  disabled_at    timestamptz,
  last_login_at  timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        integer NOT NULL DEFAULT 1
);

-- One row per signed-in browser. The cookie holds a random 256-bit token; the table holds only its
-- SHA-256, so a copy of the table (a backup, a replica) signs nobody in.
CREATE TABLE sessions (
  token_hash    text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  user_id       bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  -- idle expiry, pushed forward on use, never past created_at + the absolute lifetime
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
