package drive.users.control;

/**
 * Who is making a request, as established by authentication: the user and, for API clients that
 * use a device token, the device. Facades take it explicitly so they stay testable without a
 * security context. {@code namespaceId} is null for the caller's own drive; {@link
 * drive.sharing.control.Access} sets it, and nothing else does, when a request works inside a
 * folder or file someone shared with the caller (the user stays the caller: revisions and journal
 * entries name who made them).
 */
public record Caller(String username, Long deviceId, Long namespaceId) {

    public Caller(String username, Long deviceId) {
        this(username, deviceId, null);
    }

    public static Caller user(String username) {
        return new Caller(username, null);
    }

    /** The same caller, working in another user's namespace (only {@code Access} grants that). */
    public Caller in(long namespace) {
        return new Caller(username, deviceId, namespace);
    }

    /** The same caller in their own drive. */
    public Caller own() {
        return namespaceId == null ? this : new Caller(username, deviceId, null);
    }
}
