package drive.client;

import drive.blocks.control.ContentDefinedChunker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Cuts local files into blocks with the server's own chunker ({@link ContentDefinedChunker}, spec
 * {@code drive-cdc-2}), so that the client names exactly the blocks the server would have made: an
 * edit then costs the blocks it touched, on upload and on download. Constant memory: one block buffer.
 */
final class Chunking {

    /** One block of a file: its SHA-256 (hex), where it starts and how long it is. */
    record Block(String sha256, long offset, int size) {}

    /** A whole file as blocks, with its size and SHA-256. */
    record Cut(long size, String sha256, List<Block> blocks) {}

    private Chunking() {}

    static Cut cut(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return cut(in);
        }
    }

    static Cut cut(InputStream in) throws IOException {
        ContentDefinedChunker chunker = new ContentDefinedChunker(in);
        byte[] buffer = new byte[ContentDefinedChunker.MAX_SIZE];
        MessageDigest whole = sha256();
        List<Block> blocks = new ArrayList<>();
        long offset = 0;
        for (int n; (n = chunker.next(buffer)) > 0; offset += n) {
            whole.update(buffer, 0, n);
            blocks.add(new Block(sha256(buffer, n), offset, n));
        }
        return new Cut(offset, HexFormat.of().formatHex(whole.digest()), blocks);
    }

    /** {@code size} bytes of {@code file} from {@code offset}, or null when the file is shorter or gone. */
    static byte[] read(Path file, long offset, int size) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    return null;
                }
            }
            return buffer.array();
        } catch (IOException e) {
            return null;
        }
    }

    static String sha256(byte[] data, int length) {
        MessageDigest sha = sha256();
        sha.update(data, 0, length);
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
