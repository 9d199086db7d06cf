-- Import runs (one row per file, dry runs included) and target populations (sasaran).
CREATE TABLE imports (
  id uuid PRIMARY KEY,
  district_code text,
  file_name text NOT NULL,
  file_sha256 text,
  status text NOT NULL CHECK (status IN ('dry_run', 'committed', 'failed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  rows_read integer NOT NULL DEFAULT 0,
  rows_rejected integer NOT NULL DEFAULT 0,
  children_created integer NOT NULL DEFAULT 0,
  children_updated integer NOT NULL DEFAULT 0,
  measurements_added integer NOT NULL DEFAULT 0,
  measurements_updated integer NOT NULL DEFAULT 0,
  measurements_unchanged integer NOT NULL DEFAULT 0,
  report jsonb NOT NULL DEFAULT '{}'::jsonb,  -- summary, likely duplicates, first rejections
  created_by uuid
);
CREATE INDEX imports_district_idx ON imports (district_code, started_at);

-- Target children (sasaran balita 0-59 months) per village and year, for coverage.
CREATE TABLE targets (
  district_code text NOT NULL,
  village_code text NOT NULL,
  year integer NOT NULL,
  children_0_59 integer NOT NULL CHECK (children_0_59 >= 0),
  source text NOT NULL DEFAULT 'manual',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, village_code, year)
);
