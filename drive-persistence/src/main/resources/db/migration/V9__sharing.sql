-- Version 9: sharing (issue 6). A share grants one user a role on one file or folder of its owner's
-- namespace; the content stays there, stored once. mount_name is where the recipient added it to
-- their drive ('/<mount_name>'), null while it is only in their "Shared with me". A share link is a
-- read-only capability for anyone holding its token: only the token's SHA-256 is stored, and the
-- optional password only as a PBKDF2 hash.
-- Portable between H2 2.x and PostgreSQL 12+.
CREATE SEQUENCE share_grant_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE share_grant (
    id          BIGINT PRIMARY KEY,
    file_id     BIGINT       NOT NULL REFERENCES file (id),
    grantee_id  BIGINT       NOT NULL REFERENCES drive_user (id),
    granted_by  BIGINT       NOT NULL REFERENCES drive_user (id),
    role        VARCHAR(16)  NOT NULL,
    can_reshare BOOLEAN      NOT NULL,
    mount_name  VARCHAR(255),
    created     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT share_grant_uk UNIQUE (file_id, grantee_id),
    CONSTRAINT share_grant_mount_uk UNIQUE (grantee_id, mount_name)
);
CREATE INDEX share_grant_grantee_ix ON share_grant (grantee_id);

CREATE SEQUENCE share_link_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE share_link (
    id            BIGINT PRIMARY KEY,
    file_id       BIGINT       NOT NULL REFERENCES file (id),
    created_by    BIGINT       NOT NULL REFERENCES drive_user (id),
    token_hash    CHAR(64)     NOT NULL,
    password_hash VARCHAR(512),
    expires       TIMESTAMP WITH TIME ZONE,
    created       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT share_link_token_uk UNIQUE (token_hash)
);
CREATE INDEX share_link_file_ix ON share_link (file_id);
