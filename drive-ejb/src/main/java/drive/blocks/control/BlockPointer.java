package drive.blocks.control;

/** Where one block of a file's content is: its store key, plaintext hash and length. */
public record BlockPointer(String storageKey, String sha256, int size) {}
