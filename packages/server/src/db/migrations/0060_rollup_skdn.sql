-- SKDN and growth-faltering roll-ups per month (core skdn-counts.ts): S registered children
-- 0-59 months, K with KMS / Buku KIA (k_unknown: not recorded), D weighed, N / T / O / B the
-- category of each weighed child (D = N + T + O + B), two_t and bgm the weighed children with
-- two consecutive T and below the red line. Refreshed with the prevalence roll-ups, per district,
-- each child counted in its registered posyandu and village; kecamatan and district rows are sums
-- of the village rows. kbm_table names the KBM variant the N / T used.
CREATE TABLE rollup_skdn (
  district_code text NOT NULL,
  unit_kind text NOT NULL CHECK (unit_kind IN ('village', 'subdistrict', 'district', 'posyandu')),
  unit_code text NOT NULL,
  period text NOT NULL,
  s integer NOT NULL,
  k integer NOT NULL,
  k_unknown integer NOT NULL,
  d integer NOT NULL,
  n integer NOT NULL,
  t integer NOT NULL,
  o integer NOT NULL,
  b integer NOT NULL,
  two_t integer NOT NULL,
  bgm integer NOT NULL,
  kbm_table text NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (district_code, unit_kind, unit_code, period),
  CHECK (d = n + t + o + b)
);
