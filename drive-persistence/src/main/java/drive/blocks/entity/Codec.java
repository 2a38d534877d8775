package drive.blocks.entity;

/**
 * How a block object holds its plaintext. Recorded per block (column {@code block.codec}) for
 * statistics and maintenance; the object's own header says the same for the reader.
 */
public enum Codec {
    /** Written before encryption at rest (schema V1): the raw plaintext under its plaintext hash. */
    PLAIN,
    /** Encrypted (AES-256-GCM), not compressed: the block did not shrink enough to be worth it. */
    NONE,
    /** Compressed with zstd, then encrypted. */
    ZSTD
}
