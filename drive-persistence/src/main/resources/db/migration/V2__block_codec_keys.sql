-- Version 2: encryption at rest and reference counts (issue 3, parts 2 and 3).
-- Portable between H2 2.x and PostgreSQL 12+.

-- How a block object is compressed before encryption: NONE or ZSTD (also in the object's header).
-- Blocks written before V2 are plaintext objects under their plaintext hash: codec PLAIN.
ALTER TABLE block ADD COLUMN codec VARCHAR(8) DEFAULT 'PLAIN' NOT NULL;

-- Invariant: ref_count = the number of version_block rows whose block_id is this block. Maintained in
-- the transaction that writes those rows (FileMetadata.commit); a garbage collector may delete a block
-- (row and object) only when it is 0, under a lock that keeps commits from reusing it meanwhile.
ALTER TABLE block ADD COLUMN ref_count BIGINT DEFAULT 0 NOT NULL;
UPDATE block SET ref_count = (SELECT COUNT(*) FROM version_block vb WHERE vb.block_id = block.id);

-- A namespace's data keys (AES-256), each wrapped (AES-GCM) by the master key named master_alias in the
-- keystore (drive.keystore.path). Rotation of the master key re-wraps these rows, never the blocks.
-- wrapped_key = nonce (12) || ciphertext (32) || tag (16), AAD binds it to (namespace_id, key_version).
CREATE TABLE namespace_key (
    namespace_id BIGINT       NOT NULL REFERENCES namespace (id),
    key_version  INTEGER      NOT NULL,
    master_alias VARCHAR(64)  NOT NULL,
    wrapped_key  VARCHAR(128) NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (namespace_id, key_version)
);
