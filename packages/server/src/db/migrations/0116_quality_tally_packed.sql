-- The data-quality tally packed (core tally-packing.ts): varint counts and runs of zeros, about an
-- eighth of the little-endian 32-bit integers of 0115 for a posyandu's month, so a refresh writes,
-- and the table keeps, far fewer bytes. The rows are derived figures: their districts are marked
-- for a refresh (the next server start refreshes them) and the rows go.
INSERT INTO rollup_pending (district_code)
  SELECT DISTINCT district_code FROM rollup_quality ON CONFLICT (district_code) DO NOTHING;
DELETE FROM rollup_quality;
