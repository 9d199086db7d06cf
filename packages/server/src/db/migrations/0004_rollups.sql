-- Prevalence roll-ups, refreshed per district after each import and data entry. Counts are of
-- distinct children, each by its latest valid measurement in the period; every level is a sum
-- of the level below. period: 'YYYY-MM' (month) or 'YYYY' (year).
-- unit_kind 'village' | 'subdistrict' | 'district' (unit_code = region code) or 'posyandu'
-- (unit_code = posyandu id). Distributed by district_code with the raw tables.
CREATE TABLE rollup_district (
  district_code text NOT NULL,
  unit_kind text NOT NULL CHECK (unit_kind IN ('village', 'subdistrict', 'district', 'posyandu')),
  unit_code text NOT NULL,
  period text NOT NULL,
  measured integer NOT NULL,
  haz_valid integer NOT NULL,
  stunted integer NOT NULL,
  severely_stunted integer NOT NULL,
  whz_valid integer NOT NULL,
  wasted integer NOT NULL,
  severely_wasted integer NOT NULL,
  overweight integer NOT NULL,
  waz_valid integer NOT NULL,
  underweight integer NOT NULL,
  new_stunting integer NOT NULL,
  target integer,                      -- sasaran for the period's year, when entered
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_code, unit_kind, unit_code, period)
);
CREATE INDEX rollup_district_period_idx ON rollup_district (period, unit_kind);

-- Province and nation rows (region_code 'ID' for the nation), summed from district rows.
-- Small; a reference table in a distributed deployment.
CREATE TABLE rollup_upper (
  region_code text NOT NULL,
  period text NOT NULL,
  measured integer NOT NULL,
  haz_valid integer NOT NULL,
  stunted integer NOT NULL,
  severely_stunted integer NOT NULL,
  whz_valid integer NOT NULL,
  wasted integer NOT NULL,
  severely_wasted integer NOT NULL,
  overweight integer NOT NULL,
  waz_valid integer NOT NULL,
  underweight integer NOT NULL,
  new_stunting integer NOT NULL,
  target integer,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, period)
);
