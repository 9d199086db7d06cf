-- Audit Kasus Stunting (AKS), per district and semester (DESIGN.md §1.4; shared/domain/
-- programme.md §5): the cycle with its team (the only accounts that see named cases), the expert
-- panel and the dissemination meeting; cases selected by name and address with the reason; the
-- audit worksheet (KKA), the expert review and recommendations; the follow-up plan per agency.

CREATE TABLE aks_cycles (
  district_code text NOT NULL,
  id uuid NOT NULL,
  semester text NOT NULL CHECK (semester ~ '^[0-9]{4}-S[12]$'),
  panel jsonb NOT NULL DEFAULT '[]',   -- [{name, role, expertise}]: the Tim Pakar
  dissemination_on date,
  dissemination_participants text,
  dissemination_notes text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, id)
);
CREATE UNIQUE INDEX aks_cycles_semester_idx ON aks_cycles (district_code, semester);
CREATE INDEX aks_cycles_id_idx ON aks_cycles (id);

-- The audit team: the accounts that work on the cycle's named cases.
CREATE TABLE aks_team (
  district_code text NOT NULL,
  cycle_id uuid NOT NULL,
  user_id uuid NOT NULL,
  team_role text NOT NULL CHECK (team_role IN ('ketua', 'tim_teknis', 'tim_pakar', 'sekretariat')),
  PRIMARY KEY (district_code, cycle_id, user_id),
  FOREIGN KEY (district_code, cycle_id) REFERENCES aks_cycles (district_code, id) ON DELETE CASCADE
);

CREATE TABLE aks_cases (
  district_code text NOT NULL,
  id uuid NOT NULL,
  cycle_id uuid NOT NULL,
  village_code text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('anak', 'ibu_hamil', 'catin')),
  child_id uuid,
  family_id uuid,
  person_name text NOT NULL,
  address text,
  reasons jsonb NOT NULL,              -- [{reason, detail}] found in Tumbuh's data
  selection_note text NOT NULL,        -- why the team selected the case
  status text NOT NULL DEFAULT 'terpilih'
    CHECK (status IN ('terpilih', 'dikaji', 'direkomendasikan', 'ditindaklanjuti', 'selesai')),
  worksheet jsonb NOT NULL DEFAULT '{}',
  review text,
  recommendations text,
  reviewed_on date,
  selected_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, id),
  FOREIGN KEY (district_code, cycle_id) REFERENCES aks_cycles (district_code, id) ON DELETE CASCADE
);
CREATE INDEX aks_cases_cycle_idx ON aks_cases (district_code, cycle_id);
CREATE UNIQUE INDEX aks_cases_child_idx ON aks_cases (district_code, cycle_id, child_id) WHERE child_id IS NOT NULL;
CREATE INDEX aks_cases_id_idx ON aks_cases (id);

-- Rencana tindak lanjut (RTL): an action per agency (OPD), for the cycle or one case.
CREATE TABLE aks_followups (
  district_code text NOT NULL,
  id uuid NOT NULL,
  cycle_id uuid NOT NULL,
  case_id uuid,
  agency text NOT NULL,
  action text NOT NULL,
  due_on date,
  status text NOT NULL DEFAULT 'rencana' CHECK (status IN ('rencana', 'berjalan', 'selesai', 'batal')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, id),
  FOREIGN KEY (district_code, cycle_id) REFERENCES aks_cycles (district_code, id) ON DELETE CASCADE
);
CREATE INDEX aks_followups_cycle_idx ON aks_followups (district_code, cycle_id);
