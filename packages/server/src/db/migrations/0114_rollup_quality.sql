-- The WHO data-quality report read from roll-ups (core data-quality-tally.ts), refreshed with the
-- prevalence and SKDN roll-ups of a district.
--
-- Per child, in the prevalence statement itself: the power sums of each child's latest valid
-- z-score of the period (n is the *_valid count already there; bmiz_valid is new), and boys and
-- girls, each child counted in the unit of its latest measurement like the prevalence counts.
ALTER TABLE rollup_district
  ADD COLUMN haz_s1 double precision NOT NULL DEFAULT 0,
  ADD COLUMN haz_s2 double precision NOT NULL DEFAULT 0,
  ADD COLUMN haz_s3 double precision NOT NULL DEFAULT 0,
  ADD COLUMN haz_s4 double precision NOT NULL DEFAULT 0,
  ADD COLUMN whz_s1 double precision NOT NULL DEFAULT 0,
  ADD COLUMN whz_s2 double precision NOT NULL DEFAULT 0,
  ADD COLUMN whz_s3 double precision NOT NULL DEFAULT 0,
  ADD COLUMN whz_s4 double precision NOT NULL DEFAULT 0,
  ADD COLUMN waz_s1 double precision NOT NULL DEFAULT 0,
  ADD COLUMN waz_s2 double precision NOT NULL DEFAULT 0,
  ADD COLUMN waz_s3 double precision NOT NULL DEFAULT 0,
  ADD COLUMN waz_s4 double precision NOT NULL DEFAULT 0,
  ADD COLUMN bmiz_valid integer NOT NULL DEFAULT 0,
  ADD COLUMN bmiz_s1 double precision NOT NULL DEFAULT 0,
  ADD COLUMN bmiz_s2 double precision NOT NULL DEFAULT 0,
  ADD COLUMN bmiz_s3 double precision NOT NULL DEFAULT 0,
  ADD COLUMN bmiz_s4 double precision NOT NULL DEFAULT 0,
  ADD COLUMN boys integer NOT NULL DEFAULT 0,
  ADD COLUMN girls integer NOT NULL DEFAULT 0;

-- Per measurement, in the SKDN pass over the district's measurements (which loads them anyway):
-- the tally of each unit's measurements of the period, by where they were measured (completeness,
-- flagged z-scores, terminal digits, months of age and birth by sex, position by month of age;
-- the layout is core's QUALITY_TALLY_LENGTH numbers), and the likely duplicate children among the
-- children measured there (groups and children beyond the first; counted per unit, not summed,
-- since a group may span units). Kecamatan and district tallies are sums of their villages'.
CREATE TABLE rollup_quality (
  district_code text NOT NULL,
  unit_kind text NOT NULL CHECK (unit_kind IN ('village', 'subdistrict', 'district', 'posyandu')),
  unit_code text NOT NULL,
  period text NOT NULL,
  tally integer[] NOT NULL,
  dup_groups integer NOT NULL,
  dup_extra integer NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_code, unit_kind, unit_code, period)
);

-- Figures of districts refreshed before this migration wait for their next refresh (the next
-- server start refreshes them).
INSERT INTO rollup_pending (district_code)
  SELECT DISTINCT district_code FROM rollup_district ON CONFLICT (district_code) DO NOTHING;
