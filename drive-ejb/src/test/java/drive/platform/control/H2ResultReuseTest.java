package drive.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * H2 (2.2.224, the version Payara bundles) may answer a query with a result it computed before the
 * last commit. It reuses a session's previous result of the same query while no table the query reads
 * was modified since; but a commit marks its tables modified <em>before</em> it makes its rows
 * visible ({@code SessionLocal.commit}: {@code markUsedTablesAsUpdated()}, then
 * {@code transaction.commit()}). A query that runs in between caches the pre-commit rows under the
 * post-commit modification mark, and the session gets those rows back until the next write.
 * Payara's pool hands one H2 session to request after request, so a read that starts after a write's
 * commit has returned could still see the older value — it made {@code ContainerIT}'s journal test
 * flaky (the change counter read one behind the entries). Drive's H2 data source turns the reuse off
 * ({@code OPTIMIZE_REUSE_RESULTS=FALSE} in {@code server-config/payara/post-boot/10-datasource-h2.asadmin});
 * PostgreSQL has no such cache.
 */
class H2ResultReuseTest {

    private static final Path FRAGMENT = Path.of("../server-config/payara/post-boot/10-datasource-h2.asadmin");
    private static final int TRIALS = 400;

    @Test
    void withH2sDefaultAReadAfterACommitCanReturnThePreCommitValue() throws Exception {
        assertThat(staleReadsAfterCommit("jdbc:h2:mem:reuse-default;DB_CLOSE_DELAY=-1"))
                .as("stale reads with H2's default (none would mean H2 fixed it and the option could go)")
                .isPositive();
    }

    @Test
    void drivesH2OptionsNeverReturnAPreCommitValue() throws Exception {
        String options = urlOptions();
        assertThat(options).contains(";OPTIMIZE_REUSE_RESULTS=FALSE");
        assertThat(staleReadsAfterCommit("jdbc:h2:mem:reuse-drive;DB_CLOSE_DELAY=-1" + options))
                .isZero();
    }

    /**
     * A writer sets a counter to 1, 2, … committing each; meanwhile a reader (one session, a fresh
     * statement each time, as the pool's connections see it) reads it in a loop. Once the commit has
     * returned, the reader reads again: counts the reads that missed the committed value.
     */
    private static int staleReadsAfterCommit(String url) throws Exception {
        try (Connection setup = DriverManager.getConnection(url, "sa", "");
                Connection writer = DriverManager.getConnection(url, "sa", "");
                Connection reader = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = setup.createStatement()) {
                s.execute("CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT NOT NULL)");
                s.execute("INSERT INTO counter VALUES (1, 0)");
            }
            writer.setAutoCommit(false);
            int stale = 0;
            for (int value = 1; value <= TRIALS; value++) {
                int next = value;
                AtomicBoolean committed = new AtomicBoolean();
                AtomicReference<SQLException> failure = new AtomicReference<>();
                Thread write = new Thread(() -> {
                    try (PreparedStatement update = writer.prepareStatement("UPDATE counter SET n = ? WHERE id = 1")) {
                        update.setLong(1, next);
                        update.executeUpdate();
                        writer.commit();
                    } catch (SQLException e) {
                        failure.set(e);
                    }
                    committed.set(true);
                });
                write.start();
                while (!committed.get()) {
                    read(reader);
                }
                write.join();
                if (failure.get() != null) {
                    throw failure.get();
                }
                if (read(reader) != next) {
                    stale++;
                }
            }
            return stale;
        }
    }

    private static long read(Connection reader) throws SQLException {
        try (PreparedStatement query = reader.prepareStatement("SELECT n FROM counter WHERE id = ?")) {
            query.setInt(1, 1);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The options after the file path in the pool's URL, unescaped from asadmin's syntax. */
    private static String urlOptions() throws Exception {
        Matcher url = Pattern.compile("url=(\\S+?):user=").matcher(Files.readString(FRAGMENT));
        assertThat(url.find()).as("the H2 pool's url in " + FRAGMENT).isTrue();
        String value = url.group(1).replace("\\", "");
        return value.substring(value.indexOf(';'));
    }
}
