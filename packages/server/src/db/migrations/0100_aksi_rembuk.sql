-- Rembuk stunting (aksi 3; DESIGN.md §1.3): a meeting of the district, a kecamatan or a village in a
-- cycle's year, with its participants, agenda, signed commitment, the activities agreed and the
-- follow-ups. Lists are kept as JSON arrays of the meeting's row (read and written whole, with the
-- row's version). History is the audit log (entity 'rembuk').
CREATE TABLE aksi_rembuk (
  id uuid PRIMARY KEY,
  cycle_id uuid NOT NULL REFERENCES aksi_cycles (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  level text NOT NULL CHECK (level IN ('district', 'subdistrict', 'village')),
  region_code text NOT NULL,
  held_on date NOT NULL,
  place text NOT NULL,
  agenda jsonb NOT NULL DEFAULT '[]',
  commitment text NOT NULL DEFAULT '',
  -- [{ name, agency, role, signatory }]
  participants jsonb NOT NULL DEFAULT '[]',
  -- [{ text, activityId }]: activityId links the plan's activity when there is one
  activities jsonb NOT NULL DEFAULT '[]',
  -- [{ action, owner, dueDate, status }]
  follow_ups jsonb NOT NULL DEFAULT '[]',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX aksi_rembuk_cycle_idx ON aksi_rembuk (district_code, cycle_id, held_on);
