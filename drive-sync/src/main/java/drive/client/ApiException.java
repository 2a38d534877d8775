package drive.client;

/**
 * An answer of the server that the client did not expect (or could not get): the status (0 when
 * the request failed before an answer), Drive's {@code error} code and its message.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    ApiException(int status, String error, String message) {
        super(status + " " + error + ": " + message);
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
