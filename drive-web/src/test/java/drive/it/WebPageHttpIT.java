package drive.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The browser page at / is public, scriptable only from Drive itself, and hardened by headers. */
class WebPageHttpIT {

    private final DriveClient anonymous = DriveClient.anonymous();

    @Test
    void startPageIsServedWithoutSignInAndLoadsItsScriptFromDrive() {
        DriveClient.Reply page = anonymous.get("/");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.header("Content-Type")).get().asString().startsWith("text/html");
        assertThat(page.text())
                .contains("<script src=\"ui/drive.js\" defer></script>")
                .doesNotContain("onclick=");
        assertThat(anonymous.get("/ui/drive.js").status()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicy() {
        for (DriveClient.Reply reply : new DriveClient.Reply[] {anonymous.get("/"), anonymous.get("/api/status")}) {
            assertThat(reply.header("Content-Security-Policy"))
                    .as(reply.request())
                    .get()
                    .asString()
                    .contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(reply.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(reply.header("Strict-Transport-Security")).isPresent();
        }
    }
}
