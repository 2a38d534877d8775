-- Block processing jobs (issue 3): an upload's bytes are staged durably, then an upload_job row
-- (with the file marked PENDING) and a JMS message are committed together; a message-driven bean
-- stores the blocks and turns the job UPLOADED in the transaction that writes the new revision, or
-- FAILED (with the reason, shown to the user) once the broker gives the message up.
CREATE TABLE upload_job (
    id           VARCHAR(32)   PRIMARY KEY,
    namespace_id BIGINT        NOT NULL REFERENCES namespace (id),
    file_id      BIGINT        NOT NULL REFERENCES file (id),
    path         VARCHAR(1024) NOT NULL,
    user_id      BIGINT        NOT NULL REFERENCES drive_user (id),
    device_id    BIGINT REFERENCES device (id),
    size         BIGINT        NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    attempts     INTEGER       NOT NULL,
    last_error   VARCHAR(1000),
    revision     BIGINT,
    created      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX upload_job_file_ix ON upload_job (file_id, status);
CREATE INDEX upload_job_status_ix ON upload_job (status);
