package drive.blocks.control;

import drive.blocks.entity.Codec;

/** Where one block of a file's content is: its store key, plaintext hash and length, and its codec. */
public record BlockPointer(String storageKey, String sha256, int size, Codec codec) {}
