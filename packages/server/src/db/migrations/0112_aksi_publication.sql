-- Aksi 7: the district publishes its commentary on the year's figures. Until published
-- (publication_published_at set) the commentary is a draft the public page never shows.
-- aksi_reviews is a local table (db/distribute.ts), so a column added here works alike on PGlite,
-- PostgreSQL and Citus.
ALTER TABLE aksi_reviews ADD COLUMN publication_published_at timestamptz;
ALTER TABLE aksi_reviews ADD COLUMN publication_published_by uuid;
