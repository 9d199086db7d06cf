-- The data-quality tally stored as bytes: core's QUALITY_TALLY_LENGTH counts as little-endian
-- 32-bit integers (repositories/rollup-figures.ts writes them, data-quality.ts reads them), so a
-- refresh writes, and a report reads, a few hundred numbers per row without array parsing.
-- The rows are derived figures: their districts are marked for a refresh (the next server start
-- refreshes them) and the rows go.
INSERT INTO rollup_pending (district_code)
  SELECT DISTINCT district_code FROM rollup_quality ON CONFLICT (district_code) DO NOTHING;
DELETE FROM rollup_quality;
ALTER TABLE rollup_quality ALTER COLUMN tally TYPE bytea USING NULL;
