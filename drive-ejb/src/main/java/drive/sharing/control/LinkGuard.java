package drive.sharing.control;

import drive.platform.control.DriveException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limit of share-link access against guessing: a client (by address) that made more than
 * {@code drive.links.max-failures} failed attempts (unknown token, wrong password) within {@code
 * drive.links.window-seconds} is refused — every link request, right or wrong, answers 429 — until
 * the window ends. Per instance, in memory: with n instances a guesser gets at most n times the
 * allowance, which against 256-bit tokens changes nothing; the limit is really there for passwords.
 */
@ApplicationScoped
public class LinkGuard {

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "drive.links.max-failures", defaultValue = "20")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "drive.links.window-seconds", defaultValue = "60")
    int windowSeconds;

    private record Window(long start, int failures) {}

    /** Refuses a client over its allowance (429). */
    public void check(String client) {
        Window w = windows.get(client);
        if (w != null && !expired(w) && w.failures() >= maxFailures) {
            throw new DriveException(
                    DriveException.Kind.TOO_MANY_REQUESTS,
                    "too many failed share-link attempts from this address; try again in a minute");
        }
    }

    /** Counts a failed attempt. */
    public void failed(String client) {
        windows.compute(
                client,
                (k, w) -> w == null || expired(w)
                        ? new Window(System.nanoTime(), 1)
                        : new Window(w.start(), w.failures() + 1));
        if (windows.size() > 100_000) { // bounded memory: forget finished windows
            windows.values().removeIf(this::expired);
        }
    }

    private boolean expired(Window w) {
        return System.nanoTime() - w.start() > windowSeconds * 1_000_000_000L;
    }
}
