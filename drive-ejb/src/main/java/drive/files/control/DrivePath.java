package drive.files.control;

import drive.platform.control.DriveException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated, normalised absolute path inside a namespace ("/recipes/soup/best_soup.txt"). Every
 * path from a client goes through {@link #parse} first, so traversal ({@code ..}), empty segments,
 * NUL and control characters, and over-long names are refused with a clear message before anything
 * touches storage. Names are stored in Unicode NFC so that the same name typed on two systems is
 * the same file.
 */
public record DrivePath(String value) {

    public static final DrivePath ROOT = new DrivePath("/");
    /** Longest path accepted, in characters. */
    public static final int MAX_PATH_LENGTH = 1024;
    /** Longest single name accepted, in UTF-8 bytes (what common file systems allow). */
    public static final int MAX_NAME_BYTES = 255;

    public static DrivePath parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw DriveException.invalid("parameter 'path' is required, e.g. path=/folder/file.txt");
        }
        String path = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (!path.startsWith("/")) {
            throw DriveException.invalid("path must start with '/'");
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw DriveException.invalid("path is longer than " + MAX_PATH_LENGTH + " characters");
        }
        if (path.equals("/")) {
            return ROOT;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String name : trimmed.substring(1).split("/", -1)) {
            checkName(name);
        }
        return new DrivePath(trimmed);
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw DriveException.invalid("path contains an empty segment ('//')");
        }
        if (name.equals(".") || name.equals("..")) {
            throw DriveException.invalid("path segments '.' and '..' are not allowed");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw DriveException.invalid("a name in the path is longer than " + MAX_NAME_BYTES + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw DriveException.invalid("path contains a NUL or control character");
            }
            if (c == '\\') {
                throw DriveException.invalid("path contains a backslash; use '/' between names");
            }
        }
    }

    public boolean isRoot() {
        return value.equals("/");
    }

    public String name() {
        return isRoot() ? "" : value.substring(value.lastIndexOf('/') + 1);
    }

    public DrivePath parent() {
        if (isRoot()) {
            return ROOT;
        }
        int slash = value.lastIndexOf('/');
        return slash == 0 ? ROOT : new DrivePath(value.substring(0, slash));
    }

    /** Every proper ancestor except the root, outermost first: /a/b/c → [/a, /a/b]. */
    public List<DrivePath> ancestors() {
        List<DrivePath> result = new ArrayList<>();
        for (DrivePath p = parent(); !p.isRoot(); p = p.parent()) {
            result.add(0, p);
        }
        return result;
    }

    @Override
    public String toString() {
        return value;
    }
}
