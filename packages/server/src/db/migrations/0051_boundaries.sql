-- Map boundaries: one GeoJSON geometry per region, uploaded by an administrator.

CREATE TABLE region_boundaries (
  region_code text PRIMARY KEY,
  geometry jsonb NOT NULL,
  attribution text,
  uploaded_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_boundaries_code_idx ON region_boundaries (region_code text_pattern_ops);

-- Files uploaded through the web app: kept on disk (file_path) after their dry run until the
-- uploader confirms them.
CREATE TABLE import_uploads (
  id uuid PRIMARY KEY,
  file_name text NOT NULL,
  file_path text,
  district_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('dry_run', 'imported')),
  report jsonb NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
