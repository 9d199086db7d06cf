-- Each district's own roll-up rows are also kept in rollup_upper (region_code = the district
-- code), beside the province and nation rows summed from them. On Citus rollup_upper is a
-- reference table: a refresh then sums a province from it instead of reading the district rows
-- of every shard, and the dashboards of a province and of the nation read it alone.
INSERT INTO rollup_upper (region_code, period, measured, haz_valid, stunted, severely_stunted, whz_valid,
  wasted, severely_wasted, overweight, waz_valid, underweight, new_stunting, target, refreshed_at)
SELECT district_code, period, measured, haz_valid, stunted, severely_stunted, whz_valid,
  wasted, severely_wasted, overweight, waz_valid, underweight, new_stunting, target, refreshed_at
FROM rollup_district
WHERE unit_kind = 'district' AND unit_code = district_code
ON CONFLICT (region_code, period) DO NOTHING;
