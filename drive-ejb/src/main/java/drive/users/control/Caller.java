package drive.users.control;

/**
 * Who is making a request, as established by authentication: the user and, for API clients that
 * use a device token, the device. Facades take it explicitly so they stay testable without a
 * security context.
 */
public record Caller(String username, Long deviceId) {

    public static Caller user(String username) {
        return new Caller(username, null);
    }
}
