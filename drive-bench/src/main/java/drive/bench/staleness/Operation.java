package drive.bench.staleness;

/**
 * One line of a history: a write that made {@code revision} of {@code file}, or a read that saw it,
 * with the instance it went to and when it was invoked and completed (nanoseconds of one clock).
 * One tab-separated line per operation: {@code W|R instance what file invoked completed revision}.
 */
public record Operation(
        boolean write, String instance, String what, String file, long invoked, long completed, long revision) {

    public String line() {
        return String.join(
                "\t",
                write ? "W" : "R",
                instance,
                what,
                file,
                Long.toString(invoked),
                Long.toString(completed),
                Long.toString(revision));
    }

    public static Operation parse(String line) {
        String[] f = line.split("\t");
        if (f.length != 7 || !(f[0].equals("W") || f[0].equals("R"))) {
            throw new IllegalArgumentException("not a history line: " + line);
        }
        return new Operation(
                f[0].equals("W"), f[1], f[2], f[3], Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
    }
}
