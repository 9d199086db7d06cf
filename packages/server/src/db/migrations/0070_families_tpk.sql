-- Keluarga sasaran and TPK family assistance (DESIGN.md §1.4; shared/domain/programme.md §4).
-- Families, their children, TPK teams with their villages and member accounts, the people a
-- team accompanies (targets) and its visits. Every table carries district_code first in its
-- primary key (distributed by district, docs/scaling.md).

-- A target family of a village for one semester of family data. The at-risk assessment (each
-- factor, the verdict and the rule's version) is computed by @tumbuh/core/programme when the
-- family is written and stored beside the facts it came from.
CREATE TABLE families (
  district_code text NOT NULL,
  id uuid NOT NULL,
  village_code text NOT NULL,
  semester text NOT NULL CHECK (semester ~ '^[0-9]{4}-S[12]$'),
  data_source text NOT NULL,           -- pk (Pendataan Keluarga), verval, tpk, manual
  head_name text NOT NULL,
  mother_name text,
  mother_birth_date date,
  pregnant boolean,
  children_recorded boolean NOT NULL DEFAULT true,   -- false: children unknown (not: none)
  water_source text,
  latrine text,
  rt text,
  rw text,
  address text,
  assessed_on date NOT NULL,
  krs_rule text NOT NULL,
  krs_verdict text NOT NULL CHECK (krs_verdict IN ('berisiko', 'tidak_berisiko', 'tidak_diketahui')),
  krs_factors jsonb NOT NULL,          -- {factor: {value, detail}}
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, id)
);
CREATE INDEX families_village_idx ON families (district_code, village_code, semester);
CREATE INDEX families_id_idx ON families (id);

-- The children of a family (every child, for the number and spacing of births), each linked to
-- its child record when one matches (by NIK, or by name and birth date in the same village).
CREATE TABLE family_children (
  district_code text NOT NULL,
  id uuid NOT NULL,
  family_id uuid NOT NULL,
  position smallint NOT NULL,
  name text NOT NULL,
  birth_date date,
  child_id uuid,
  PRIMARY KEY (district_code, id),
  FOREIGN KEY (district_code, family_id) REFERENCES families (district_code, id) ON DELETE CASCADE
);
CREATE INDEX family_children_family_idx ON family_children (district_code, family_id);
CREATE INDEX family_children_child_idx ON family_children (district_code, child_id);

-- Tim Pendamping Keluarga: a midwife, a PKK cadre and a KB cadre, assigned to villages.
CREATE TABLE tpk_teams (
  district_code text NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  bidan_name text,
  pkk_name text,
  kb_name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, id)
);

CREATE TABLE tpk_team_villages (
  district_code text NOT NULL,
  team_id uuid NOT NULL,
  village_code text NOT NULL,
  PRIMARY KEY (district_code, team_id, village_code),
  FOREIGN KEY (district_code, team_id) REFERENCES tpk_teams (district_code, id) ON DELETE CASCADE
);
CREATE INDEX tpk_team_villages_village_idx ON tpk_team_villages (district_code, village_code);

-- A person a TPK accompanies: a bride-to-be, a pregnant or post-partum mother, or a child
-- (0–23 or 24–59 months), linked to the family and the child record when known.
CREATE TABLE tpk_targets (
  district_code text NOT NULL,
  id uuid NOT NULL,
  village_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('catin', 'ibu_hamil', 'ibu_pascasalin', 'baduta', 'balita')),
  name text NOT NULL,
  family_id uuid,
  child_id uuid,
  source text NOT NULL CHECK (source IN ('manual', 'posyandu', 'keluarga')),
  reasons jsonb,                       -- e.g. the posyandu flags that made a child a target
  since date NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, id)
);
CREATE INDEX tpk_targets_village_idx ON tpk_targets (district_code, village_code);
CREATE UNIQUE INDEX tpk_targets_child_idx ON tpk_targets (district_code, child_id) WHERE child_id IS NOT NULL AND active;

CREATE TABLE tpk_visits (
  district_code text NOT NULL,
  id uuid NOT NULL,
  target_id uuid NOT NULL,
  team_id uuid,
  village_code text NOT NULL,
  visited_on date NOT NULL,
  visit_type text NOT NULL CHECK (visit_type IN ('penyuluhan', 'rujukan', 'bansos')),
  findings text,
  follow_up text,
  follow_up_due date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, id),
  FOREIGN KEY (district_code, target_id) REFERENCES tpk_targets (district_code, id) ON DELETE CASCADE
);
CREATE INDEX tpk_visits_village_idx ON tpk_visits (district_code, village_code, visited_on);
CREATE INDEX tpk_visits_target_idx ON tpk_visits (district_code, target_id);
