package drive.sharing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkTicketsTest {

    private static final String KEY = "PBKDF2WithHmacSHA256:120000:c2FsdA==:aGFzaA==";
    private static final Instant NOW = Instant.parse("2026-12-07T16:00:00Z");

    @Test
    void aTicketOpensItsLinkUntilItExpires() {
        String ticket = LinkTickets.issue(7, KEY, NOW);
        assertThat(LinkTickets.valid(ticket, 7, KEY, NOW)).isTrue();
        assertThat(LinkTickets.valid(ticket, 7, KEY, NOW.plus(LinkTickets.VALIDITY)))
                .isTrue();
        assertThat(LinkTickets.valid(
                        ticket, 7, KEY, NOW.plus(LinkTickets.VALIDITY).plusSeconds(1)))
                .as("expired")
                .isFalse();
    }

    @Test
    void aTicketOpensNoOtherLinkAndCannotBeForgedOrStretched() {
        String ticket = LinkTickets.issue(7, KEY, NOW);
        assertThat(LinkTickets.valid(ticket, 8, KEY, NOW)).as("another link").isFalse();
        assertThat(LinkTickets.valid(ticket, 7, KEY + "x", NOW))
                .as("another key")
                .isFalse();
        String mac = ticket.substring(ticket.indexOf('.'));
        long expiry = Long.parseLong(ticket.substring(0, ticket.indexOf('.')));
        assertThat(LinkTickets.valid((expiry + 3600) + mac, 7, KEY, NOW))
                .as("a later expiry")
                .isFalse();
        for (String junk : new String[] {null, "", ".", "x.y", "123", ticket + "A", "-1" + mac}) {
            assertThat(LinkTickets.valid(junk, 7, KEY, NOW)).as("%s", junk).isFalse();
        }
        assertThat(LinkTickets.valid(ticket, 7, null, NOW))
                .as("a link without a password has no key")
                .isFalse();
    }
}
