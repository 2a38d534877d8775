package drive.sync.control;

import drive.platform.control.DriveException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A position in the journals a client follows: for each namespace, the sequence number of the last
 * entry it has seen. Opaque to clients: base64url of {@code c1.<namespace>:<seq>[,<namespace>:<seq>…]}
 * ({@code c1} names this format, so it can change without breaking old cursors). Only its owner can
 * use it: {@link drive.sync.boundary.Changes} checks every namespace against what the caller sees.
 */
public record Cursor(Map<Long, Long> positions) {

    static final String VERSION = "c1";
    private static final int MAX_LENGTH = 4096;

    public Cursor {
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    public static Cursor of(long namespaceId, long seq) {
        return new Cursor(Map.of(namespaceId, seq));
    }

    /** The last sequence number seen in {@code namespaceId} (0: none). */
    public long after(long namespaceId) {
        return positions.getOrDefault(namespaceId, 0L);
    }

    public Cursor with(long namespaceId, long seq) {
        Map<Long, Long> moved = new TreeMap<>(positions);
        moved.put(namespaceId, seq);
        return new Cursor(moved);
    }

    public String encode() {
        StringJoiner pairs = new StringJoiner(",", VERSION + ".", "");
        positions.forEach((namespace, seq) -> pairs.add(namespace + ":" + seq));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(pairs.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor {@code text} encodes; a 400 for anything else (one message for every fault: nothing to learn from it). */
    public static Cursor decode(String text) {
        if (text == null || text.isBlank()) {
            throw DriveException.invalid("cursor is required: get one from GET /api/changes/latest_cursor");
        }
        try {
            if (text.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String plain = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.US_ASCII);
            if (!plain.startsWith(VERSION + ".")) {
                throw new IllegalArgumentException("unknown version");
            }
            Map<Long, Long> positions = new TreeMap<>();
            for (String pair : plain.substring(VERSION.length() + 1).split(",", -1)) {
                String[] parts = pair.split(":", -1);
                long namespace = Long.parseLong(parts[0]);
                long seq = Long.parseLong(parts[1]);
                if (parts.length != 2 || namespace < 0 || seq < 0 || positions.put(namespace, seq) != null) {
                    throw new IllegalArgumentException("bad pair");
                }
            }
            return new Cursor(positions);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    public static DriveException invalid() {
        return DriveException.invalid("invalid cursor: use one returned by /api/changes for this account");
    }
}
