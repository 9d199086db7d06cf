-- The child check of migration 0009 looks each child up in the children's key index. A COPY batch
-- of an import names about 2,000 children: with the default random_page_cost the planner priced
-- those lookups above a hash join that reads every child of the table, and took the join: about
-- 28 ms per 20,000-row statement once a district holds 100,000 children, against 9 ms for the
-- lookups (about 1 s of the database's time in a 1,000,000-row import). The key index of the
-- children a statement refers to is in memory (they were just written, or are being measured),
-- so the check is planned as on memory-resident pages.
ALTER FUNCTION tumbuh_measurements_child_exists() SET random_page_cost = 1.1;
