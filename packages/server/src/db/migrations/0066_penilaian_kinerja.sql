-- Penilaian kinerja (DESIGN.md §1.3): a province's yearly assessment of its districts' aksi
-- konvergensi. The instrument is stored with the assessment (configurable per year and province);
-- each panelist's grade and note per district and item are kept; the published result is a
-- snapshot so that later edits to drafts never change what was announced.

CREATE TABLE pk_assessments (
  id uuid PRIMARY KEY,
  province_code text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  instrument jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  decree_number text,
  result jsonb,
  published_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (province_code, year)
);

CREATE TABLE pk_panelists (
  assessment_id uuid NOT NULL REFERENCES pk_assessments (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('ketua', 'anggota')),
  PRIMARY KEY (assessment_id, user_id)
);

CREATE TABLE pk_districts (
  assessment_id uuid NOT NULL REFERENCES pk_assessments (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  recommendation text NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, district_code)
);

CREATE TABLE pk_grades (
  assessment_id uuid NOT NULL REFERENCES pk_assessments (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  item_code text NOT NULL,
  panelist_id uuid NOT NULL,
  grade text,
  note text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, district_code, item_code, panelist_id)
);

-- Number items (0–100): web completeness from Pantau Aksi, a prevalence-change score ...
CREATE TABLE pk_values (
  assessment_id uuid NOT NULL REFERENCES pk_assessments (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  item_code text NOT NULL,
  value double precision,
  source text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assessment_id, district_code, item_code)
);
