package drive.sharing.control;

import drive.platform.control.DriveException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps an owner's paths out of the errors a share's recipient (or a link's visitor) is given. An
 * operation on a shared path runs in the owner's namespace, so a {@link DriveException} it raises
 * names the owner's path ({@code no file or folder at '/Work/2026/Q3/x'}); this interceptor, on the
 * boundaries that resolve paths through {@link Access}, rewrites every quoted path the request's
 * mounts cover as the caller sees it ({@code '/Q3 from Bob/x'}, or {@code '/x'} through a link), so
 * nobody learns where the owner keeps what they shared. Messages {@link Access} phrases itself are
 * already in the caller's terms and left alone. The mounts are collected per outermost call on the
 * thread and dropped when it returns.
 */
public class OwnerPaths {

    private static final ThreadLocal<List<Mount>> MOUNTS = new ThreadLocal<>();

    /** Notes that the current call went through {@code mount}. */
    static void through(Mount mount) {
        List<Mount> mounts = MOUNTS.get();
        if (mounts != null) {
            mounts.add(mount);
        }
    }

    @AroundInvoke
    Object hideOwnerPaths(InvocationContext call) throws Exception {
        if (MOUNTS.get() != null) {
            return call.proceed(); // a nested call: the outermost one rephrases
        }
        List<Mount> mounts = new ArrayList<>(2);
        MOUNTS.set(mounts);
        try {
            return call.proceed();
        } catch (DriveException e) {
            throw mounts.isEmpty() ? e : e.rephrased(message -> outward(message, mounts));
        } finally {
            MOUNTS.remove();
        }
    }

    /**
     * {@code message} with each quoted path below one of {@code mounts} ({@code '<root>'} or {@code
     * '<root>/…}) as the caller sees it. Matched literally at each quote, in one pass, the longest root
     * first: paths may hold quotes themselves, and a rewritten path is never rewritten again.
     */
    static String outward(String message, List<Mount> mounts) {
        if (message == null) {
            return null;
        }
        List<Mount> longestFirst = mounts.stream()
                .sorted(Comparator.comparingInt((Mount m) -> m.root().length()).reversed())
                .toList();
        StringBuilder out = new StringBuilder(message.length());
        int i = 0;
        while (i < message.length()) {
            char c = message.charAt(i);
            out.append(c);
            i++;
            if (c != '\'') {
                continue;
            }
            for (Mount mount : longestFirst) {
                String root = mount.root();
                int end = i + root.length();
                if (message.startsWith(root, i)
                        && end < message.length()
                        && (message.charAt(end) == '/' || message.charAt(end) == '\'')) {
                    String seen = mount.outward(root); // "/<name>", or "/" through a link
                    out.append(message.charAt(end) == '/' && seen.endsWith("/") ? "" : seen);
                    i = end;
                    break;
                }
            }
        }
        return out.toString();
    }
}
