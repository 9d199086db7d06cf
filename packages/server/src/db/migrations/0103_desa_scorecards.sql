-- The desa convergence scorecard (aksi 5; workflows.md §2.2), one row per village and quarter:
-- N per group and, per indicator, Y and TS ({ "IH1": { "y": 3, "ts": 0 }, … }). Coverage and the
-- tingkat konvergensi are computed (core/programme/scorecard-counts.ts), never stored.
CREATE TABLE desa_scorecards (
  district_code text NOT NULL,
  village_code text NOT NULL,
  quarter text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  targets_ibu_hamil integer CHECK (targets_ibu_hamil >= 0),
  targets_anak integer CHECK (targets_anak >= 0),
  counts jsonb NOT NULL DEFAULT '{}',
  source text NOT NULL DEFAULT 'form',
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (district_code, village_code, quarter)
);
