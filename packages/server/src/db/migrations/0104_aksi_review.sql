-- Aksi 7 and 8 of a cycle: the district's commentary on the year's published figures, and the
-- annual review (indicator targets vs achieved the district adds, lessons). The rest of the review
-- (stunting trend, scorecards) is computed when shown.
CREATE TABLE aksi_reviews (
  cycle_id uuid PRIMARY KEY REFERENCES aksi_cycles (id) ON DELETE CASCADE,
  district_code text NOT NULL,
  publication_comment text NOT NULL DEFAULT '',
  -- [{ name, target, achieved, unit, source }]
  indicators jsonb NOT NULL DEFAULT '[]',
  lessons text NOT NULL DEFAULT '',
  prefilled_cycle_id uuid,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
