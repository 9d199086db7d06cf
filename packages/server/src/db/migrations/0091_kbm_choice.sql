-- The KBM table variant in use (core kbm.ts KBM_TABLES): the national default (region_code 'ID'),
-- chosen by a national administrator, and a district's own choice, which overrides it. Without a
-- row the built-in default (variant A) holds.
CREATE TABLE kbm_choice (
  region_code text PRIMARY KEY CHECK (region_code = 'ID' OR region_code ~ '^[0-9]{2}\.[0-9]{2}$'),
  kbm_table text NOT NULL,
  note text,
  changed_by uuid,
  changed_by_name text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
