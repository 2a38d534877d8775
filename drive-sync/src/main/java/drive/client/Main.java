package drive.client;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** {@code java -jar drive-sync.jar --url … --user … --password … --dir …}: see {@link Options#USAGE}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args, System.getenv("DRIVE_PASSWORD"));
        } catch (IllegalArgumentException e) {
            System.err.println("drive-sync: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %5$s%6$s%n");
        Logger log = Logger.getLogger("drive.sync");
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        console.setLevel(Level.ALL);
        log.setUseParentHandlers(false);
        log.addHandler(console);
        SyncClient client;
        try {
            client = new SyncClient(options);
        } catch (ApiException | IllegalStateException | java.io.IOException e) {
            System.err.println("drive-sync: " + e.getMessage());
            if (String.valueOf(e.getMessage()).contains("PKIX")) {
                System.err.println("drive-sync: the server's certificate is not trusted: give it with --truststore FILE"
                        + " (or, for a test server only, --insecure)");
            }
            System.exit(1);
            return;
        }
        if (options.once()) {
            client.syncOnce();
            // nothing to do
            System.out.println("drive-sync: " + client.stats());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(client::close));
        System.out.println("drive-sync: following " + options.dir().toAbsolutePath() + " <-> " + options.url()
                + " (Ctrl-C stops)");
        client.start();
        if (client.awaitStop()) {
            System.exit(3);
        }
    }
}
