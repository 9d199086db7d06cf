-- Bulk imports pay for every index on measurements. Lookups by id alone go through the child
-- (district_code, child_id, measured_on) or the primary key, and roll-ups scan one district
-- through the primary key, so these two secondary indexes are dropped.
DROP INDEX IF EXISTS measurements_id_idx;
DROP INDEX IF EXISTS measurements_period_idx;
