-- Version 10: the notification center (issue 6). One row per notification of a user; noisy events
-- are coalesced into one unread row (subject = what it is about, times = how often), so twelve edits
-- of a file by one person read "edited 12 times". notification_settings holds each user's
-- preferences: the kinds they do not want (comma-separated) and whether they want an e-mail digest.
-- Portable between H2 2.x and PostgreSQL 12+.
CREATE SEQUENCE notification_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE notification (
    id      BIGINT PRIMARY KEY,
    user_id BIGINT        NOT NULL REFERENCES drive_user (id),
    kind    VARCHAR(24)   NOT NULL,
    subject VARCHAR(1100) NOT NULL,
    name    VARCHAR(255)  NOT NULL,
    path    VARCHAR(1024),
    folder  BOOLEAN       NOT NULL,
    actor   VARCHAR(64),
    times   INTEGER       NOT NULL,
    created TIMESTAMP WITH TIME ZONE NOT NULL,
    updated TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at TIMESTAMP WITH TIME ZONE,
    digested BOOLEAN      NOT NULL
);
CREATE INDEX notification_user_ix ON notification (user_id, id);

CREATE TABLE notification_settings (
    user_id      BIGINT PRIMARY KEY REFERENCES drive_user (id),
    muted        VARCHAR(200) NOT NULL,
    email_digest BOOLEAN      NOT NULL
);
