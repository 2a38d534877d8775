package drive.files.api;

import drive.blocks.control.BlockReader;
import drive.blocks.control.Compression;
import drive.files.boundary.FolderArchives;
import drive.files.control.Download;
import drive.files.control.FolderArchive;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a folder as a ZIP while it is sent: entries {@code <folder>/<relative path>} with UTF-8
 * names (ZIP64 where needed), each file's content read block by block through {@link BlockReader}
 * (verified, one block in memory), so memory stays constant whatever the folder's size. Content that
 * is already compressed (known formats, or a first 64 KiB that zstd cannot shrink) is stored (deflate
 * level 0, no CPU spent), the rest deflated at level 1. Sizes and CRCs follow each entry in a data
 * descriptor, so nothing is read twice.
 */
public final class FolderZip {

    /**
     * The answer that streams {@code archive} as a ZIP (named after it, never cached), its files'
     * revisions read through {@code archives} as the archive's reader.
     */
    public static Response answer(FolderArchive archive, FolderArchives archives, BlockReader blocks) {
        FolderZip zip = new FolderZip(
                archive, item -> archives.revision(archive.reader(), item.fileId(), item.revision()), blocks);
        StreamingOutput body = zip::write;
        return Response.ok(body)
                .type("application/zip")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", FilesResource.disposition(zip.fileName()))
                .build();
    }

    private final FolderArchive archive;
    private final Function<FolderArchive.Item, Download> contentOf;
    private final BlockReader blocks;

    FolderZip(FolderArchive archive, Function<FolderArchive.Item, Download> contentOf, BlockReader blocks) {
        this.archive = archive;
        this.contentOf = contentOf;
        this.blocks = blocks;
    }

    /** {@code <name>.zip}: the name the browser saves it under. */
    String fileName() {
        return archive.name() + ".zip";
    }

    void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(archive.name() + "/"));
        zip.closeEntry();
        for (FolderArchive.Item item : archive.items()) {
            String name = archive.name() + "/" + item.relativePath();
            ZipEntry entry = new ZipEntry(item.folder() ? name + "/" : name);
            entry.setLastModifiedTime(FileTime.from(item.modified()));
            if (item.folder()) {
                zip.putNextEntry(entry);
                zip.closeEntry();
                continue;
            }
            Download content = contentOf.apply(item);
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(entry);
            if (content.size() > 0) {
                blocks.write(content.namespaceId(), content.blocks(), 0, content.size() - 1, new LevelChoice(zip));
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** Passes an entry's bytes on, first choosing its level from the first bytes written. */
    private static final class LevelChoice extends FilterOutputStream {
        private final ZipOutputStream zip;
        private boolean chosen;

        LevelChoice(ZipOutputStream zip) {
            super(zip);
            this.zip = zip;
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (!chosen) {
                chosen = true;
                int n = Math.min(length, 1 << 16);
                byte[] start = offset == 0 ? data : Arrays.copyOfRange(data, offset, offset + n);
                if (!Compression.compressible(start, n)) {
                    zip.setLevel(Deflater.NO_COMPRESSION);
                }
            }
            zip.write(data, offset, length);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void close() {
            // the entry is closed by FolderZip, the stream by the container
        }
    }
}
