package drive.files.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Content-Range} of a resumable-upload request (RFC 9110 §14.4, as Google's protocol
 * uses it): {@code bytes a-b/total} for a chunk, {@code bytes *}{@code /total} for a status query;
 * {@code total} may be {@code *} (unknown, then the session's declared size applies).
 */
record ContentRange(long first, long last, long total) {

    /** {@link #total()} when the client sent {@code *}. */
    static final long UNKNOWN = -1;

    private static final Pattern CHUNK = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
    private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d{1,18}|\\*)");

    /** A header that is not a valid content range, or one inconsistent in itself (416). */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static ContentRange parse(String header) throws Malformed {
        if (header == null || header.isBlank()) {
            throw new Malformed("Content-Range is required: 'bytes first-last/total', or 'bytes */total' to ask");
        }
        String value = header.trim();
        Matcher query = QUERY.matcher(value);
        if (query.matches()) {
            return new ContentRange(UNKNOWN, UNKNOWN, total(query.group(1)));
        }
        Matcher chunk = CHUNK.matcher(value);
        if (!chunk.matches()) {
            throw new Malformed("Content-Range '" + value + "' is not 'bytes first-last/total' or 'bytes */total'");
        }
        long first = Long.parseLong(chunk.group(1));
        long last = Long.parseLong(chunk.group(2));
        long total = total(chunk.group(3));
        if (last < first || (total != UNKNOWN && last >= total)) {
            throw new Malformed("Content-Range '" + value + "' is inconsistent: need first <= last < total");
        }
        return new ContentRange(first, last, total);
    }

    boolean isStatusQuery() {
        return first == UNKNOWN;
    }

    long length() {
        return last - first + 1;
    }

    private static long total(String group) {
        return group.equals("*") ? UNKNOWN : Long.parseLong(group);
    }
}
