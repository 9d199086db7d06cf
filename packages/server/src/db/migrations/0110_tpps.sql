-- TPPS (Tim Percepatan Penurunan Stunting) at province, district, kecamatan and village level
-- (DESIGN.md §1.4; shared/domain/programme.md §0): a team per decree (SK) with its period, and
-- its seats. A person may hold seats in several teams, so people are rows of their own.
-- Small tables, local on the coordinator in a distributed deployment (db/distribute.ts).

CREATE TABLE tpps_teams (
  id uuid PRIMARY KEY,
  region_code text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'district', 'subdistrict', 'village')),
  name text NOT NULL,
  decree_number text,
  decree_date date,
  period_from date NOT NULL,
  period_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (period_to IS NULL OR period_to >= period_from)
);
CREATE INDEX tpps_teams_region_idx ON tpps_teams (region_code text_pattern_ops);

-- A person who sits on TPPS teams, kept under the region where first named (a district code for
-- everyone of the district and below, the province code for a province team).
CREATE TABLE tpps_people (
  id uuid PRIMARY KEY,
  scope_code text NOT NULL,
  name text NOT NULL,
  name_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tpps_people_scope_idx ON tpps_people (scope_code, name_key);

CREATE TABLE tpps_members (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES tpps_teams (id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES tpps_people (id),
  role text NOT NULL CHECK (role IN ('pengarah', 'ketua', 'wakil_ketua', 'sekretaris', 'bidang', 'anggota')),
  bidang text,
  position_title text,
  agency text NOT NULL,
  position smallint NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tpps_members_team_idx ON tpps_members (team_id);
CREATE INDEX tpps_members_person_idx ON tpps_members (person_id);
