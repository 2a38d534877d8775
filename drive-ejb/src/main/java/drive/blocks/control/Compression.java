package drive.blocks.control;

import com.github.luben.zstd.Zstd;
import drive.blocks.entity.Codec;

/**
 * Compresses a block only when it pays, chosen by content: data that starts like an
 * already-compressed format (JPEG, PNG, GIF, ZIP and its offspring, gzip, zstd, xz, bzip2, 7z,
 * RAR, MP4/MOV, WebM/MKV, Ogg, FLAC, WebP) is left alone; anything else larger than a sample is first
 * probed with zstd level 1 on {@link #SAMPLE} bytes from its middle and skipped unless the sample
 * shrinks by at least 10%; then the whole block is compressed with zstd level {@link #LEVEL} and
 * kept only if the result is smaller. So incompressible data costs a 64 KiB probe per block, not a
 * full compression pass.
 */
public final class Compression {

    static final int SAMPLE = 64 * 1024;
    static final int LEVEL = 1;

    /** The bytes to encrypt: {@code data[0..length)} compressed with {@code codec} (NONE: the block itself). */
    public record Result(Codec codec, byte[] data, int length) {}

    private static final byte[][] MAGIC = {
        {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, // JPEG
        {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, // PNG
        {'G', 'I', 'F', '8'}, // GIF
        {'P', 'K', 3, 4}, // ZIP, docx/xlsx/odt, jar, apk, epub
        {'P', 'K', 5, 6}, // empty ZIP
        {'P', 'K', 7, 8}, // spanned ZIP
        {0x1F, (byte) 0x8B}, // gzip
        {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}, // zstd
        {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}, // xz
        {'B', 'Z', 'h'}, // bzip2
        {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}, // 7z
        {'R', 'a', 'r', '!', 0x1A, 0x07}, // RAR
        {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, // WebM, MKV
        {'O', 'g', 'g', 'S'}, // Ogg (Vorbis, Opus, Theora)
        {'f', 'L', 'a', 'C'}, // FLAC
    };

    private Compression() {}

    public static Result apply(byte[] block, int length) {
        if (!worthTrying(block, length)) {
            return new Result(Codec.NONE, block, length);
        }
        byte[] out = new byte[(int) Zstd.compressBound(length)];
        long size = Zstd.compressByteArray(out, 0, out.length, block, 0, length, LEVEL);
        if (Zstd.isError(size) || size >= length) {
            return new Result(Codec.NONE, block, length);
        }
        return new Result(Codec.ZSTD, out, (int) size);
    }

    /** Decompresses zstd data that must expand to exactly {@code length} bytes. */
    public static byte[] decompress(byte[] data, int offset, int size, int length) throws BlockMissingException {
        byte[] out = new byte[length];
        long produced;
        try {
            produced = Zstd.decompressByteArray(out, 0, length, data, offset, size);
        } catch (RuntimeException e) {
            throw new BlockMissingException("block does not decompress: " + e.getMessage());
        }
        if (Zstd.isError(produced) || produced != length) {
            throw new BlockMissingException("block decompresses to the wrong length");
        }
        return out;
    }

    /**
     * Whether content starting with {@code data[0..length)} is worth compressing elsewhere (a ZIP
     * entry): not a known compressed format, and its first 64 KiB shrink by at least 10 % with zstd.
     */
    public static boolean compressible(byte[] data, int length) {
        if (looksCompressed(data, length)) {
            return false;
        }
        int n = Math.min(length, SAMPLE);
        if (n < 64) {
            return true;
        }
        byte[] out = new byte[(int) Zstd.compressBound(n)];
        long size = Zstd.compressByteArray(out, 0, out.length, data, 0, n, LEVEL);
        return !Zstd.isError(size) && size <= n * 9L / 10;
    }

    static boolean worthTrying(byte[] block, int length) {
        if (length < 64 || looksCompressed(block, length)) {
            return false;
        }
        if (length <= SAMPLE) {
            return true;
        }
        int from = (length - SAMPLE) / 2;
        byte[] out = new byte[(int) Zstd.compressBound(SAMPLE)];
        long size = Zstd.compressByteArray(out, 0, out.length, block, from, SAMPLE, 1);
        return !Zstd.isError(size) && size <= SAMPLE * 9L / 10;
    }

    static boolean looksCompressed(byte[] block, int length) {
        for (byte[] magic : MAGIC) {
            if (startsWith(block, length, 0, magic)) {
                return true;
            }
        }
        boolean isoMedia = startsWith(block, length, 4, new byte[] {'f', 't', 'y', 'p'}); // MP4, MOV, HEIC, M4A
        boolean webp = startsWith(block, length, 0, new byte[] {'R', 'I', 'F', 'F'})
                && startsWith(block, length, 8, new byte[] {'W', 'E', 'B', 'P'});
        return isoMedia || webp;
    }

    private static boolean startsWith(byte[] block, int length, int at, byte[] magic) {
        if (length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (block[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
