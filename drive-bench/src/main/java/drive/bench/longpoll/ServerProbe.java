package drive.bench.longpoll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the app server's process looks like from outside, on the same machine: heap in use after a
 * full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), its thread count, open descriptors and
 * resident memory ({@code /proc}), and the machine's load average.
 */
final class ServerProbe {

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private final long pid;

    ServerProbe(long pid) {
        this.pid = pid;
    }

    /** Heap used after two full collections, in KiB. */
    long heapAfterGcKiB() throws Exception {
        jcmd("GC.run");
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("no heap figures from jcmd GC.heap_info");
        }
        return Long.parseLong(m.group(2));
    }

    /** Thread counts by name, digits folded ({@code http-thread-pool::http-listener(#)}), largest first. */
    String threadNames() throws Exception {
        java.util.Map<String, Integer> byName = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\"([^\"]*)\"").matcher(jcmd("Thread.print"));
        while (m.find()) {
            byName.merge(m.group(1).replaceAll("\\d+", "#"), 1, Integer::sum);
        }
        return byName.entrySet().stream()
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(6)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    int threads() throws IOException {
        return (int) statusField("Threads");
    }

    long rssKiB() throws IOException {
        return statusField("VmRSS");
    }

    long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private long statusField(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("no " + name + " in /proc/" + pid + "/status");
    }

    private String jcmd(String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
