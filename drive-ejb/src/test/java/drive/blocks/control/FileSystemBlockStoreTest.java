package drive.blocks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.keys.control.DataKey;
import drive.keys.control.KeyWrap;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlockStoreTest {

    static final DataKey KEY = new DataKey(1, 1, KeyWrap.newDataKey());

    @TempDir
    Path dir;

    @Test
    void storedBlockReadsBackAndLeavesNoTemporaryFiles() throws Exception {
        FileSystemBlockStore store = new FileSystemBlockStore(dir);
        byte[] data = "hello blocks".getBytes(StandardCharsets.UTF_8);
        store.put("n1/ab/abc", data, 5);
        assertThat(store.exists("n1/ab/abc")).isTrue();
        assertThat(store.get("n1/ab/abc")).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(dir.resolve("n1/ab/abc"));
        }
    }

    @Test
    void writingTheSameKeyTwiceIsHarmless() throws Exception {
        FileSystemBlockStore store = new FileSystemBlockStore(dir);
        byte[] data = {1, 2, 3};
        store.put("n1/aa/k", data, 3);
        store.put("n1/aa/k", data, 3);
        assertThat(store.get("n1/aa/k")).containsExactly(1, 2, 3);
    }

    @Test
    void missingBlockIsAClearError() {
        FileSystemBlockStore store = new FileSystemBlockStore(dir);
        assertThatThrownBy(() -> store.get("n1/aa/none")).isInstanceOf(BlockMissingException.class);
    }

    @Test
    void keysCannotEscapeTheDirectory() {
        FileSystemBlockStore store = new FileSystemBlockStore(dir);
        assertThatThrownBy(() -> store.put("../evil", new byte[1], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readerServesRangesAcrossBlocks() throws Exception {
        FileSystemBlockStore store = new FileSystemBlockStore(dir);
        BlockPointer a = put(store, "abcd");
        BlockPointer b = put(store, "efgh");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BlockReader(store, (ns, v) -> KEY).write(1, List.of(a, b, a), 2, 9, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("cdefghab");
    }

    @Test
    void readerRefusesADamagedBlockInsteadOfServingWrongBytes() throws Exception {
        FileSystemBlockStore store = new FileSystemBlockStore(dir);
        BlockPointer a = put(store, "abcd");
        Files.writeString(dir.resolve(a.storageKey()), "abce");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new BlockReader(store, (ns, v) -> KEY).write(1, List.of(a), 0, 3, out))
                .isInstanceOf(BlockMissingException.class)
                .hasMessageContaining("damaged");
        assertThat(out.size()).isZero();
    }

    private static BlockPointer put(BlockStore store, String text) throws Exception {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        String hash =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        String key = BlockIngest.storageKey(KEY, hash);
        BlockCodec.Encoded encoded = BlockCodec.encode(KEY, key, data, data.length);
        store.put(key, encoded.object(), encoded.object().length);
        return new BlockPointer(key, hash, data.length, encoded.codec());
    }
}
