package fr.sommenumerique.helpdesk.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.telegram.chat.FloodGuard.Verdict;

class FloodGuardTest {

    private Instant now = Instant.parse("2026-03-02T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aBurstAboveTheLimitIsRefusedThePersonIsWarnedOnceAndTheAllowanceComesBack() {
        FloodGuard guard = new FloodGuard(3, Duration.ofMinutes(1), clock);
        assertThat(guard.admit(1)).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.admit(1)).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.admit(1)).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.admit(1)).isEqualTo(Verdict.LIMITED_FIRST);
        assertThat(guard.admit(1)).isEqualTo(Verdict.LIMITED);
        assertThat(guard.admit(2)).as("other chats are not affected").isEqualTo(Verdict.ALLOWED);

        now = now.plusSeconds(20); // one message back (3 per minute)
        assertThat(guard.admit(1)).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.admit(1)).isEqualTo(Verdict.LIMITED_FIRST);

        now = now.plus(Duration.ofMinutes(5)); // never more than the capacity
        assertThat(guard.admit(1)).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.admit(1)).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.admit(1)).isEqualTo(Verdict.ALLOWED);
        assertThat(guard.admit(1)).isEqualTo(Verdict.LIMITED_FIRST);
    }
}
