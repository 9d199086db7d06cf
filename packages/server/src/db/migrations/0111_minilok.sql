-- Mini lokakarya kecamatan (DESIGN.md §1.4; shared/domain/programme.md §4): meetings of a
-- kecamatan with participants, the per-village review of TPK coverage and problems, the checklist
-- ("3 standar dan 4 PASTI" by default, editable), the verification of the case and at-risk-family
-- lists, and recommendations with owner, due date and status, carried to later meetings until
-- closed. Local tables (db/distribute.ts), keyed by uuid, with the district for filtering.

CREATE TABLE minilok_meetings (
  id uuid PRIMARY KEY,
  district_code text NOT NULL,
  subdistrict_code text NOT NULL,
  held_on date NOT NULL,
  place text,
  -- the period whose TPK visits the meeting reviews: [review_from, review_to)
  review_from date NOT NULL,
  review_to date NOT NULL,
  semester text NOT NULL CHECK (semester ~ '^[0-9]{4}-S[12]$'),
  participants jsonb NOT NULL DEFAULT '[]',   -- [{name, agency, role}]
  notes text,
  checklist_version text NOT NULL,
  checklist_source text NOT NULL,
  checklist_confidence text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (review_to > review_from)
);
CREATE INDEX minilok_meetings_subdistrict_idx ON minilok_meetings (subdistrict_code, held_on);

CREATE TABLE minilok_village_reviews (
  meeting_id uuid NOT NULL REFERENCES minilok_meetings (id) ON DELETE CASCADE,
  village_code text NOT NULL,
  problems text,
  follow_up text,
  PRIMARY KEY (meeting_id, village_code)
);

CREATE TABLE minilok_checklist (
  meeting_id uuid NOT NULL REFERENCES minilok_meetings (id) ON DELETE CASCADE,
  position smallint NOT NULL,
  code text NOT NULL,
  item_group text NOT NULL CHECK (item_group IN ('3_standar', '4_pasti', 'lainnya')),
  label text NOT NULL,
  met boolean,
  note text,
  PRIMARY KEY (meeting_id, position),
  UNIQUE (meeting_id, code)
);

-- Verification (verval) of a listed stunting case (a TPK target from the posyandu) or an at-risk family.
CREATE TABLE minilok_verifications (
  meeting_id uuid NOT NULL REFERENCES minilok_meetings (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('kasus', 'keluarga')),
  entity_id uuid NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('valid', 'tidak_valid')),
  note text,
  PRIMARY KEY (meeting_id, kind, entity_id)
);

CREATE TABLE minilok_recommendations (
  id uuid PRIMARY KEY,
  meeting_id uuid NOT NULL REFERENCES minilok_meetings (id) ON DELETE CASCADE,
  subdistrict_code text NOT NULL,
  village_code text,
  action text NOT NULL,
  owner text NOT NULL,
  due_on date,
  status text NOT NULL DEFAULT 'belum' CHECK (status IN ('belum', 'proses', 'selesai', 'batal')),
  status_note text,
  closed_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX minilok_recommendations_subdistrict_idx ON minilok_recommendations (subdistrict_code);
