-- Kader Pembangunan Manusia (aksi 5): a village's KPM, when appointed and trained, and a contact.
-- The contact is personal data: shown only to the district TPPS and the village (each view logged).
CREATE TABLE aksi_kpm (
  id uuid PRIMARY KEY,
  district_code text NOT NULL,
  village_code text NOT NULL,
  name text NOT NULL,
  appointed_on date,
  trained_on date,
  training text NOT NULL DEFAULT '',
  contact text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX aksi_kpm_village_idx ON aksi_kpm (district_code, village_code text_pattern_ops);
