-- Analisis situasi and the integrated activity plan of an aksi cycle (DESIGN.md §1.3, aksi 1–2):
-- the district's own indicator targets (national defaults live in code, core/programme/indicators.ts),
-- indicator values per region and period with their source, the desa lokus decision, and the
-- activities with their budget and realisation. Every table carries district_code (routed by
-- district); the history of each is the audit log.

-- A district's own target for an indicator in a year (overrides the national default).
CREATE TABLE aksi_indicator_targets (
  district_code text NOT NULL,
  indicator_code text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2018 AND 2100),
  value double precision NOT NULL CHECK (value >= 0),
  source text NOT NULL,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, indicator_code, year)
);

-- An indicator's value for a region (village, kecamatan or the district) and period ('YYYY'),
-- entered by form or imported; values Tumbuh computes from its own data are not stored.
CREATE TABLE aksi_indicator_values (
  district_code text NOT NULL,
  region_code text NOT NULL,
  indicator_code text NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}$'),
  numerator double precision,
  denominator double precision,
  value double precision NOT NULL,
  source text NOT NULL,
  entry text NOT NULL CHECK (entry IN ('form', 'import')),
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, region_code, indicator_code, period)
);

-- The district's choice of desa lokus in a cycle: the villages, the reason, the ranking and the rule
-- it was made on (kept as they were), and the decision document (an evidence file of the cycle).
CREATE TABLE aksi_lokus_decisions (
  cycle_id uuid PRIMARY KEY REFERENCES aksi_cycles (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  data_year integer NOT NULL,
  villages jsonb NOT NULL,
  reason text NOT NULL,
  rule jsonb NOT NULL,
  ranking jsonb NOT NULL,
  evidence_id uuid REFERENCES aksi_evidence (id),
  decided_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX aksi_lokus_decisions_district_idx ON aksi_lokus_decisions (district_code text_pattern_ops);

-- An activity of the cycle's integrated plan (core/programme/rencana.ts PlanActivity): villages
-- [{code, pagu?}], pagu and realisasi {apbd, dak, dana_desa, lainnya} in whole rupiah.
CREATE TABLE aksi_activities (
  id uuid PRIMARY KEY,
  cycle_id uuid NOT NULL REFERENCES aksi_cycles (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  opd text NOT NULL,
  program_code text NOT NULL,
  program_name text NOT NULL DEFAULT '',
  kegiatan_code text NOT NULL,
  kegiatan_name text NOT NULL DEFAULT '',
  sub_kegiatan_code text NOT NULL,
  sub_kegiatan_name text NOT NULL DEFAULT '',
  name text NOT NULL,
  intervention text NOT NULL CHECK (intervention IN ('spesifik', 'sensitif', 'koordinatif')),
  indicator_code text,
  pillar integer NOT NULL CHECK (pillar BETWEEN 1 AND 5),
  villages jsonb NOT NULL DEFAULT '[]',
  volume double precision,
  unit text NOT NULL DEFAULT '',
  pagu jsonb NOT NULL DEFAULT '{}',
  realisasi jsonb NOT NULL DEFAULT '{}',
  volume_done double precision,
  start_month integer NOT NULL CHECK (start_month BETWEEN 1 AND 12),
  end_month integer NOT NULL CHECK (end_month BETWEEN 1 AND 12),
  created_by uuid,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX aksi_activities_cycle_idx ON aksi_activities (cycle_id, opd, sub_kegiatan_code);
CREATE INDEX aksi_activities_district_idx ON aksi_activities (district_code text_pattern_ops);
