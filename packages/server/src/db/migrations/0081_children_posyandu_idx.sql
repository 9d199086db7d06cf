-- The children registered at a posyandu (its page, SKDN S, the cadre's home): found by index instead
-- of a scan of the district's children (100,000 in a large district: 33 ms a page, twice).
CREATE INDEX children_posyandu_idx ON children (district_code, posyandu_id);
