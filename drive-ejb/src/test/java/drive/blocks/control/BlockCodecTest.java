package drive.blocks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drive.blocks.entity.Codec;
import drive.keys.control.DataKey;
import drive.keys.control.KeyUnavailableException;
import drive.keys.control.KeyWrap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class BlockCodecTest {

    static final DataKey KEY = new DataKey(7, 1, KeyWrap.newDataKey());
    static final IntFunction<DataKey> KEYS = version -> {
        if (version != 1) {
            throw new KeyUnavailableException("no version " + version);
        }
        return KEY;
    };

    static byte[] text(int length) {
        StringBuilder s = new StringBuilder();
        Random random = new Random(1);
        String[] words = {"drive", "block", "sync", "revision", "namespace", "folder", "upload", "the", "a", "of"};
        while (s.length() < length) {
            s.append(words[random.nextInt(words.length)]).append(random.nextInt(10) == 0 ? ".\n" : " ");
        }
        return Arrays.copyOf(s.toString().getBytes(StandardCharsets.US_ASCII), length);
    }

    static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static String key(byte[] plain) throws Exception {
        return BlockIngest.storageKey(KEY, sha256Hex(plain));
    }

    static String sha256Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void textBlockRoundTripsAndIsCompressed() throws Exception {
        byte[] plain = text(4 * 1024 * 1024);
        BlockCodec.Encoded encoded = BlockCodec.encode(KEY, key(plain), plain, plain.length);
        assertThat(encoded.codec()).isEqualTo(Codec.ZSTD);
        assertThat(encoded.object().length).isLessThan(plain.length / 2);
        assertThat(BlockCodec.decode(KEYS, key(plain), encoded.object(), plain.length))
                .isEqualTo(plain);
    }

    @Test
    void randomBlockRoundTripsUncompressed() throws Exception {
        byte[] plain = random(3 * 1024 * 1024 + 17, 2);
        BlockCodec.Encoded encoded = BlockCodec.encode(KEY, key(plain), plain, plain.length);
        assertThat(encoded.codec()).isEqualTo(Codec.NONE);
        assertThat(encoded.object()).hasSize(BlockCodec.HEADER + plain.length + BlockCodec.TAG);
        assertThat(BlockCodec.decode(KEYS, key(plain), encoded.object(), plain.length))
                .isEqualTo(plain);
    }

    @Test
    void onlyTheGivenLengthOfTheBufferIsEncoded() throws Exception {
        byte[] buffer = text(100_000);
        byte[] plain = Arrays.copyOf(buffer, 1000);
        byte[] object = BlockCodec.encode(KEY, key(plain), buffer, 1000).object();
        assertThat(BlockCodec.decode(KEYS, key(plain), object, 1000)).isEqualTo(plain);
    }

    @Test
    void dataStartingLikeJpegOrZipIsNotCompressedEvenIfItCould() throws Exception {
        for (byte[] magic : new byte[][] {{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {'P', 'K', 3, 4}}) {
            byte[] plain = text(1024 * 1024);
            System.arraycopy(magic, 0, plain, 0, magic.length);
            BlockCodec.Encoded encoded = BlockCodec.encode(KEY, key(plain), plain, plain.length);
            assertThat(encoded.codec()).isEqualTo(Codec.NONE);
            assertThat(BlockCodec.decode(KEYS, key(plain), encoded.object(), plain.length))
                    .isEqualTo(plain);
        }
    }

    @Test
    void mostlyRandomBlockFailsTheProbeAndIsNotCompressed() {
        byte[] plain = random(4 * 1024 * 1024, 3);
        System.arraycopy(text(100_000), 0, plain, 0, 100_000); // compressible start, random middle
        assertThat(Compression.worthTrying(plain, plain.length)).isFalse();
    }

    @Test
    void zipEntriesAreDeflatedOnlyWhenTheirStartShrinks() {
        assertThat(Compression.compressible(text(300_000), 300_000)).isTrue();
        assertThat(Compression.compressible(random(300_000, 4), 300_000)).isFalse();
        byte[] jpeg = text(300_000);
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        assertThat(Compression.compressible(jpeg, jpeg.length))
                .as("a known compressed format")
                .isFalse();
        assertThat(Compression.compressible(new byte[10], 10))
                .as("too short to probe")
                .isTrue();
    }

    @Test
    void tamperingWithAnyByteOfHeaderNonceCiphertextOrTagFails() throws Exception {
        byte[] plain = text(3000);
        byte[] object = BlockCodec.encode(KEY, key(plain), plain, plain.length).object();
        for (int i = 0; i < object.length; i++) {
            byte[] bad = object.clone();
            bad[i] ^= 0x01;
            assertThatThrownBy(() -> BlockCodec.decode(KEYS, key(plain), bad, plain.length))
                    .as("byte %d flipped", i)
                    .isInstanceOf(BlockMissingException.class);
        }
    }

    @Test
    void truncatedOrEmptyObjectFails() throws Exception {
        byte[] plain = random(5000, 4);
        byte[] object = BlockCodec.encode(KEY, key(plain), plain, plain.length).object();
        for (int length : new int[] {0, 3, BlockCodec.HEADER, BlockCodec.HEADER + BlockCodec.TAG, object.length - 1}) {
            assertThatThrownBy(() -> BlockCodec.decode(KEYS, key(plain), Arrays.copyOf(object, length), plain.length))
                    .isInstanceOf(BlockMissingException.class);
        }
    }

    @Test
    void objectsSwappedBetweenNamesFailAuthentication() throws Exception {
        byte[] a = random(4096, 5);
        byte[] b = random(4096, 6);
        byte[] objectA = BlockCodec.encode(KEY, key(a), a, a.length).object();
        byte[] objectB = BlockCodec.encode(KEY, key(b), b, b.length).object();
        assertThatThrownBy(() -> BlockCodec.decode(KEYS, key(a), objectB, b.length))
                .isInstanceOf(BlockMissingException.class)
                .hasMessageContaining("authentication failed");
        assertThatThrownBy(() -> BlockCodec.decode(KEYS, key(b), objectA, a.length))
                .isInstanceOf(BlockMissingException.class);
    }

    @Test
    void anotherNamespacesKeyCannotDecrypt() throws Exception {
        byte[] plain = text(10_000);
        byte[] object = BlockCodec.encode(KEY, key(plain), plain, plain.length).object();
        DataKey foreign = new DataKey(8, 1, KeyWrap.newDataKey());
        DataKey sameNamespaceWrongKey = new DataKey(7, 1, KeyWrap.newDataKey());
        assertThatThrownBy(() -> BlockCodec.decode(v -> foreign, key(plain), object, plain.length))
                .isInstanceOf(BlockMissingException.class);
        assertThatThrownBy(() -> BlockCodec.decode(v -> sameNamespaceWrongKey, key(plain), object, plain.length))
                .isInstanceOf(BlockMissingException.class);
    }

    @Test
    void unknownKeyVersionIsAClearError() throws Exception {
        byte[] plain = text(1000);
        DataKey version2 = new DataKey(7, 2, KEY.key());
        byte[] object =
                BlockCodec.encode(version2, key(plain), plain, plain.length).object();
        assertThatThrownBy(() -> BlockCodec.decode(KEYS, key(plain), object, plain.length))
                .isInstanceOf(BlockMissingException.class)
                .hasMessageContaining("no version 2");
    }

    @Test
    void objectAndItsNameContainNeitherThePlaintextNorItsHash() throws Exception {
        for (byte[] plain : new byte[][] {text(200_000), random(200_000, 7), text(100)}) {
            String hash = sha256Hex(plain);
            byte[] object =
                    BlockCodec.encode(KEY, key(plain), plain, plain.length).object();
            String name = key(plain);
            assertThat(name).doesNotContain(hash).matches("n7/[0-9a-f]{2}/[0-9a-f]{64}");
            assertThat(indexOf(object, Arrays.copyOf(plain, 32))).isEqualTo(-1);
            assertThat(indexOf(object, HexFormat.of().parseHex(hash))).isEqualTo(-1);
            assertThat(indexOf(object, hash.getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo(-1);
        }
    }

    @Test
    void objectNamesDependOnTheNamespaceKey() throws Exception {
        byte[] plain = text(100);
        DataKey other = new DataKey(7, 1, KeyWrap.newDataKey());
        assertThat(BlockIngest.storageKey(other, sha256Hex(plain))).isNotEqualTo(key(plain));
        assertThat(BlockIngest.storageKey(KEY, sha256Hex(plain))).isEqualTo(key(plain));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
