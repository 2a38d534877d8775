-- Version 6: sync conflicts (issue 4, part 7). Every write may carry the revision it was based on;
-- the block server compares it with the file's latest revision in the transaction that writes the
-- new one ("first change committed wins") and applies the writer's choice for a stale base:
-- FAIL (the upload ends CONFLICT, the client gets 409 with the latest revision), KEEP_BOTH (stored as
-- a conflicted copy next to the file) or OVERWRITE (a new revision on top of the latest).
-- Portable between H2 2.x and PostgreSQL 12+.
ALTER TABLE upload_job ADD COLUMN base_revision BIGINT;
ALTER TABLE upload_job ADD COLUMN on_conflict VARCHAR(16) DEFAULT 'FAIL' NOT NULL;
-- Where the content went: the job's path, or the conflicted copy's path under KEEP_BOTH.
ALTER TABLE upload_job ADD COLUMN stored_path VARCHAR(1024);
ALTER TABLE upload_session ADD COLUMN on_conflict VARCHAR(16) DEFAULT 'FAIL' NOT NULL;
