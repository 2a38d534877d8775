-- Drive metadata schema, version 1 (DESIGN.md section 3).
-- Portable between H2 2.x and PostgreSQL 12+: sequences (allocated 50 at a time by JPA),
-- TIMESTAMP WITH TIME ZONE, BOOLEAN.
-- Never edit a released migration: add V2__..., V3__... instead (Flyway checks checksums).

CREATE SEQUENCE drive_user_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE device_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE namespace_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE file_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE file_version_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE block_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE drive_user (
    id            BIGINT PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    email         VARCHAR(254),
    display_name  VARCHAR(200),
    picture_url   VARCHAR(1000),
    password_hash VARCHAR(512) NOT NULL,
    admin         BOOLEAN      NOT NULL,
    quota_bytes   BIGINT       NOT NULL,
    created       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT drive_user_username_uk UNIQUE (username)
);

CREATE TABLE device (
    id         BIGINT PRIMARY KEY,
    user_id    BIGINT       NOT NULL REFERENCES drive_user (id),
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(40)  NOT NULL,
    push_id    VARCHAR(500),
    token_hash CHAR(64)     NOT NULL,
    created    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE,
    revoked    BOOLEAN      NOT NULL,
    CONSTRAINT device_token_uk UNIQUE (token_hash)
);
CREATE INDEX device_user_ix ON device (user_id);

CREATE TABLE namespace (
    id       BIGINT PRIMARY KEY,
    owner_id BIGINT       NOT NULL REFERENCES drive_user (id),
    kind     VARCHAR(16)  NOT NULL,
    name     VARCHAR(255) NOT NULL,
    created  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX namespace_owner_ix ON namespace (owner_id);

-- The latest state of a file or folder. Paths are normalised ('/a/b.txt'), at most 1024 characters.
CREATE TABLE file (
    id              BIGINT PRIMARY KEY,
    namespace_id    BIGINT        NOT NULL REFERENCES namespace (id),
    path            VARCHAR(1024) NOT NULL,
    parent_path     VARCHAR(1024) NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    folder          BOOLEAN       NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    latest_revision BIGINT        NOT NULL,
    size            BIGINT        NOT NULL,
    sha256          CHAR(64),
    modified        TIMESTAMP WITH TIME ZONE NOT NULL,
    lock_version    BIGINT        NOT NULL,
    CONSTRAINT file_path_uk UNIQUE (namespace_id, path)
);
CREATE INDEX file_parent_ix ON file (namespace_id, parent_path);

-- One row per revision of a file; never updated once written (history is immutable).
CREATE TABLE file_version (
    id        BIGINT PRIMARY KEY,
    file_id   BIGINT   NOT NULL REFERENCES file (id),
    revision  BIGINT   NOT NULL,
    size      BIGINT   NOT NULL,
    sha256    CHAR(64) NOT NULL,
    created   TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id   BIGINT   NOT NULL REFERENCES drive_user (id),
    device_id BIGINT REFERENCES device (id),
    CONSTRAINT file_version_uk UNIQUE (file_id, revision)
);

-- A stored block, deduplicated per namespace. storage_key names the object in the block store.
CREATE TABLE block (
    id           BIGINT PRIMARY KEY,
    namespace_id BIGINT       NOT NULL REFERENCES namespace (id),
    sha256       CHAR(64)     NOT NULL,
    size         INTEGER      NOT NULL,
    storage_key  VARCHAR(255) NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT block_hash_uk UNIQUE (namespace_id, sha256)
);

-- The ordered block list of a version; a version is rebuilt by concatenating its blocks by seq.
CREATE TABLE version_block (
    version_id BIGINT  NOT NULL REFERENCES file_version (id),
    seq        INTEGER NOT NULL,
    block_id   BIGINT  NOT NULL REFERENCES block (id),
    PRIMARY KEY (version_id, seq)
);
CREATE INDEX version_block_block_ix ON version_block (block_id);
