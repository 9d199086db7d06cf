-- Aksi konvergensi (DESIGN.md §1.3): a district's yearly cycle, each aksi's status, notes and the
-- province's review, and the evidence files behind each aksi. History is the audit log
-- (entity 'aksi_entry', entity_id '<cycle id>:<aksi code>').

-- Aksi configurations a national admin adds for a year (the built-in 2022 and 2025 versions live in
-- code, packages/core/src/programme/aksi-20xx.ts).
CREATE TABLE aksi_configs (
  version text PRIMARY KEY,
  valid_from integer NOT NULL,
  config jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE aksi_cycles (
  id uuid PRIMARY KEY,
  district_code text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  config_version text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (district_code, year)
);
CREATE INDEX aksi_cycles_district_idx ON aksi_cycles (district_code text_pattern_ops, year);

CREATE TABLE aksi_entries (
  cycle_id uuid NOT NULL REFERENCES aksi_cycles (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  aksi_code text NOT NULL,
  status text NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'proses', 'selesai', 'direviu')),
  notes text NOT NULL DEFAULT '',
  -- Output codes the district marked as done without a file (data entered, decisions taken).
  outputs_done jsonb NOT NULL DEFAULT '[]',
  review_comment text,
  reviewed_by uuid,
  reviewed_at timestamptz,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (cycle_id, aksi_code)
);
CREATE INDEX aksi_entries_district_idx ON aksi_entries (district_code text_pattern_ops);

-- Evidence files: stored outside the web root under their SHA-256, served only through an
-- access-checked download. A removed file keeps its row (removed_at) for the history.
CREATE TABLE aksi_evidence (
  id uuid PRIMARY KEY,
  cycle_id uuid NOT NULL REFERENCES aksi_cycles (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  aksi_code text NOT NULL,
  output_code text,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  removed_by uuid
);
CREATE INDEX aksi_evidence_cycle_idx ON aksi_evidence (cycle_id, aksi_code);
CREATE INDEX aksi_evidence_district_idx ON aksi_evidence (district_code text_pattern_ops);
