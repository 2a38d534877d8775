package drive.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of the client, parsed and checked (an {@link IllegalArgumentException} says what is wrong). */
record Options(
        String url,
        String user,
        String password,
        Path dir,
        String deviceName,
        boolean insecure,
        String trustStore,
        String trustStorePassword,
        Duration scanInterval,
        int pollTimeoutSeconds,
        boolean once,
        boolean register) {

    static final String USAGE =
            """
            usage: java -jar drive-sync.jar --url https://host:8443 --user NAME --password PASSWORD --dir FOLDER
                   [--device NAME] [--insecure | --truststore FILE [--truststore-password P]]
                   [--scan-interval SECONDS] [--poll-timeout SECONDS] [--once] [--register]
              --password may also come from the environment variable DRIVE_PASSWORD
              --insecure accepts any server certificate (only for a test server with a self-signed one)
              --once syncs once and exits instead of following changes
              --register registers the folder as a new device (after its device was revoked)""";

    static Options parse(String[] args, String passwordFromEnvironment) {
        String url = null, user = null, password = passwordFromEnvironment, dir = null, device = null;
        String trustStore = null, trustStorePassword = null;
        boolean insecure = false, once = false, register = false;
        double scan = 2;
        int poll = 60;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            switch (flag) {
                case "--url" -> url = value(flag, rest);
                case "--user" -> user = value(flag, rest);
                case "--password" -> password = value(flag, rest);
                case "--dir" -> dir = value(flag, rest);
                case "--device" -> device = value(flag, rest);
                case "--insecure" -> insecure = true;
                case "--truststore" -> trustStore = value(flag, rest);
                case "--truststore-password" -> trustStorePassword = value(flag, rest);
                case "--scan-interval" -> scan = number(flag, value(flag, rest), 0.1, 3600);
                case "--poll-timeout" -> poll = (int) number(flag, value(flag, rest), 30, 480);
                case "--once" -> once = true;
                case "--register" -> register = true;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        require(url, "--url");
        require(user, "--user");
        require(password, "--password (or DRIVE_PASSWORD)");
        require(dir, "--dir");
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("--url must start with https:// (or http://)");
        }
        if (insecure && trustStore != null) {
            throw new IllegalArgumentException("--insecure and --truststore exclude each other");
        }
        if (device == null) {
            device = "sync " + Path.of(dir).toAbsolutePath().normalize().getFileName();
        }
        return new Options(
                url,
                user,
                password,
                Path.of(dir),
                device,
                insecure,
                trustStore,
                trustStorePassword,
                Duration.ofMillis((long) (scan * 1000)),
                poll,
                once,
                register);
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return rest.remove(0);
    }

    private static double number(String flag, String value, double min, double max) {
        try {
            double n = Double.parseDouble(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a number from " + min + " to " + max + ", not " + value);
    }

    private static void require(String value, String flag) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + " is required");
        }
    }
}
