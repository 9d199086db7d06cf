-- Measurements are keyed by what identifies them: one per child per date. The key on
-- (district_code, id) cost a second B-tree insert per row (about a fifth of the database's work
-- in a 1,000,000-row import) and nothing reads measurements by id alone: the API and the audit
-- log name a measurement by its id, found through its child. The id stays on every row, made
-- by Tumbuh as a time-ordered UUID (48 bits of milliseconds, 74 random bits), so it stays
-- unique without an index to enforce it.
ALTER TABLE measurements DROP CONSTRAINT measurements_pkey;
ALTER TABLE measurements ADD CONSTRAINT measurements_pkey PRIMARY KEY USING INDEX measurements_child_date_idx;

-- The child check of migration 0007, in one pass over the statement's rows. Children created by
-- the writing transaction itself are invisible to every other transaction until it commits, so
-- nothing can delete them meanwhile: only children stored before it are locked FOR KEY SHARE
-- (an import of children new to the database locks none).
CREATE OR REPLACE FUNCTION tumbuh_measurements_child_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted bigint;
  found bigint;
  older_districts text[];
  older uuid[];
  locked bigint;
  missing record;
BEGIN
  SELECT count(*), count(c.id),
    array_agg(c.district_code) FILTER (WHERE c.xmin <> pg_current_xact_id()::xid),
    array_agg(c.id) FILTER (WHERE c.xmin <> pg_current_xact_id()::xid)
    INTO wanted, found, older_districts, older
  FROM (SELECT DISTINCT district_code, child_id FROM new_rows) n
  LEFT JOIN children c ON c.district_code = n.district_code AND c.id = n.child_id;
  IF older IS NOT NULL THEN
    SELECT count(*) INTO locked FROM (
      SELECT 1 FROM children c
      WHERE (c.district_code, c.id) IN (SELECT * FROM unnest(older_districts, older))
      FOR KEY SHARE OF c) l;
    -- A child deleted by a transaction that committed after the first look is gone now.
    found := found - (cardinality(older) - locked);
  END IF;
  IF found <> wanted THEN
    SELECT n.district_code, n.child_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM children c WHERE c.district_code = n.district_code AND c.id = n.child_id)
    LIMIT 1;
    RAISE EXCEPTION 'measurement refers to child % of district %, which is not stored',
      missing.child_id, missing.district_code
      USING ERRCODE = 'foreign_key_violation', TABLE = 'measurements';
  END IF;
  RETURN NULL;
END $$;
