-- Districts whose roll-ups wait for a refresh. An import marks its districts in the transaction
-- that lands the file and refreshes their roll-ups right after it commits, in a transaction of
-- their own that clears the mark (a 1,000,000-row district takes seconds to refresh; the file's
-- rows do not wait for it). A mark left by a process that stopped in between is found by
-- `tumbuh check` and refreshed by `tumbuh check --refresh` and by the next server start.
-- `version` grows with every mark, so a refresh clears only the marks it has seen.
CREATE TABLE rollup_pending (
  district_code text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 1,
  since timestamptz NOT NULL DEFAULT now()
);
