-- Resumable upload sessions (Google Drive's uploadType=resumable, issue 4 part 1).
-- A session belongs to one user; received_bytes is the acknowledged offset, written only after the
-- bytes up to it were forced to the staging file (DRIVE_HOME/staging/<id>). Rows stay until they
-- expire so that a status query on a finished upload can still answer with the file.
-- Portable between H2 2.x and PostgreSQL 12+.

CREATE TABLE upload_session (
    id             VARCHAR(64)   PRIMARY KEY,
    user_id        BIGINT        NOT NULL REFERENCES drive_user (id),
    path           VARCHAR(1024) NOT NULL,
    base_revision  BIGINT,
    sha256         CHAR(64),
    content_type   VARCHAR(255),
    total_bytes    BIGINT        NOT NULL,
    received_bytes BIGINT        NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    revision       BIGINT,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX upload_session_expires_ix ON upload_session (expires);
CREATE INDEX upload_session_user_ix ON upload_session (user_id);
