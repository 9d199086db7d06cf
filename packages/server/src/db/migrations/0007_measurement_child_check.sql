-- Every measurement belongs to a stored child, checked once per statement instead of once per row.
-- A foreign key checks each inserted row with its own lookup of the child (about 5 µs a row: a
-- quarter of a 1,000,000-row import into PostgreSQL). These triggers keep the same guarantees with
-- set-based statements over the rows a statement wrote (its transition table):
-- - insert or update of measurements: the children referred to are locked FOR KEY SHARE, as a
--   foreign key locks them, so a concurrent delete of one waits or the statement fails; a child
--   that is not there fails the statement with foreign_key_violation (SQLSTATE 23503);
-- - delete of children deletes their measurements (ON DELETE CASCADE);
-- - a child's key (district_code, id) cannot change while measurements refer to it.
ALTER TABLE measurements DROP CONSTRAINT IF EXISTS measurements_district_code_child_id_fkey;

CREATE OR REPLACE FUNCTION tumbuh_measurements_child_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted bigint;
  locked bigint;
  missing record;
BEGIN
  SELECT count(*) INTO wanted FROM (SELECT DISTINCT district_code, child_id FROM new_rows) n;
  SELECT count(*) INTO locked FROM (
    SELECT 1 FROM children c
    WHERE (c.district_code, c.id) IN (SELECT district_code, child_id FROM new_rows)
    FOR KEY SHARE OF c) l;
  IF locked <> wanted THEN
    SELECT n.district_code, n.child_id INTO missing FROM new_rows n
    WHERE NOT EXISTS (SELECT 1 FROM children c WHERE c.district_code = n.district_code AND c.id = n.child_id)
    LIMIT 1;
    RAISE EXCEPTION 'measurement refers to child % of district %, which is not stored',
      missing.child_id, missing.district_code
      USING ERRCODE = 'foreign_key_violation', TABLE = 'measurements';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER measurements_child_exists_insert AFTER INSERT ON measurements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_measurements_child_exists();
CREATE TRIGGER measurements_child_exists_update AFTER UPDATE ON measurements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_measurements_child_exists();

CREATE OR REPLACE FUNCTION tumbuh_children_delete_measurements() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM measurements m USING old_rows o WHERE m.district_code = o.district_code AND m.child_id = o.id;
  RETURN NULL;
END $$;

CREATE TRIGGER children_delete_measurements AFTER DELETE ON children
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tumbuh_children_delete_measurements();

CREATE OR REPLACE FUNCTION tumbuh_children_key_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.district_code, NEW.id) IS DISTINCT FROM (OLD.district_code, OLD.id) THEN
    RAISE EXCEPTION 'a child''s district_code and id cannot change (child %)', OLD.id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'children';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER children_key_fixed BEFORE UPDATE OF district_code, id ON children
  FOR EACH ROW EXECUTE FUNCTION tumbuh_children_key_fixed();
