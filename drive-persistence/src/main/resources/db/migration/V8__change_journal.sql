-- Version 8: the change journal (issue 5, part 2). Every committed change of a namespace is appended,
-- in the transaction of the change, as one change_entry row with the next sequence number of its
-- namespace. change_journal holds one counter row per namespace: a writer locks it (SELECT ... FOR
-- UPDATE) to take the next numbers and keeps the lock until it commits, so sequence order is commit
-- order and a reader never sees number n+1 before n. No foreign key points at change_journal, so
-- inserting rows elsewhere never takes a lock on it. floor_seq is the highest number pruned by the
-- retention timer (drive.journal.keep-days): a cursor below it must re-list.
-- Portable between H2 2.x and PostgreSQL 12+.
CREATE TABLE change_journal (
    namespace_id BIGINT PRIMARY KEY REFERENCES namespace (id),
    last_seq     BIGINT NOT NULL,
    floor_seq    BIGINT NOT NULL
);
INSERT INTO change_journal (namespace_id, last_seq, floor_seq) SELECT id, 0, 0 FROM namespace;

CREATE SEQUENCE change_entry_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE change_entry (
    id            BIGINT        PRIMARY KEY,
    namespace_id  BIGINT        NOT NULL REFERENCES namespace (id),
    seq           BIGINT        NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    path          VARCHAR(1024) NOT NULL,
    previous_path VARCHAR(1024),
    folder        BOOLEAN       NOT NULL,
    revision      BIGINT,
    size          BIGINT,
    sha256        CHAR(64),
    username      VARCHAR(64),
    device_id     BIGINT REFERENCES device (id),
    device_name   VARCHAR(200),
    created       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT change_entry_seq_uk UNIQUE (namespace_id, seq)
);
