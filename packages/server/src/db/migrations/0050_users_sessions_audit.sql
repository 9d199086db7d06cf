-- Users, server-side sessions and the audit log (DESIGN.md §1.5).

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL,
  -- Region scope: a code prefix ('ID' for the nation, '35.03' for a district ...).
  region_code text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX users_region_idx ON users (region_code text_pattern_ops);

-- The cookie carries a random token; only its SHA-256 is stored, so a copy of this table
-- cannot be used to sign in.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id uuid,
  username text,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  region_code text,
  before jsonb,
  after jsonb,
  ip text
);
CREATE INDEX audit_log_region_idx ON audit_log (region_code text_pattern_ops, id);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
