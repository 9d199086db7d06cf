-- An upload's file can end without being imported: the uploader cancels it, or it expires (an
-- hour after its dry run, or when the server restarts). Its row stays, with its report, and its
-- file is deleted.
ALTER TABLE import_uploads DROP CONSTRAINT import_uploads_status_check;
ALTER TABLE import_uploads
  ADD CONSTRAINT import_uploads_status_check CHECK (status IN ('dry_run', 'imported', 'cancelled', 'expired'));
