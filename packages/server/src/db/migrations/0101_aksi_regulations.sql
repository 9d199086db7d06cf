-- Regulations on village roles in stunting reduction (aksi 4): the district's Perbup/Perwali and
-- the villages' own Perdes/Perkades. The document is stored like aksi evidence (outside the web
-- root, under its SHA-256, in the same folder); a row without a file is a regulation not yet
-- scanned.
CREATE TABLE aksi_regulations (
  id uuid PRIMARY KEY,
  district_code text NOT NULL,
  region_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('perbup', 'perwali', 'perdes', 'perkades')),
  number text NOT NULL,
  issued_on date NOT NULL,
  title text NOT NULL,
  file_name text,
  media_type text,
  size_bytes integer,
  sha256 text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX aksi_regulations_region_idx ON aksi_regulations (district_code, region_code text_pattern_ops);
