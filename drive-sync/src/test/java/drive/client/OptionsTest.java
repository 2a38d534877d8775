package drive.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final String[] REQUIRED = {"--url", "https://drive.example:8443/", "--user", "ann", "--dir", "/tmp/x"
    };

    private static String[] with(String... more) {
        String[] all = new String[REQUIRED.length + more.length];
        System.arraycopy(REQUIRED, 0, all, 0, REQUIRED.length);
        System.arraycopy(more, 0, all, REQUIRED.length, more.length);
        return all;
    }

    @Test
    void takesEverythingFromTheCommandLineWithSafeDefaults() {
        Options o = Options.parse(with("--password", "pw"), null);
        assertThat(o.url()).isEqualTo("https://drive.example:8443/");
        assertThat(o.password()).isEqualTo("pw");
        assertThat(o.dir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.deviceName()).isEqualTo("sync x");
        assertThat(o.insecure())
                .as("certificates are checked unless asked otherwise")
                .isFalse();
        assertThat(o.scanInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.pollTimeoutSeconds()).isEqualTo(60);
        assertThat(o.once()).isFalse();
        assertThat(o.register()).isFalse();
    }

    @Test
    void thePasswordMayComeFromTheEnvironment() {
        assertThat(Options.parse(with("--device", "laptop", "--insecure", "--once", "--register"), "from-env"))
                .extracting(Options::password, Options::deviceName, Options::insecure, Options::once, Options::register)
                .containsExactly("from-env", "laptop", true, true, true);
    }

    @Test
    void refusesWhatCannotWork() {
        assertThatThrownBy(() -> Options.parse(REQUIRED, null)).hasMessageContaining("--password");
        assertThatThrownBy(() -> Options.parse(with("--password", "p", "--insecure", "--truststore", "t.p12"), null))
                .hasMessageContaining("exclude each other");
        assertThatThrownBy(() -> Options.parse(with("--password", "p", "--poll-timeout", "5"), null))
                .hasMessageContaining("--poll-timeout");
        assertThatThrownBy(() -> Options.parse(with("--password"), null)).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(with("--password", "p", "--colour"), null))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> Options.parse(
                        new String[] {"--url", "ftp://x", "--user", "u", "--password", "p", "--dir", "d"}, null))
                .hasMessageContaining("https://");
    }
}
