package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.web.security.LoginProperties;
import fr.sommenumerique.helpdesk.web.security.LoginThrottle;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final SettableClock clock = new SettableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginProperties(3, 10, Duration.ofSeconds(30), Duration.ofMinutes(5)), clock);

    @Test
    void a_username_is_locked_after_repeated_failures_for_a_growing_while() {
        throttle.failed("Claire", "10.0.0.1");
        throttle.failed("claire", "10.0.0.2");
        assertThat(throttle.lockRemaining("claire", "10.0.0.3")).isEmpty();
        throttle.failed("claire ", "10.0.0.3");
        assertThat(throttle.lockRemaining("CLAIRE", "10.0.0.9")).contains(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.lockRemaining("claire", null)).isEmpty();
        throttle.failed("claire", "10.0.0.3");
        assertThat(throttle.lockRemaining("claire", null)).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            throttle.failed("claire", null);
        }
        assertThat(throttle.lockRemaining("claire", null)).contains(Duration.ofMinutes(5));
        assertThat(throttle.lockRemaining("bruno", null)).isEmpty();
    }

    @Test
    void a_success_clears_the_username_but_not_the_address() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThat(throttle.lockRemaining("quelqu-un", "192.0.2.7")).isPresent();
        throttle.failed("marie", "198.51.100.1");
        throttle.failed("marie", "198.51.100.1");
        throttle.succeeded("marie");
        throttle.failed("marie", "198.51.100.1");
        assertThat(throttle.lockRemaining("marie", "198.51.100.1")).isEmpty();
    }

    @Test
    void failures_are_forgotten_after_an_hour_of_calm() {
        throttle.failed("paul", null);
        throttle.failed("paul", null);
        clock.advance(Duration.ofMinutes(61));
        throttle.failed("paul", null);
        assertThat(throttle.lockRemaining("paul", null)).isEmpty();
    }

    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
