-- Folders, moves and recoverable deletion (issue 4, part 6).
-- A deleted file or folder keeps its row (and so its history and blocks) at the path it was deleted
-- from; live_path is its path while it is live and NULL once deleted. The uniqueness of paths moves
-- from path to live_path: one live entry per path, any number of deleted ones (NULLs are distinct in
-- unique constraints on H2 2.x and PostgreSQL alike), so a deleted entry never blocks a new one.
-- deleted_with is the id of the entry whose deletion took this one along (its own id when it was
-- deleted by itself), so that restoring a folder restores what was deleted with it, not what had
-- been deleted before.
-- Portable between H2 2.x and PostgreSQL 12+.

ALTER TABLE file ADD COLUMN live_path VARCHAR(1024);
ALTER TABLE file ADD COLUMN deleted TIMESTAMP WITH TIME ZONE;
ALTER TABLE file ADD COLUMN deleted_with BIGINT;
UPDATE file SET live_path = path;

ALTER TABLE file DROP CONSTRAINT file_path_uk;
ALTER TABLE file ADD CONSTRAINT file_live_path_uk UNIQUE (namespace_id, live_path);
CREATE INDEX file_path_ix ON file (namespace_id, path);
CREATE INDEX file_deleted_with_ix ON file (namespace_id, deleted_with);
